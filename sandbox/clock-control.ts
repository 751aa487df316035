/**
 * The clock control: moves the sandbox clock (the simulator's and the app's), then runs what Forge would have run
 * meanwhile: the scheduled `lifecycle-sweep` (the REAL handler, index.lifecycleSweep) and the queue's deliveries
 * to `lifecycle-worker`, until nothing due is left; answers what they did as the site shows it (status changes and
 * new comments per issue) and as the handlers logged it. The move is replayed a day at a time, with a sweep at each
 * step (run again while the last run changed something): lifecycle actions fall due at 00:00 UTC, so daily sweeps
 * do what Forge's hourly trigger would have done, in the same order — the 75 % reminder and the recertification
 * before the 14-day reminder, the revert only after expiry — where one jump would act on everything at once.
 */
import { z } from 'zod';
import { IsoInstantSchema } from '../src/domain/register-schema';
import { LIFECYCLE_FUNCTION_TIMEOUT_SECONDS, type SandboxSite } from './start-sandbox';

export const ClockMoveSchema = z.union([
  z.strictObject({
    advanceDays: z
      .number({ error: 'advanceDays must be a number of days' })
      .positive('advanceDays must be more than 0: the clock only moves forward')
      .max(3660, 'advanceDays must be at most 3660 (ten years)'),
  }),
  z.strictObject({ to: IsoInstantSchema }),
]);
export type ClockMove = z.infer<typeof ClockMoveSchema>;

export interface StatusChange {
  readonly key: string;
  readonly from: string;
  readonly to: string;
}

export interface SweepReport {
  readonly now: string;
  readonly sweeps: number;
  readonly statusChanges: readonly StatusChange[];
  readonly comments: readonly { readonly key: string; readonly added: number }[];
  /** The handlers' own log lines (lifecycle-sweep, lifecycle-worker) of these runs. */
  readonly log: readonly string[];
  /** Queue events still waiting for their delay. */
  readonly queued: number;
}

/** Sweeps per day step at most (a sweep that changed something runs again, as the next hourly run would). */
const MAX_SWEEPS_PER_STEP = 3;
const HOURS_PER_STEP = 24;

const snapshot = (sandbox: SandboxSite): Map<string, { status: string; comments: number }> => {
  const { state } = sandbox.sim;
  return new Map(
    [...state.issues.values()].map((issue) => [
      issue.key,
      { status: state.statuses.get(issue.statusId)?.name ?? '', comments: issue.comments.length },
    ]),
  );
};

/** Runs `work` with console.info/warn also copied to `lines` (the handlers report through the log, as on Forge). */
const capturingLog = async (lines: string[], work: () => Promise<void>): Promise<void> => {
  const { info, warn } = console;
  const copy =
    (write: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
      write(...args);
    };
  console.info = copy(info);
  console.warn = copy(warn);
  try {
    await work();
  } finally {
    console.info = info;
    console.warn = warn;
  }
};

export const moveClockAndSweep = async (sandbox: SandboxSite, move: ClockMove): Promise<SweepReport> => {
  const { clock, sim, queue, runtime, handlers } = sandbox;
  const target = 'to' in move ? Date.parse(move.to) : clock.nowMs() + move.advanceDays * 24 * 3_600_000;
  if (target <= clock.nowMs()) throw new RangeError('to must be later than the sandbox clock');
  const before = snapshot(sandbox);
  const log: string[] = [];
  let sweeps = 0;
  await capturingLog(log, async () => {
    while (clock.nowMs() < target) {
      clock.advance(Math.min(HOURS_PER_STEP, (target - clock.nowMs()) / 3_600_000));
      for (let changed = true, runs = 0; changed && runs < MAX_SWEEPS_PER_STEP; runs += 1) {
        const start = snapshot(sandbox);
        sweeps += 1;
        await runtime.runAs(undefined, () => handlers.lifecycleSweep(), LIFECYCLE_FUNCTION_TIMEOUT_SECONDS);
        await queue.drain();
        await sim.idle();
        await queue.drain();
        const end = snapshot(sandbox);
        changed = [...end].some(([key, now]) => {
          const was = start.get(key);
          return was === undefined || was.status !== now.status || was.comments !== now.comments;
        });
      }
    }
  });
  const after = snapshot(sandbox);
  const statusChanges: StatusChange[] = [];
  const comments: { key: string; added: number }[] = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    if (was !== undefined && was.status !== now.status)
      statusChanges.push({ key, from: was.status, to: now.status });
    const added = now.comments - (was?.comments ?? 0);
    if (added > 0) comments.push({ key, added });
  }
  return { now: clock.nowIso(), sweeps, statusChanges, comments, log, queued: queue.waiting };
};
