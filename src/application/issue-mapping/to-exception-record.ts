/**
 * A Jira issue (fields by the ids setup recorded in SiteConfig, plus the lifecycle property) as the domain's
 * ExceptionRecord. A validator passes the transition screen's `modifiedFields` as an overlay: the issue as it will
 * be if the transition goes through. What cannot be mapped (no Exception Type, a status outside the workflow) is
 * answered as problems in words a person can act on, because the validator shows them.
 */
import {
  ExceptionRecordSchema,
  type Checklist,
  type ExceptionRecord,
  type ExceptionRecordInput,
} from '../../domain/register-schema';
import { parseFindings } from '../../domain/findings/parse-findings';
import { orList } from '../../domain/rules/wording';
import {
  EXCEPTION_TYPES,
  RECERTIFICATION_CHECKS,
  RISK_RATINGS,
  STATUSES,
  URGENCIES,
  type ExceptionType,
  type Status,
} from '../../domain/vocabulary';
import type { JiraIssue } from '../ports/jira-port';
import type { SiteConfig } from '../site-config';
import { adfToText } from './adf-text';
import {
  dateValue,
  idOf,
  instantValue,
  nameOf,
  optionValue,
  optionValues,
  stringValues,
  userValue,
} from './jira-field-values';
import { lifecycleOf, UnreadableLifecycleError } from './lifecycle-of';
import type { ModifiedFields } from './modified-fields';

/** Jira's own fields the mapping reads, besides the app's fields. */
const SYSTEM_FIELDS = ['summary', 'reporter', 'status', 'attachment', 'created', 'issuetype', 'project'];

/**
 * Fields Jira itself carries (ISSUE 6 B4): never taken from a validator's `modifiedFields`, whatever it holds. A
 * transition screen cannot attach a file, change who reported the issue, its status, creation time, project or
 * type; a payload that says so is not believed (evidence counts only real attachments).
 */
const JIRA_CARRIED_FIELDS = new Set([
  'attachment',
  'reporter',
  'creator',
  'status',
  'created',
  'project',
  'issuetype',
]);

const screenEdits = (overlay: ModifiedFields | undefined): ModifiedFields =>
  Object.fromEntries(Object.entries(overlay ?? {}).filter(([fieldId]) => !JIRA_CARRIED_FIELDS.has(fieldId)));

/**
 * The requester of record (ISSUE 6 B1): who the lifecycle's `submitted` entry says asked, not the editable
 * Reporter; Reporter only before triage has recorded `submitted`. The display name is Reporter's when they are
 * the same person, else unknown ('').
 */
const requesterOf = (
  history: ExceptionRecord['history'],
  reporter: ReturnType<typeof userValue>,
): { accountId: string; displayName: string } | null => {
  const submittedBy = history.find((entry) => entry.action === 'submitted')?.by;
  if (submittedBy === undefined || submittedBy === null || submittedBy === '')
    return reporter === null ? null : { accountId: reporter.accountId, displayName: reporter.displayName };
  return {
    accountId: submittedBy,
    displayName: reporter?.accountId === submittedBy ? reporter.displayName : '',
  };
};

/** Every field id to request when reading an exception. */
export const exceptionFieldIds = (config: SiteConfig): string[] => [
  ...SYSTEM_FIELDS,
  ...Object.values(config.fields).filter((id) => id !== undefined),
];

export type ExceptionMapping =
  | { readonly ok: true; readonly record: ExceptionRecord }
  | { readonly ok: false; readonly problems: readonly string[] };

