/**
 * Properties of the planner over random valid exceptions: any status, up to four chained approval periods around `now`,
 * reminders, recertification starts, escalations and SLA breaches recorded on random days.
 */
import fc from 'fast-check';
import { currentPeriod } from '../../../src/domain/period';
import { defaultPolicy } from '../../../src/domain/policy-schema';
import {
  nextActionAt,
  pendingActions,
  PlannedActionSchema,
  planActions,
  planRegister,
  type PlannedAction,
} from '../../../src/domain/planner';
import type { ExceptionRecord, ExceptionRecordInput } from '../../../src/domain/register-schema';
import { dayNumber, dayToDate, MS_PER_DAY, toInstant } from '../../../src/domain/utc-days';
import {
  IN_FORCE_STATUSES,
  isClosed,
  REMINDER_KINDS,
  STATUSES,
  URGENCIES,
} from '../../../src/domain/vocabulary';
import { anException, approved, entry, recertified, reminded, type EntryInput } from './exception-builder';

const policy = defaultPolicy();
const NOW = '2026-11-21T09:00:00Z';
const NOW_MS = Date.parse(NOW);
const NOW_DAY = dayNumber(NOW);

const dayArb = fc.integer({ min: NOW_DAY - 200, max: NOW_DAY + 60 });
const instantArb = fc
  .record({ day: dayArb, second: fc.integer({ min: 0, max: 86_399 }) })
  .map(({ day, second }) => toInstant(day * MS_PER_DAY + second * 1000));

/** A period: its length, and where it starts relative to the day after the previous one (overlap or gap). */
interface Renewal {
  lengthDays: number;
  shiftDays: number;
  decidedDaysBefore: number;
}

const renewalArb: fc.Arbitrary<Renewal> = fc.record({
  lengthDays: fc.integer({ min: 1, max: 120 }),
  shiftDays: fc.integer({ min: -30, max: 10 }),
  decidedDaysBefore: fc.integer({ min: 0, max: 20 }),
});

/**
 * Periods chained one after another, placed so the last one ends `endOffsetDays` from today: most histories then
 * have a current period around now, where reminders and recertification starts happen.
 */
const historyOfPeriods = (endOffsetDays: number, renewals: readonly Renewal[]): EntryInput[] => {
  const chained = renewals.map((renewal) => ({ ...renewal, startDay: 0 }));
  let nextStart = 0;
  for (const [index, period] of chained.entries()) {
    period.startDay = index === 0 ? 0 : nextStart + period.shiftDays;
    nextStart = period.startDay + period.lengthDays;
  }
  const shift = NOW_DAY + endOffsetDays - (nextStart - 1);
  return chained.map(({ startDay, lengthDays, decidedDaysBefore }, index) => {
    const [start, end] = [dayToDate(shift + startDay), dayToDate(shift + startDay + lengthDays - 1)];
    const at = `${dayToDate(shift + startDay - decidedDaysBefore)}T10:00:00Z`;
    return index === 0 ? approved(start, end, at) : recertified(start, end, at);
  });
};

const otherEntryArb: fc.Arbitrary<EntryInput> = fc.oneof(
  fc
    .record({ kind: fc.constantFrom(...REMINDER_KINDS), at: instantArb })
    .map(({ kind, at }) => reminded(kind, at)),
  fc
    .record({
      action: fc.constantFrom(
        'recertification-started',
        'escalated',
        'sla-breached',
        'triaged',
        'info-requested',
      ),
      at: instantArb,
    })
    .map(({ action, at }) => entry(action, at)),
);

const exceptionArb: fc.Arbitrary<ExceptionRecord> = fc
  .record({
    withId: fc.boolean(),
    status: fc.oneof(
      { arbitrary: fc.constantFrom(...IN_FORCE_STATUSES), weight: 3 },
      { arbitrary: fc.constantFrom(...STATUSES), weight: 2 },
    ),
    urgency: fc.constantFrom(...URGENCIES, null),
    expirationDay: fc.option(dayArb, { nil: null }),
    createdAt: instantArb,
    endOffsetDays: fc.integer({ min: -30, max: 90 }),
    renewals: fc.array(renewalArb, { maxLength: 4 }),
    others: fc.array(otherEntryArb, { maxLength: 6 }),
  })
  .map(({ withId, status, urgency, expirationDay, createdAt, endOffsetDays, renewals, others }) => {
    const history = historyOfPeriods(endOffsetDays, renewals);
    const overrides: Partial<ExceptionRecordInput> = {
      status,
      urgency,
      createdAt,
      expirationDate: expirationDay === null ? null : dayToDate(expirationDay),
      history: [...history, ...others],
    };
    return anException(withId ? { ...overrides, id: '10042' } : overrides);
  });

