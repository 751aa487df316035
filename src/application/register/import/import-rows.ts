/**
 * Creating validated register rows as Exception issues (ISSUE 7 item 4), from a cursor until the invocation's time
 * budget runs low: run directly by the importRegister resolver for a file that fits one invocation, or by a
 * background job for a large one, each call resuming at the cursor the last returned.
 *
 * Per row, every step looks before it acts, so a run killed anywhere and run again creates nothing twice:
 * 1. one JQL (paged) reads the identities already imported into the project (import-property.ts);
 * 2. a finished one is skipped ("already imported"); an unfinished one (a crashed run's) is finished, not re-created;
 * 3. a new one is created as the app with its fields, its lifecycle property carrying the row's history and its
 *    import property, in one request (createIssue's idempotency key covers a lost answer);
 * 4. it is moved along the workflow to the row's status, each move on an import intent (import-intent.ts), so the
 *    validators let the app replay the decision and the post functions do not record it a second time;
 * 5. its `nextActionAt` is computed as the app's post function would, and the import property marked finished.
 */
import { nextActionAt } from '../../../domain/planner';
import type { Policy } from '../../../domain/policy-schema';
import type { ImportRow, RejectedRow } from '../../../domain/register/import/import-row';
import type { Status } from '../../../domain/vocabulary';
import { PERIOD_ACTIONS, STATUSES } from '../../../domain/vocabulary';
import { boundMessage } from '../../../domain/message-bounds';
import { exceptionFieldIds, toExceptionRecord } from '../../issue-mapping/to-exception-record';
import { LIFECYCLE_PROPERTY_KEY, type LifecycleProperty } from '../../lifecycle-property';
import { updateLifecycle } from '../../lifecycle/update-lifecycle';
import { policyInForce } from '../../policy/policy-store';
import type { Clock } from '../../ports/clock';
import type { InvocationBudget } from '../../ports/invocation-budget';
import type { IssuesPort } from '../../ports/jira-port';
import type { StorePort } from '../../ports/store-port';
import type { SiteConfig } from '../../site-config';
import { recordImportIntent } from '../../transitions/import-intent';
import { TRANSITIONS, type CatalogTransition } from '../../transitions/transition-catalog';
import { exceptionFieldWrites } from './field-writes';
import { announceImportCreation, IMPORT_PROPERTY_KEY, ImportPropertySchema } from './import-property';

export interface ImportRowsDependencies {
  /** Jira as the app: the import creates and moves issues as the app (DESIGN.md §10; the caller checked rights). */
  readonly jiraAsApp: IssuesPort;
  readonly store: StorePort;
  readonly clock: Clock;
}

export interface ImportTarget {
  readonly config: SiteConfig;
  readonly project: { readonly id: string; readonly key: string };
}

export interface ImportProgress {
  readonly created: { row: number; key: string }[];
  readonly skipped: { row: number; reason: string }[];
  /** Rows Jira itself refused (a value its own rules reject), with Jira's reason. */
  readonly refused: RejectedRow[];
  /** Index into the rows to resume at; null when every row was processed. */
  readonly nextCursor: number | null;
}

/** Time kept back for one row's calls and the answer: a row is a handful of Jira calls. */
export const ROW_RESERVE_MS = 8_000;

interface Imported {
  readonly id: string;
  readonly key: string;
  readonly status: Status | undefined;
  readonly finished: boolean;
}

const PAGE_SIZE = 100;

/** The identities already imported into the project: one JQL on the indexed import property, every page. */
export const importedIdentities = async (
  jira: IssuesPort,
  target: ImportTarget,
): Promise<Map<string, Imported>> => {
  const jql = `project = ${target.project.id} AND issue.property[${IMPORT_PROPERTY_KEY}].identity IS NOT EMPTY ORDER BY id ASC`;
  const found = new Map<string, Imported>();
  let nextPageToken: string | undefined;
  for (;;) {
    const page = await jira.search(jql, {
      fields: ['status'],
      properties: [IMPORT_PROPERTY_KEY],
      maxResults: PAGE_SIZE,
      ...(nextPageToken === undefined ? {} : { nextPageToken }),
    });
    for (const issue of page.issues) {
      const property = ImportPropertySchema.safeParse(issue.properties[IMPORT_PROPERTY_KEY]);
      if (!property.success || found.has(property.data.identity)) continue;
      const statusId = (issue.fields.status as { id?: unknown } | null | undefined)?.id;
      found.set(property.data.identity, {
        id: issue.id,
        key: issue.key,
        status: STATUSES.find((status) => target.config.statuses[status] === statusId),
        finished: property.data.finished,
      });
    }
    if (page.isLast || page.nextPageToken === null) return found;
    nextPageToken = page.nextPageToken;
  }
};

