/**
 * The last sweeps, for the admin page's status view (ISSUE 8 item 1): a bounded ring of summaries in one KVS key,
 * newest first. Written by runSweep while it holds the sweep lock, so two sweeps never race on it. Issue keys and
 * error names only, never field values.
 */
import {
  SWEEP_FAILURES_KEPT,
  SWEEP_HISTORY_SIZE,
  SweepSummarySchema,
  type GetSweepStatusRequest,
  type GetSweepStatusResponse,
  type SweepSummary,
} from '../../contracts/admin-sweeps';
import type { Answered } from '../../contracts/refusal';
import { z } from 'zod';
import type { DirectoryPort } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';
import { notAdminMessage } from '../policy/require-jira-admin';
import { adminUseCase } from '../use-case';
import type { SweepOutcome } from './sweep-outcome';

export const SWEEP_HISTORY_KEY = 'lifecycle-sweep-history';

const HistorySchema = z.object({ sweeps: z.array(z.unknown()) });

/** The kept summaries that still parse (one damaged entry does not hide the others), newest first. */
export const readSweepHistory = async (store: StorePort): Promise<SweepSummary[]> => {
  const stored = await store.get(SWEEP_HISTORY_KEY, z.unknown());
  const history = HistorySchema.safeParse(stored);
  if (!history.success) return [];
  return history.data.sweeps.flatMap((entry) => {
    const parsed = SweepSummarySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
};

/** The summary of one sweep's outcome (or of the error that stopped it). */
export const summaryOf = (
  outcome: SweepOutcome | { readonly outcome: 'failed'; readonly error: string },
  startedAt: string,
  finishedAt: string,
): SweepSummary => {
  const base = { startedAt, finishedAt, issuesSwept: 0, actions: {}, fannedOut: 0, continued: false };
  if (outcome.outcome === 'failed')
    return { ...base, outcome: 'failed', failedCount: 0, failed: [], error: outcome.error.slice(0, 300) };
  if (outcome.outcome !== 'swept') return { ...base, outcome: 'not-set-up', failedCount: 0, failed: [] };
  const actions: Record<string, number> = {};
  for (const issue of outcome.swept)
    for (const done of issue.done) actions[done.action] = (actions[done.action] ?? 0) + 1;
  return {
    ...base,
    outcome: 'swept',
    issuesSwept: outcome.swept.length,
    actions,
    fannedOut: outcome.fannedOut,
    continued: outcome.continued,
    failedCount: outcome.failed.length,
    failed: outcome.failed.slice(0, SWEEP_FAILURES_KEPT).map(({ issueKey, error }) => ({
      issueKey: issueKey.slice(0, 255),
      error: error.slice(0, 300),
    })),
  };
};

/** Adds `summary` as the newest, keeping the last SWEEP_HISTORY_SIZE. */
export const recordSweep = async (store: StorePort, summary: SweepSummary): Promise<void> => {
  const kept = await readSweepHistory(store);
  await store.set(SWEEP_HISTORY_KEY, { sweeps: [summary, ...kept].slice(0, SWEEP_HISTORY_SIZE) });
};

export interface SweepStatusDependencies {
  readonly jiraAsUser: Pick<DirectoryPort, 'callerIsJiraAdmin'>;
  readonly store: StorePort;
}

export const getSweepStatus = adminUseCase(
  notAdminMessage('see the lifecycle sweeps'),
  async (
    request: GetSweepStatusRequest,
    deps: SweepStatusDependencies,
  ): Promise<Answered<GetSweepStatusResponse>> => {
    const sweeps = await readSweepHistory(deps.store);
    return { ok: true, sweeps: sweeps.slice(0, request.limit ?? SWEEP_HISTORY_SIZE) };
  },
);
