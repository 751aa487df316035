/**
 * One register record (DESIGN.md §7) as the Exception issue the app would have left in Jira: its fields under the
 * ids setup recorded in SiteConfig, in the REST v3 input form (ADF for paragraph fields, `{value}` for options,
 * `{accountId}` for users), its status, reporter, creation time, evidence attachments, and the lifecycle property
 * as the app writes it (lifecycle-update.ts: the history, `nextActionAt` from the planner, the policy version of
 * the last decision that opened a period), compacted under Jira's 32 KB like the app's (compact-lifecycle.ts).
 * Pure: the seed writes the result into the simulator.
 */
import { doc, paragraph, text } from '@atlaskit/adf-utils/builders';
import { compactLifecycle } from '../../src/application/lifecycle/compact-lifecycle';
import type { LifecycleProperty } from '../../src/application/lifecycle-property';
import type { AdfDocument } from '../../src/application/ports/jira-port';
import type { SiteConfig } from '../../src/application/site-config';
import { nextActionAt } from '../../src/domain/planner';
import type { Policy } from '../../src/domain/policy-schema';
import type { ExceptionRecord, HistoryEntry } from '../../src/domain/register-schema';
import { PERIOD_ACTIONS, RECERTIFICATION_CHECKS } from '../../src/domain/vocabulary';
import type { IssueSeed } from '../state/sim-state';
import { SeedError } from './seed-error';

export interface ExceptionIssueSeed {
  readonly key: string;
  /** For SimState.addIssue; `project` is the key's prefix. */
  readonly issue: IssueSeed;
  readonly lifecycle: LifecycleProperty;
  /** Entries the compaction moved out of the property, oldest first, for the archive pages. */
  readonly archived: readonly HistoryEntry[];
}

/** A text field as REST v3 takes it: a paragraph per line (adfToText reads it back line for line); '' is empty. */
export const paragraphs = (value: string): AdfDocument | null =>
  value === ''
    ? null
    : doc(...value.split('\n').map((line) => (line === '' ? paragraph() : paragraph(text(line)))));

const option = (value: string | null): { value: string } | null => (value === null ? null : { value });

/** The custom field values of the record, keyed by the field ids of `config`. */
export const exceptionFields = (record: ExceptionRecord, config: SiteConfig): Record<string, unknown> => {
  const F = config.fields;
  // Affected Assets are Jira labels, which cannot hold white space (Jira answers 400): say which one, not what.
  const spaced = record.affectedAssets.findIndex((asset) => /\s/.test(asset));
  if (spaced >= 0)
    throw new SeedError(
      record.key,
      `affectedAssets[${spaced}]`,
      'must not contain spaces: Affected Assets are Jira labels',
    );
  const checklist = record.recertificationChecklist;
  return {
    [F.exceptionType]: { value: record.type },
    [F.justification]: paragraphs(record.justification),
    [F.riskOwner]: record.riskOwner === null ? null : { accountId: record.riskOwner.accountId },
    [F.compensatingControls]: paragraphs(record.compensatingControls),
    [F.expirationDate]: record.expirationDate,
    [F.affectedAssets]: [...record.affectedAssets],
    [F.urgency]: option(record.urgency),
    [F.remediationPlan]: paragraphs(record.remediationPlan),
    [F.riskRating]: option(record.riskRating),
    [F.recertificationChecklist]:
      checklist === null
        ? null
        : RECERTIFICATION_CHECKS.filter((check) => checklist[check]).map((check) => ({ value: check })),
  };
};

/** The lifecycle property the app's writes would have left after recording `record.history`, at `now`. */
export const exceptionLifecycle = (
  record: ExceptionRecord,
  policy: Policy,
  now: string,
): { lifecycle: LifecycleProperty; archived: readonly HistoryEntry[] } => {
  const lastPeriod = record.history.findLast((entry) => PERIOD_ACTIONS.includes(entry.action));
  const { lifecycle, archived } = compactLifecycle({
    version: 1,
    history: record.history,
    nextActionAt: nextActionAt(record, policy, now),
    policyVersion: lastPeriod?.policyVersion ?? null,
  });
  return { lifecycle, archived };
};

export const exceptionIssueSeed = (
  record: ExceptionRecord,
  config: SiteConfig,
  policy: Policy,
  now: string,
): ExceptionIssueSeed => {
  const { lifecycle, archived } = exceptionLifecycle(record, policy, now);
  const requester = record.requester.accountId;
  return {
    key: record.key,
    issue: {
      project: record.key.slice(0, record.key.lastIndexOf('-')),
      issueType: config.issueTypeId,
      summary: record.summary,
      status: config.statuses[record.status],
      reporter: requester,
      creator: requester,
      created: record.createdAt,
      updated: record.history.at(-1)?.at ?? record.createdAt,
      fields: exceptionFields(record, config),
      attachments: Array.from({ length: record.attachmentCount }, (_, index) => ({
        filename: `evidence-${index + 1}.pdf`,
        mimeType: 'application/pdf',
        size: 48_213,
        author: requester,
      })),
    },
    lifecycle,
    archived,
  };
};
