/**
 * `GET /__simulator/clock` answers `{now}`; `POST /__simulator/clock` with `{"now": ISO}` sets the simulated clock
 * (it then stands still) or with `{"advanceHours": n}` moves it forward, and answers the new `{now}`. A control
 * request of the standalone server (control-requests.ts): not a Jira path, so outside the contract check.
 */
import { z } from 'zod';
import { IsoInstantSchema } from '../../src/domain/register-schema';
import type { ControlHandler, ControlResponse } from './control-requests';
import type { SimClock } from './sim-clock';

/** Ten years: far beyond any lifecycle the app plans, and short of what Date can represent. */
const MAX_ADVANCE_HOURS = 24 * 366 * 10;

const ClockMoveSchema = z.union([
  z.strictObject({ now: IsoInstantSchema }),
  z.strictObject({
    advanceHours: z
      .number({ error: 'must be a number of hours' })
      .positive('must be more than 0: the clock only moves forward this way')
      .max(MAX_ADVANCE_HOURS, `must be at most ${MAX_ADVANCE_HOURS} (ten years)`),
  }),
]);

const CLOCK_USAGE = 'Send {"now": "2026-11-21T09:00:00Z"} or {"advanceHours": 24}.';

const problem = (status: number, messages: string[]): ControlResponse => ({
  status,
  body: { errorMessages: messages },
});

/** The zod messages of a bad body, naming the member, never echoing the value. */
const bodyProblems = (body: unknown): string[] => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [CLOCK_USAGE];
  const members = Object.keys(body);
  const known = members.filter((member) => member === 'now' || member === 'advanceHours');
  if (known.length !== 1 || members.length !== 1) return [CLOCK_USAGE];
  const result = ClockMoveSchema.safeParse(body);
  if (result.success) return [];
  const member = known[0] ?? '';
  const issue = result.error.issues
    .flatMap((candidate) => (candidate.code === 'invalid_union' ? candidate.errors.flat() : [candidate]))
    .find((candidate) => candidate.path[0] === member);
  return [`${member}: ${issue?.message ?? 'is not valid'}`];
};

export const clockEndpoint =
  (clock: SimClock): ControlHandler =>
  ({ method, path, body }) => {
    if (path !== 'clock')
      return problem(404, ['Unknown simulator control path; the clock is /__simulator/clock.']);
    if (method === 'GET') return { status: 200, body: { now: clock.nowIso() } };
    if (method !== 'POST') return problem(405, ['Use GET or POST on /__simulator/clock.']);
    const problems = bodyProblems(body);
    if (problems.length > 0) return problem(400, problems);
    const move = ClockMoveSchema.parse(body);
    if ('now' in move) clock.set(move.now);
    else clock.advance(move.advanceHours);
    return { status: 200, body: { now: clock.nowIso() } };
  };
