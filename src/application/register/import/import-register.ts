/**
 * importRegister (ISSUE 7 item 4, the import half): a register file into one set-up project as Exception issues,
 * for a Jira admin. Every row is validated first (the file, each row's cells, the people it names, the size of its
 * history); nothing is created for a rejected row, and the report names each rejected row with its reasons. The
 * valid rows are then created from the request's cursor until the invocation's budget runs low (importRows), and
 * the answer says where to go on. A dry run stops after validation and says what would be created.
 */
import type { ImportRegisterRequest, ImportRegisterResponse } from '../../../contracts/admin-import';
import { MAX_LISTED } from '../../../contracts/admin-import';
import type { Answered } from '../../../contracts/refusal';
import { headingOf } from '../../../domain/register/import/import-columns';
import { ROW_NUMBERING, type ImportRow, type RejectedRow } from '../../../domain/register/import/import-row';
import type { Clock } from '../../ports/clock';
import type { InvocationBudget } from '../../ports/invocation-budget';
import type { DirectoryPort, IssuesPort } from '../../ports/jira-port';
import type { StorePort } from '../../ports/store-port';
import { RefusalError } from '../../refusal-error';
import { readSiteConfig } from '../../transitions/site-config-of';
import { adminUseCase } from '../../use-case';
import type { Status } from '../../../domain/vocabulary';
import { WORKFLOW_TRANSITIONS } from '../../setup/workflow-definition';
import type { SiteConfig } from '../../site-config';
import {
  importedIdentities,
  importedLifecycle,
  importRows,
  movesBetween,
  type ImportTarget,
} from './import-rows';
import { readImportFile } from './read-import-file';

export interface ImportDependencies {
  /** Jira as the calling admin: only their admin rights are asked. */
  readonly jiraAsUser: Pick<DirectoryPort, 'callerIsJiraAdmin'>;
  /** Jira as the app, which creates the issues (the caller is a Jira admin, checked first). */
  readonly jiraAsApp: IssuesPort & Pick<DirectoryPort, 'getUser'>;
  readonly store: StorePort;
  readonly clock: Clock;
  /** The invocation's time; a resolver's 25 s are assumed when absent (FORGE_NOTES §11). */
  readonly budget?: InvocationBudget;
}

export const NOT_ADMIN_IMPORT =
  'Only Jira administrators can import a security exception register. Nothing was imported.';

const NOT_SET_UP =
  "The Security Exceptions app is not set up on this site yet, so there is no project to import into. A Jira admin can run the setup on the app's admin page.";

/** A resolver answers within 25 s (FORGE_NOTES §11); the budget leaves room for the answer. */
export const RESOLVER_BUDGET_MS = 22_000;

const resolverBudget = (): InvocationBudget => {
  const deadline = Date.now() + RESOLVER_BUDGET_MS;
  return { remainingMs: () => deadline - Date.now() };
};

/** Jira caps an issue property at 32 KB of JSON; the lifecycle the row starts with must fit with room to grow. */
const LIFECYCLE_MAX_BYTES = 28_000;

/** Transitions Jira's own condition keeps to the approver groups when setup found them (approver-restriction.ts). */
const APPROVERS_ONLY = new Set<string>(
  WORKFLOW_TRANSITIONS.filter((transition) => transition.approversOnly).map((transition) => transition.rule),
);

/** Why the app cannot bring a row to its status on this site, if it cannot. */
const unreachable = (status: Status, config: SiteConfig): string | undefined => {
  if ((config.approverGroups ?? []).length === 0) return undefined;
  const blocked = (movesBetween('Submitted', status) ?? []).find((move) => APPROVERS_ONLY.has(move.name));
  return blocked === undefined
    ? undefined
    : `a ${status} exception cannot be imported into this project: the workflow lets only the approver groups make the move to ${status}, and the app is not in them`;
};

/**
 * The site-side checks of valid rows: the people they name exist, the app can reach their status, their history
 * fits an issue property.
 */
