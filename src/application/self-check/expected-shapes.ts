/**
 * What the code expects each source to receive, from the same knowledge as the handlers' zod schemas
 * (FORGE_NOTES §1, §2, §16): each assumption that no document settles, with how a recorded shape confirms or
 * refutes it, in plain words for the admin page. A check answers `silent` when the shape says nothing either
 * way (no context recorded, say).
 */
import { typesAt, type PathShape } from '../../domain/payload-shape';
import type { ObservedShape, SelfCheckSource } from '../../contracts/admin-self-check';

export type Verdict = 'holds' | 'fails' | 'silent';

export interface Assumption {
  readonly id: string;
  /** What the code assumes. */
  readonly assumption: string;
  readonly check: (shape: ObservedShape) => Verdict;
  /** Said when the site's traffic refutes it: what was seen instead and what it means. */
  readonly refuted: string;
}

export interface ExpectedShape {
  readonly description: string;
  readonly assumptions: readonly Assumption[];
}

/** Whether `path` was seen, as one of `types` when any are named. */
const has = (shape: PathShape | undefined, path: string, ...types: readonly string[]): boolean => {
  const seen = shape === undefined ? [] : typesAt(shape, path);
  return types.length === 0 ? seen.length > 0 : seen.some((type) => types.includes(type));
};

const holdsIf = (condition: boolean): Verdict => (condition ? 'holds' : 'fails');

const ID = ['string', 'number'] as const;

const issueKey: Assumption = {
  id: 'issue-key',
  assumption: 'The payload names the issue in issue.key, a string.',
  check: ({ payload }) => holdsIf(has(payload, 'issue.key', 'string')),
  refuted:
    'A payload arrived without issue.key as a string (third-party notes saw it absent on the create transition). The handler cannot tell which issue it is about and refuses or ignores that call.',
};

const configurationObject = (what: string): Assumption => ({
  id: 'configuration-object',
  assumption: `The ${what}'s configuration arrives as a JSON object, as setup saved it ({"transition": "…"}).`,
  check: ({ payload }) => {
    if (has(payload, 'configuration', 'string', 'number', 'boolean', 'array', 'null')) return 'fails';
    return holdsIf(has(payload, 'configuration', 'object'));
  },
  refuted: `The ${what}'s configuration arrived as something other than a JSON object (JSON text, as some apps report, or nothing at all). The app must parse JSON text before reading which transition the rule is for.`,
});

const VALIDATOR: ExpectedShape = {
  description:
    'The workflow validator (validate-transition): Jira calls it before Approve, Reject, Recertify and the other guarded transitions.',
  assumptions: [
    issueKey,
    {
      id: 'modified-fields-nested',
      assumption:
        'The transition screen’s edits arrive in transition.modifiedFields, as in Atlassian’s payload example.',
      check: ({ payload }) => {
        if (has(payload, 'transition.modifiedFields', 'object')) return 'holds';
        return has(payload, 'modifiedFields', 'object') ? 'fails' : 'silent';
      },
      refuted:
        'The screen’s edits arrived in modifiedFields at the top level of the payload, not inside transition as Atlassian’s example shows (the other form in the same documentation page). The app reads both places; this site uses the top-level one.',
    },
    {
      id: 'principal-present',
      assumption: 'Forge names the acting user in the invocation context (context.principal.accountId).',
      check: ({ context }) =>
        context === undefined ? 'silent' : holdsIf(has(context, 'principal.accountId', 'string')),
      refuted:
        'The validator was called without context.principal.accountId: the context does not say who is making the transition. Rules about who may decide then rest on the other places the actor can arrive; when none does, the transition is refused.',
    },
    configurationObject('validator'),
    {
      id: 'transition-target',
      assumption: 'The payload names the target status in transition.to.id.',
      check: ({ payload }) => holdsIf(has(payload, 'transition.to.id', ...ID)),
      refuted:
        'A validator payload arrived without transition.to.id: the validator cannot confirm the target status from the payload and relies on its configuration alone.',
    },
  ],
};

