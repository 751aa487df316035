import { KpiOptionsError, resolveKpiPeriod, type KpiOptions } from '../../../src/domain/kpi';
import { NOW } from './kpi-fixtures';

const thrownBy = (attempt: () => unknown): unknown => {
  try {
    attempt();
  } catch (error: unknown) {
    return error;
  }
  return undefined;
};

describe('resolveKpiPeriod', () => {
  it.each<{ case: string; now: string; options?: KpiOptions; expected: { from: string; to: string } }>([
    {
      case: 'default: the 12 months ending with now’s month',
      now: NOW,
      expected: { from: '2025-12', to: '2026-11' },
    },
    {
      case: 'default across a year boundary',
      now: '2027-01-05T12:00:00Z',
      expected: { from: '2026-02', to: '2027-01' },
    },
    {
      case: 'default in December stays inside one year',
      now: '2026-12-31T23:59:59Z',
      expected: { from: '2026-01', to: '2026-12' },
    },
    {
      case: 'now’s month is taken in UTC, not from the local offset',
      now: '2026-12-01T00:30:00+01:00',
      expected: { from: '2025-12', to: '2026-11' },
    },
    { case: 'empty options', now: NOW, options: {}, expected: { from: '2025-12', to: '2026-11' } },
    {
      case: 'unset members',
      now: NOW,
      options: { from: undefined, to: undefined },
      expected: { from: '2025-12', to: '2026-11' },
    },
    {
      case: 'only to: the 12 months ending there',
      now: NOW,
      options: { to: '2026-03' },
      expected: { from: '2025-04', to: '2026-03' },
    },
    {
      case: 'only from: up to now’s month',
      now: NOW,
      options: { from: '2026-09' },
      expected: { from: '2026-09', to: '2026-11' },
    },
    {
      case: 'one month',
      now: NOW,
      options: { from: '2026-10', to: '2026-10' },
      expected: { from: '2026-10', to: '2026-10' },
    },
    {
      case: 'in the future',
      now: NOW,
      options: { from: '2027-01', to: '2027-02' },
      expected: { from: '2027-01', to: '2027-02' },
    },
    {
      case: 'exactly 60 months',
      now: NOW,
      options: { from: '2022-01', to: '2026-12' },
      expected: { from: '2022-01', to: '2026-12' },
    },
  ])('$case', ({ now, options, expected }) => {
    expect(resolveKpiPeriod(now, options)).toEqual(expected);
  });

  it.each<{ case: string; now?: string; options: KpiOptions; code: string; message: string }>([
    {
      case: 'month 13',
      options: { from: '2026-13' },
      code: 'invalid-month',
      message: 'from must be a month written YYYY-MM (for example 2026-01), not "2026-13".',
    },
    {
      case: 'a full date',
      options: { to: '2026-11-21' },
      code: 'invalid-month',
      message: 'to must be a month written YYYY-MM (for example 2026-01), not "2026-11-21".',
    },
    {
      case: 'no leading zero',
      options: { from: '2026-1', to: '2026-11' },
      code: 'invalid-month',
      message: 'from must be a month written YYYY-MM (for example 2026-01), not "2026-1".',
    },
    {
      case: 'month 00',
      options: { to: '2026-00' },
      code: 'invalid-month',
      message: 'to must be a month written YYYY-MM (for example 2026-01), not "2026-00".',
    },
    {
      case: 'empty',
      options: { from: '' },
      code: 'invalid-month',
      message: 'from must be a month written YYYY-MM (for example 2026-01), not "".',
    },
    {
      case: 'from after to',
      options: { from: '2026-11', to: '2026-10' },
      code: 'from-after-to',
      message: 'from (2026-11) is after to (2026-10): the period must not end before it starts.',
    },
    {
      case: 'from after the default to (now’s month)',
      options: { from: '2027-01' },
      code: 'from-after-to',
      message: 'from (2027-01) is after to (2026-11): the period must not end before it starts.',
    },
    {
      case: '61 months',
      options: { from: '2021-12', to: '2026-12' },
      code: 'period-too-long',
      message: 'The period 2021-12 to 2026-12 spans 61 months; at most 60 months can be reported at once.',
    },
    {
      case: 'now that is no date-time',
      now: 'yesterday',
      options: {},
      code: 'invalid-now',
      message: 'now must be an ISO-8601 date-time such as 2026-11-21T09:00:00Z, not "yesterday".',
    },
  ])('refuses $case', ({ now, options, code, message }) => {
    const thrown = thrownBy(() => resolveKpiPeriod(now ?? NOW, options));
    expect(thrown).toBeInstanceOf(KpiOptionsError);
    expect(thrown).toMatchObject({ name: 'KpiOptionsError', code, message });
  });
});
