/**
 * One line at the top of each handler Jira or Forge calls: records the shape of what it received for the
 * admin page's self-check (DESIGN.md §12). Builds its own dependencies, never throws, and writes only when the
 * shape is new; it waits at most RECORD_BUDGET_MS so that a slow store cannot slow the handler noticeably.
 */
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { recordPayloadShape } from '../application/self-check/record-payload-shape';
import type { SelfCheckSource } from '../contracts/admin-self-check';

export const RECORD_BUDGET_MS = 500;

export const recordShape = async (
  source: SelfCheckSource,
  payload: unknown,
  context?: unknown,
): Promise<void> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const deps = forgeDependencies();
    const budget = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, RECORD_BUDGET_MS);
      timer.unref();
    });
    await Promise.race([
      recordPayloadShape(source, context === undefined ? { payload } : { payload, context }, deps),
      budget,
    ]);
  } catch {
    // A diagnostic never costs the handler its answer.
  } finally {
    clearTimeout(timer);
  }
};
