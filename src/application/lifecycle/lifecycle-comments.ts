/**
 * The comments the sweep leaves (DESIGN.md §5): Atlassian Document Format built with @atlaskit/adf-utils, each
 * mentioning the risk owner and the requester (once when they are the same person), and saying in plain words why
 * (the planner's reason). Nothing a person typed is repeated in them but the exception's own restore text.
 */
import { doc, mention, paragraph, text } from '@atlaskit/adf-utils/builders';
import type { PlannedAction } from '../../domain/planner';
import type { Policy } from '../../domain/policy-schema';
import type { ExceptionRecord, UserRef } from '../../domain/register-schema';
import type { AdfDocument } from '../ports/jira-port';

const people = (record: ExceptionRecord): UserRef[] => {
  const owner = record.riskOwner;
  return owner === null || owner.accountId === record.requester.accountId
    ? [record.requester]
    : [owner, record.requester];
};

/** The opening paragraph: a mention of each person concerned, then `words`. */
const addressed = (record: ExceptionRecord, words: string) =>
  paragraph(
    ...people(record).flatMap((person, index) => [
      ...(index === 0 ? [] : [text(' ')]),
      mention({ id: person.accountId, text: `@${person.displayName || person.accountId}` }),
    ]),
    text(` ${words}`),
  );

const OPENINGS: Record<Exclude<PlannedAction['action'], 'escalate-chronic'>, string> = {
  'remind-75': 'this security exception is three quarters through its approval period.',
  'remind-14d': 'this security exception expires in two weeks.',
  'start-recertification':
    'recertification of this security exception is open: review it and Recertify it before it expires, or it is reverted.',
  revert: 'this security exception has expired without a recertification and is reverted.',
  'sla-breach': 'this security exception has not been decided within its decision SLA.',
};

/** A reminder, the opening of recertification or an SLA breach. */
export const lifecycleComment = (
  action: Exclude<PlannedAction['action'], 'escalate-chronic' | 'revert'>,
  planned: PlannedAction,
  record: ExceptionRecord,
): AdfDocument => doc(addressed(record, OPENINGS[action]), paragraph(text(planned.reason)));

/** The revert's comment, which is also the transition's reason: it names what must be restored. */
export const revertComment = (planned: PlannedAction, record: ExceptionRecord, policy: Policy): AdfDocument =>
  doc(
    addressed(record, OPENINGS.revert),
    paragraph(text(planned.reason)),
    paragraph(text(`Restore: ${policy.packs[record.type].restoreText}`)),
  );

/** The reason the Revert transition's Decision Reason field carries (the same words as the comment's). */
export const revertReason = (record: ExceptionRecord, policy: Policy): AdfDocument =>
  doc(paragraph(text(`Reverted by the app at expiry. Restore: ${policy.packs[record.type].restoreText}`)));

/** On the exception: the chronic case has an engineering issue (or, with none configured, needs one). */
export const chronicComment = (
  planned: PlannedAction,
  record: ExceptionRecord,
  engineeringIssueKey: string | null,
): AdfDocument =>
  doc(
    addressed(
      record,
      engineeringIssueKey === null
        ? 'this security exception is chronic. No engineering project is configured in the policy (escalation.projectKey), so no engineering issue was raised: plan the remediation with engineering.'
        : `this security exception is chronic: engineering issue ${engineeringIssueKey} is raised to remove the need for it.`,
    ),
    paragraph(text(planned.reason)),
  );

/** On the engineering issue: why it exists. */
export const engineeringComment = (planned: PlannedAction, record: ExceptionRecord): AdfDocument =>
  doc(
    addressed(
      record,
      `security exception ${record.key} is chronic; this issue is to remove the need for it.`,
    ),
    paragraph(text(planned.reason)),
  );

/** To the requester and the security groups: the risk owner's account is inactive, so someone must take over. */
export const inactiveOwnerComment = (record: ExceptionRecord, groups: readonly string[]): AdfDocument =>
  doc(
    paragraph(
      mention({
        id: record.requester.accountId,
        text: `@${record.requester.displayName || record.requester.accountId}`,
      }),
      text(
        ` the risk owner of this security exception has an inactive Jira account, so nobody answers for the risk. Set a new Risk Owner; ${groups.length === 0 ? 'the security team' : groups.join(', ')} can help.`,
      ),
    ),
  );