const isDueBy = (action: PlannedAction, nowMs: number): boolean => Date.parse(action.dueAt) <= nowMs;

describe('planner properties', () => {
  it('never plans two actions with the same key, nor the same action twice', () => {
    fc.assert(
      fc.property(exceptionArb, (exception) => {
        const planned = planActions(exception, policy, NOW);
        expect(new Set(planned.map((action) => action.key)).size).toBe(planned.length);
        expect(new Set(planned.map((action) => action.action)).size).toBe(planned.length);
      }),
    );
  });

  it('never sends two reminders at once: at most one reminder is due at any time', () => {
    fc.assert(
      fc.property(exceptionArb, (exception) => {
        const reminders = planActions(exception, policy, NOW).filter((action) =>
          action.action.startsWith('remind-'),
        );
        expect(reminders.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never plans anything, now or later, for a closed exception', () => {
    fc.assert(
      fc.property(exceptionArb, (exception) => {
        fc.pre(isClosed(exception.status));
        expect(pendingActions(exception, policy, NOW)).toEqual([]);
        expect(planActions(exception, policy, NOW)).toEqual([]);
      }),
    );
  });

  it('plans exactly the pending actions due by now, each valid against the schema', () => {
    fc.assert(
      fc.property(exceptionArb, (exception) => {
        const pending = pendingActions(exception, policy, NOW);
        const planned = planActions(exception, policy, NOW);
        expect(planned.every((action) => isDueBy(action, NOW_MS))).toBe(true);
        expect(planned).toEqual(pending.filter((action) => isDueBy(action, NOW_MS)));
        expect(pending.map((action) => PlannedActionSchema.parse(action))).toEqual(pending);
      }),
    );
  });

  it('gives nextActionAt null exactly when nothing is pending, else the earliest dueAt', () => {
    fc.assert(
      fc.property(exceptionArb, (exception) => {
        const pending = pendingActions(exception, policy, NOW);
        const next = nextActionAt(exception, policy, NOW);
        expect(next === null).toBe(pending.length === 0);
        if (next !== null) expect(next).toBe(pending.map((action) => action.dueAt).sort()[0]);
      }),
    );
  });

  it('plans no reminder and no start of recertification at or after the revert time', () => {
    fc.assert(
      fc.property(exceptionArb, (exception) => {
        const period = currentPeriod(exception.history);
        fc.pre(period !== null && NOW_MS >= (period.endDay + 1) * MS_PER_DAY);
        const actions = pendingActions(exception, policy, NOW).map((action) => action.action);
        expect(
          actions.filter((action) => action.startsWith('remind-') || action === 'start-recertification'),
        ).toEqual([]);
      }),
    );
  });

  it('plans nothing again once every due action is recorded under its key', () => {
    fc.assert(
      fc.property(exceptionArb, (exception) => {
        const planned = planActions(exception, policy, NOW);
        const recorded = anException({
          ...exception,
          history: [
            ...exception.history,
            ...planned.map((action) => entry('triaged', NOW, { actionKey: action.key })),
          ],
        });
        expect(planActions(recorded, policy, NOW)).toEqual([]);
      }),
    );
  });

  it('plans the register as the union of its exceptions, by dueAt then key', () => {
    fc.assert(
      fc.property(fc.array(exceptionArb, { maxLength: 6 }), (exceptions) => {
        const register = exceptions.map((exception, index) =>
          anException({ ...exception, key: `SEC-${index + 1}` }),
        );
        const planned = planRegister(register, policy, NOW);
        const union = register.flatMap((exception) => planActions(exception, policy, NOW));
        const order = (action: PlannedAction) => `${action.dueAt} ${action.key}`;
        expect(planned.map(order)).toEqual(union.map(order).sort());
      }),
    );
  });
});