const POST_FUNCTION: ExpectedShape = {
  description:
    'The workflow post function (record-transition): Jira runs it after each transition to record the decision in the lifecycle.',
  assumptions: [
    issueKey,
    {
      id: 'transition-from-to-objects',
      assumption:
        'The event describes the transition with transition.from and transition.to objects carrying status ids (the shape Automan documents).',
      check: ({ payload }) => {
        if (has(payload, 'transition.from_status') || has(payload, 'transition.to_status')) return 'fails';
        return holdsIf(has(payload, 'transition.to.id', ...ID));
      },
      refuted:
        'The event describes the transition with from_status/to_status (the shape JiBrok documents) or without transition.to.id, not with from/to objects. The app reads which transition ran from the rule’s own configuration first; this site confirms that the configuration is needed.',
    },
    {
      id: 'execution-id',
      assumption: 'Each transition’s post functions share a transition.executionId.',
      check: ({ payload }) => holdsIf(has(payload, 'transition.executionId', 'string')),
      refuted:
        'An event arrived without transition.executionId (reported for transitions made through REST). Repeated deliveries are then recognised by the changelog id, or by the issue, actor and transition together.',
    },
    {
      id: 'changelog-id',
      assumption: 'The event carries the transition’s changelog with its id (changelog.id).',
      check: ({ payload }) => holdsIf(has(payload, 'changelog.id', ...ID)),
      refuted:
        'An event arrived without changelog.id, so it cannot serve to recognise a repeated delivery; the issue, actor and transition together do.',
    },
    {
      id: 'actor-present',
      assumption: 'The event names the person who made the transition in atlassianId.',
      check: ({ payload }) => holdsIf(has(payload, 'atlassianId', 'string')),
      refuted:
        'An event arrived without atlassianId: the lifecycle entry cannot name who decided from the event alone.',
    },
    configurationObject('post function'),
  ],
};

const ISSUE_CREATED: ExpectedShape = {
  description:
    'The issue-created trigger (triage-on-create): Forge calls it for each new issue; it triages new exceptions.',
  assumptions: [
    issueKey,
    {
      id: 'issue-type-and-project',
      assumption:
        'The event carries the new issue’s type and project ids (issue.fields.issuetype.id, issue.fields.project.id).',
      check: ({ payload }) =>
        holdsIf(
          has(payload, 'issue.fields.issuetype.id', ...ID) && has(payload, 'issue.fields.project.id', ...ID),
        ),
      refuted:
        'An issue-created event arrived without issue.fields.issuetype.id or issue.fields.project.id: the trigger cannot tell an exception from any other new issue by the event alone.',
    },
  ],
};

const ISSUE_UPDATED: ExpectedShape = {
  description:
    'The issue-updated trigger (review-decision-edit): Forge calls it for each edited issue; it sends an exception in force back to review when what was decided has changed.',
  assumptions: [
    issueKey,
    {
      id: 'changelog-items',
      assumption:
        'The event carries the edit’s changelog items (changelog.items), so a status change made by a transition can be told from an edit.',
      check: ({ payload }) => holdsIf(has(payload, 'changelog.items', 'array')),
      refuted:
        'An issue-updated event arrived without changelog.items: the app cannot see that an Approve moved the issue, and relies on the lifecycle having recorded the approval before it compares what was decided.',
    },
  ],
};

const INSTALLED: ExpectedShape = {
  description:
    'The install and upgrade trigger (store-default-policy): it stores the default policy and reads nothing from its event, so its shape is recorded for reference only.',
  assumptions: [],
};

export const EXPECTED_SHAPES: Readonly<Record<SelfCheckSource, ExpectedShape>> = {
  'validate-transition': VALIDATOR,
  'record-transition': POST_FUNCTION,
  'triage-on-create': ISSUE_CREATED,
  'review-decision-edit': ISSUE_UPDATED,
  'store-default-policy': INSTALLED,
};