export interface MappingOptions {
  /** The transition screen's edits, laid over the stored fields. */
  readonly overlay?: ModifiedFields;
  /**
   * Used when Exception Type is empty instead of answering a problem. Only for planning an undecided exception,
   * whose one pending action (the decision SLA) does not depend on the type.
   */
  readonly typeWhenMissing?: ExceptionType;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

const checklistOf = (value: unknown): Checklist | null => {
  if (value === null || value === undefined) return null;
  const ticked = optionValues(value);
  return Object.fromEntries(
    RECERTIFICATION_CHECKS.map((check) => [check, ticked.includes(check)]),
  ) as Checklist;
};

const statusOf = (value: unknown, config: SiteConfig): Status | null => {
  const id = idOf(value);
  const byId = STATUSES.find((status) => config.statuses[status] === id);
  return byId ?? oneOf(STATUSES, nameOf(value));
};

const typeOf = (
  value: unknown,
  problems: string[],
  typeWhenMissing: ExceptionType | undefined,
): ExceptionType | null => {
  const chosen = optionValue(value);
  const known = oneOf(EXCEPTION_TYPES, chosen);
  if (known !== null) return known;
  if (chosen === null && typeWhenMissing !== undefined) return typeWhenMissing;
  problems.push(
    chosen === null
      ? `Exception Type is required: pick ${orList(EXCEPTION_TYPES)}.`
      : `Exception Type is not one the policy knows: pick ${orList(EXCEPTION_TYPES)}.`,
  );
  return null;
};

/** The Findings field parsed (DESIGN.md §2); members only when there is something, so older records read alike. */
const findingsOf = (value: unknown): Pick<ExceptionRecordInput, 'findings' | 'findingProblems'> => {
  const { findings, problems } = parseFindings(adfToText(value));
  return {
    ...(findings.length === 0 ? {} : { findings }),
    ...(problems.length === 0 ? {} : { findingProblems: problems }),
  };
};

export const toExceptionRecord = (
  issue: JiraIssue,
  config: SiteConfig,
  options: MappingOptions = {},
): ExceptionMapping => {
  const fields: Readonly<Record<string, unknown>> = { ...issue.fields, ...screenEdits(options.overlay) };
  const field = (name: Exclude<keyof SiteConfig['fields'], 'decisionReason' | 'findings'>): unknown =>
    fields[config.fields[name]];
  const problems: string[] = [];

  const type = typeOf(field('exceptionType'), problems, options.typeWhenMissing);
  const status = statusOf(fields.status, config);
  if (status === null)
    problems.push(
      "The issue's status is not a status of the security exception workflow: ask a Jira admin to run the app's setup for this project.",
    );
  let history: ExceptionRecord['history'] = [];
  try {
    history = lifecycleOf(issue).history;
  } catch (error) {
    if (!(error instanceof UnreadableLifecycleError)) throw error;
    problems.push(
      "The app's lifecycle record on this issue is unreadable, so the policy cannot be checked: ask a Jira admin to look at the issue property security-exception-lifecycle.",
    );
  }
  // When it was raised, of record: the `submitted` entry (triage writes Jira's created there; an imported exception
  // keeps its register's, since Jira sets created to the import's time), else Jira's created.
  const createdAt = history.find((entry) => entry.action === 'submitted')?.at ?? instantValue(fields.created);
  if (createdAt === null) problems.push('Jira did not return when the issue was created.');
  const requester = requesterOf(history, userValue(fields.reporter));
  if (requester === null)
    problems.push('The issue has no Reporter, so the requester is unknown: set Reporter.');
  if (type === null || status === null || requester === null || createdAt === null || problems.length > 0)
    return { ok: false, problems };

  const riskOwner = userValue(field('riskOwner'));
  const input: ExceptionRecordInput = {
    id: issue.id,
    key: issue.key,
    summary: typeof fields.summary === 'string' ? fields.summary : '',
    type,
    urgency: oneOf(URGENCIES, optionValue(field('urgency'))),
    riskRating: oneOf(RISK_RATINGS, optionValue(field('riskRating'))),
    status,
    requester,
    riskOwner,
    justification: adfToText(field('justification')),
    compensatingControls: adfToText(field('compensatingControls')),
    expirationDate: dateValue(field('expirationDate')),
    affectedAssets: stringValues(field('affectedAssets')),
    remediationPlan: adfToText(field('remediationPlan')),
    attachmentCount: Array.isArray(fields.attachment) ? fields.attachment.length : 0,
    recertificationChecklist: checklistOf(field('recertificationChecklist')),
    createdAt,
    history,
    ...findingsOf(config.fields.findings === undefined ? undefined : fields[config.fields.findings]),
  };
  const parsed = ExceptionRecordSchema.safeParse(input);
  return parsed.success
    ? { ok: true, record: parsed.data }
    : {
        ok: false,
        problems: parsed.error.issues.map(
          (issue) => `The issue's ${issue.path.join('.') || 'data'} ${issue.message}.`,
        ),
      };
};
