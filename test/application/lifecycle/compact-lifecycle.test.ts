/**
 * ISSUE 6 B7: however long an exception lives, its lifecycle property stays under Jira's 32 KB, nothing is lost
 * (every entry is in the property or, whole, in the archive) and the planner's facts do not change.
 */
import { compactLifecycle, jsonBytes } from '../../../src/application/lifecycle/compact-lifecycle';
import type { LifecycleProperty } from '../../../src/application/lifecycle-property';
import {
  currentPeriod,
  daysInForce,
  grantedDays,
  periodsOf,
  recertificationCount,
} from '../../../src/domain/period';
import { planActions } from '../../../src/domain/planner';
import { defaultPolicy } from '../../../src/domain/policy-schema';
import type { HistoryEntry } from '../../../src/domain/register-schema';
import { generateException } from '../../builders/exception-record';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const date = (ms: number) => iso(ms).slice(0, 10);
const REVIEWER = '712020:2f5b1e9c-8d3a-4c9e-9b7a-1a2b3c4d5e6f';
const LONG_NOTE = 'The compensating controls were re-tested by the SOC and still hold. '.repeat(7).trim();

/** An exception approved on 2020-01-01 for 30 days and recertified `cycles` times, each cycle 4 entries. */
const longLife = (cycles: number): { history: HistoryEntry[]; now: string } => {
  const start = Date.parse('2020-01-01T09:00:00Z');
  const history: HistoryEntry[] = [
    { at: iso(start - DAY), action: 'submitted', by: 'ana' },
    { at: iso(start - DAY + 5000), action: 'triaged', by: null, actionKey: 'exec-triage' },
    {
      at: iso(start),
      action: 'approved',
      by: REVIEWER,
      periodStart: date(start),
      periodEnd: date(start + 29 * DAY),
      policyVersion: 1,
      justificationDigest: 'fnv1a:00000001',
      actionKey: 'exec-approve',
    },
  ];
  let periodStart = start;
  for (let cycle = 1; cycle <= cycles; cycle += 1) {
    const key = (kind: string) => `10012:${kind}:${date(periodStart)}`;
    history.push(
      {
        at: iso(periodStart + 22 * DAY),
        action: 'reminded',
        by: null,
        reminder: '75%',
        actionKey: key('remind-75'),
      },
      {
        at: iso(periodStart + 22 * DAY + 1000),
        action: 'recertification-started',
        by: null,
        actionKey: key('start-recertification'),
      },
      {
        at: iso(periodStart + 25 * DAY),
        action: 'reminded',
        by: null,
        reminder: '14d',
        actionKey: key('remind-14d'),
      },
    );
    const next = periodStart + 27 * DAY;
    history.push({
      at: iso(next),
      action: 'recertified',
      by: REVIEWER,
      periodStart: date(next),
      periodEnd: date(next + 29 * DAY),
      policyVersion: 1,
      justificationDigest: `fnv1a:${cycle.toString(16).padStart(8, '0')}`,
      note: LONG_NOTE,
      checklist: {
        'Controls still effective': true,
        'Justification still valid': true,
        'No better option available': true,
      },
      actionKey: `exec-recertify-${cycle}`,
    });
    periodStart = next;
  }
  // Half-way through the current period, with its 75 % reminder sent.
  history.push({
    at: iso(periodStart + 22 * DAY),
    action: 'reminded',
    by: null,
    reminder: '75%',
    actionKey: `10012:remind-75:${date(periodStart)}`,
  });
  return { history, now: iso(periodStart + 23 * DAY) };
};

const facts = (history: readonly HistoryEntry[], now: string) => {
  const policy = { ...defaultPolicy(), cumulativeCapDays: 100_000 };
  const exception = generateException({
    id: '10012',
    key: 'SEC-12',
    status: 'Recertification',
    expirationDate: currentPeriod(history)?.entry.periodEnd ?? null,
    history: [...history],
  });
  return {
    periods: periodsOf(history).map(({ startDay, endDay }) => [startDay, endDay]),
    recertifications: recertificationCount(history),
    grantedDays: grantedDays(history),
    daysInForce: daysInForce(history, now),
    current: currentPeriod(history)?.entry,
    currentReminders: history.filter(
      (entry) => entry.action === 'reminded' && entry.at >= (currentPeriod(history)?.entry.at ?? ''),
    ),
    plan: planActions(exception, policy, now),
  };
};

describe('compactLifecycle', () => {
  it('leaves a property that fits as it is', () => {
    const { history } = longLife(3);
    const lifecycle: LifecycleProperty = { version: 1, history, nextActionAt: null, policyVersion: 1 };
    expect(compactLifecycle(lifecycle)).toEqual({ lifecycle, archived: [] });
  });

  it.each([60, 200, 1000])(
    'an exception through %i recertifications (4 entries each): under 32 KB, nothing lost, the same plan',
    (cycles) => {
      const { history, now } = longLife(cycles);
      const lifecycle: LifecycleProperty = {
        version: 1,
        history,
        nextActionAt: '2030-01-01T00:00:00Z',
        policyVersion: 1,
      };
      expect(jsonBytes(lifecycle)).toBeGreaterThan(32_768);

      const { lifecycle: kept, archived } = compactLifecycle(lifecycle);

      expect(jsonBytes(kept)).toBeLessThanOrEqual(32_768);
      expect(kept.archived).toEqual({ entries: archived.length, pages: 0 });
      expect(kept.nextActionAt).toBe('2030-01-01T00:00:00Z');
      // Never silently dropped: every entry is kept whole, or archived whole.
      const whole = new Set([...kept.history, ...archived].map((entry) => JSON.stringify(entry)));
      for (const entry of history) expect(whole.has(JSON.stringify(entry))).toBe(true);
      // The current period and everything since stay whole in the property.
      const current = currentPeriod(history)?.entry;
      expect(kept.history).toContainEqual(current);
      expect(kept.history.at(-1)).toEqual(history.at(-1));
      if (cycles <= 200) {
        // Up to some 250 periods (60 years of quarterly recertification) the facts are exactly the same; beyond,
        // the oldest periods move to the archive too, so the property still fits.
        expect(facts(kept.history, now)).toEqual(facts(history, now));
      }
    },
  );

  it('adds to what was archived before', () => {
    const { history } = longLife(200);
    const lifecycle: LifecycleProperty = {
      version: 1,
      history,
      nextActionAt: null,
      policyVersion: 1,
      archived: { entries: 7, pages: 1 },
    };
    const { lifecycle: kept, archived } = compactLifecycle(lifecycle);
    expect(kept.archived).toEqual({ entries: 7 + archived.length, pages: 1 });
  });
});