/** The workflow's moves from `from` to `to`, fewest first (breadth-first over the transition catalog). */
export const movesBetween = (from: Status, to: Status): CatalogTransition[] | undefined => {
  const paths = new Map<Status, CatalogTransition[]>([[from, []]]);
  const queue: Status[] = [from];
  for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
    if (status === to) return paths.get(status);
    for (const transition of TRANSITIONS.filter((candidate) => candidate.from.includes(status))) {
      if (paths.has(transition.to)) continue;
      paths.set(transition.to, [...(paths.get(status) ?? []), transition]);
      queue.push(transition.to);
    }
  }
  return undefined;
};

/** The lifecycle an imported row starts with: its history; planned once it has reached its status (step 5). */
export const importedLifecycle = (row: ImportRow): LifecycleProperty => {
  const versions = row.record.history
    .filter((entry) => PERIOD_ACTIONS.includes(entry.action))
    .map((entry) => entry.policyVersion)
    .filter((version) => version !== undefined);
  return {
    version: 1,
    history: row.record.history,
    nextActionAt: null,
    policyVersion: versions.at(-1) ?? null,
  };
};

/** Jira refused the request as invalid (400): the row's values break one of Jira's own rules. */
const jiraRefusal = (error: unknown): readonly string[] | undefined => {
  if (!(error instanceof Error) || (error as { status?: unknown }).status !== 400) return undefined;
  const messages = (error as { jiraMessages?: unknown }).jiraMessages;
  return Array.isArray(messages) ? messages.filter((message) => typeof message === 'string') : [];
};

const moveTo = async (
  issue: { id: string; key: string },
  from: Status,
  to: Status,
  target: ImportTarget,
  deps: ImportRowsDependencies,
): Promise<void> => {
  const moves = movesBetween(from, to);
  if (moves === undefined) throw new Error(`the workflow has no way from ${from} to ${to}`);
  for (const move of moves) {
    await recordImportIntent(deps.store, issue.id, move.name, deps.clock.now());
    const offered = await deps.jiraAsApp.getTransitions(issue.key);
    const transition = offered.find((candidate) => candidate.toStatusId === target.config.statuses[move.to]);
    if (transition === undefined)
      throw new Error(
        `the issue is not offered a transition to ${move.to}: run the app's setup for the project again`,
      );
    await deps.jiraAsApp.transitionIssue(issue.key, transition.id);
  }
};

/** Step 5: plan the exception as it now is, as the post function would, and mark the import finished. */
const finish = async (
  issue: { id: string; key: string },
  identity: string,
  target: ImportTarget,
  policy: Policy,
  deps: ImportRowsDependencies,
): Promise<void> => {
  await updateLifecycle(issue.key, deps, exceptionFieldIds(target.config), (current, lifecycle) => {
    const mapped = toExceptionRecord(current, target.config, { typeWhenMissing: 'Other' });
    if (!mapped.ok) return Promise.resolve({ next: undefined, result: undefined });
    const next = { ...lifecycle, nextActionAt: nextActionAt(mapped.record, policy, deps.clock.now()) };
    return Promise.resolve({ next, result: undefined });
  });
  await deps.jiraAsApp.setIssueProperty(issue.key, IMPORT_PROPERTY_KEY, { identity, finished: true });
};

export const importRows = async (
  deps: ImportRowsDependencies,
  target: ImportTarget,
  rows: readonly ImportRow[],
  cursor: number,
  budget: InvocationBudget,
): Promise<ImportProgress> => {
  const progress: ImportProgress = { created: [], skipped: [], refused: [], nextCursor: null };
  if (cursor >= rows.length) return progress;
  const [existing, policy] = await Promise.all([
    importedIdentities(deps.jiraAsApp, target),
    policyInForce(deps.store),
  ]);
  for (let index = cursor; index < rows.length; index += 1) {
    if (budget.remainingMs() < ROW_RESERVE_MS) return { ...progress, nextCursor: index };
    const row = rows[index];
    if (row === undefined) continue;
    const found = existing.get(row.identity);
    if (found?.finished === true) {
      progress.skipped.push({ row: row.row, reason: `already imported as ${found.key}` });
      continue;
    }
    try {
      await announceImportCreation(deps.store, target.project.id, row.identity, deps.clock.now());
      const issue =
        found ??
        (await deps.jiraAsApp.createIssue(
          exceptionFieldWrites(row.record, target.config, target.project.id),
          {
            idempotencyKey: `import:${target.project.id}:${row.identity}`,
            properties: {
              [IMPORT_PROPERTY_KEY]: { identity: row.identity, finished: false },
              [LIFECYCLE_PROPERTY_KEY]: importedLifecycle(row),
            },
          },
        ));
      await moveTo(issue, found?.status ?? 'Submitted', row.record.status, target, deps);
      await finish(issue, row.identity, target, policy, deps);
      progress.created.push({ row: row.row, key: issue.key });
    } catch (error) {
      const refusal = jiraRefusal(error);
      if (refusal === undefined) throw error;
      progress.refused.push({
        row: row.row,
        reasons: [boundMessage(`Jira refused the exception: ${refusal.join(' ') || 'no reason given'}`, 300)],
      });
    }
  }
  return progress;
};