const jiraProblems = async (
  rows: readonly ImportRow[],
  jira: Pick<DirectoryPort, 'getUser'>,
  { mapping, format }: Pick<ImportRegisterRequest, 'mapping' | 'format'>,
  config: SiteConfig,
): Promise<Map<number, string[]>> => {
  const known = new Map<string, boolean>();
  const exists = async (accountId: string): Promise<boolean> => {
    let found = known.get(accountId);
    if (found === undefined) {
      found = (await jira.getUser(accountId)) !== null;
      known.set(accountId, found);
    }
    return found;
  };
  const name = (member: 'requester' | 'riskOwner' | 'decisions'): string =>
    format === 'csv' ? headingOf(member, mapping) : member === 'decisions' ? 'history' : member;
  const problems = new Map<number, string[]>();
  for (const { row, record } of rows) {
    const found: string[] = [];
    const status = unreachable(record.status, config);
    if (status !== undefined)
      found.push(`${format === 'csv' ? headingOf('status', mapping) : 'status'}: ${status}`);
    if (!(await exists(record.requester.accountId)))
      found.push(`${name('requester')}: is not a Jira user of this site (no account has its account id)`);
    if (record.riskOwner !== null && !(await exists(record.riskOwner.accountId)))
      found.push(`${name('riskOwner')}: is not a Jira user of this site (no account has its account id)`);
    if (
      new TextEncoder().encode(JSON.stringify(importedLifecycle({ row, identity: '', record }))).length >
      LIFECYCLE_MAX_BYTES
    )
      found.push(`${name('decisions')}: is too long to keep on one issue (Jira's 32 KB property limit)`);
    if (found.length > 0) problems.set(row, found);
  }
  return problems;
};

const target = async (deps: ImportDependencies, projectKey: string): Promise<ImportTarget> => {
  const config = await readSiteConfig(deps.store);
  if (config === undefined) throw new RefusalError('blocked', NOT_SET_UP);
  const project = config.projects.find((candidate) => candidate.key === projectKey);
  if (project === undefined)
    throw new RefusalError(
      'invalid-request',
      'projectKey names a project the app is not set up in. Nothing was imported; pick a set-up project.',
    );
  return { config, project };
};

export const importRegister = adminUseCase(
  NOT_ADMIN_IMPORT,
  async (request: ImportRegisterRequest, deps: ImportDependencies) => {
    const into = await target(deps, request.projectKey);
    const file = readImportFile(request.format, request.content, request.mapping);
    if (!file.ok) throw new RefusalError('invalid-request', file.message);

    const valid: ImportRow[] = [];
    const rejected: RejectedRow[] = [];
    for (const read of file.rows)
      if (read.ok) valid.push(read.row);
      else rejected.push(read.rejected);
    const problems = await jiraProblems(valid, deps.jiraAsApp, request, into.config);
    for (const [row, reasons] of problems) rejected.push({ row, reasons });
    const rows = valid.filter((row) => !problems.has(row.row));

    let created: { row: number; key: string }[] = [];
    let skipped: { row: number; reason: string }[] = [];
    let remaining: number;
    let nextCursor: number | null = null;
    if (request.dryRun) {
      const existing = await importedIdentities(deps.jiraAsApp, into);
      for (const row of rows) {
        const found = existing.get(row.identity);
        if (found?.finished === true)
          skipped.push({ row: row.row, reason: `already imported as ${found.key}` });
      }
      remaining = rows.length - skipped.length;
    } else {
      const progress = await importRows(deps, into, rows, request.cursor, deps.budget ?? resolverBudget());
      ({ created, skipped } = progress);
      rejected.push(...progress.refused);
      nextCursor = progress.nextCursor;
      remaining = nextCursor === null ? 0 : rows.length - nextCursor;
    }
    rejected.sort((a, b) => a.row - b.row);
    return {
      ok: true,
      dryRun: request.dryRun,
      rowNumbering: ROW_NUMBERING,
      rows: file.rows.length,
      counts: { created: created.length, skipped: skipped.length, rejected: rejected.length, remaining },
      created: created.slice(0, MAX_LISTED),
      skipped: skipped.slice(0, MAX_LISTED),
      rejected: rejected.slice(0, MAX_LISTED).map(({ row, reasons }) => ({ row, reasons: [...reasons] })),
      nextCursor,
    } satisfies Answered<ImportRegisterResponse>;
  },
);
