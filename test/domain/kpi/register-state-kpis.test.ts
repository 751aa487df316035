/** The KPIs that describe the register as it stands at `now`: overdue, coverage, assets excepted, open-ended. */
import { computeKpis } from '../../../src/domain/kpi';
import { anException, NOW, policyWith } from './kpi-fixtures';

describe('overdueShare (open exceptions past their expiration date, today in UTC)', () => {
  it('counts open exceptions expired before today; today is still valid; no date is open, not overdue', () => {
    const register = [
      anException({ status: 'Approved', expirationDate: '2026-11-20' }), // overdue
      anException({ status: 'Approved', expirationDate: '2026-11-21' }), // valid through today
      anException({ status: 'Recertification', expirationDate: null }), // open, never overdue
      anException({ status: 'Submitted', expirationDate: '2026-01-01' }), // open and past: overdue
      anException({ status: 'Risk Review', expirationDate: '2027-01-01' }),
      anException({ status: 'Rejected', expirationDate: '2026-01-01' }),
      anException({ status: 'Reverted', expirationDate: '2026-01-01' }),
      anException({ status: 'Retired', expirationDate: null }),
    ];
    expect(computeKpis(register, policyWith(), NOW).overdueShare).toEqual({
      value: 0.4,
      numerator: 2,
      denominator: 5,
    });
  });

  it.each([
    { case: 'empty register', register: [], expected: { value: null, numerator: 0, denominator: 0 } },
    {
      case: 'only closed exceptions',
      register: [
        anException({ status: 'Rejected', expirationDate: '2026-01-01' }),
        anException({ status: 'Retired' }),
      ],
      expected: { value: null, numerator: 0, denominator: 0 },
    },
    {
      case: 'open, none overdue: 0, not no data',
      register: [anException({ status: 'Approved', expirationDate: '2026-12-01' })],
      expected: { value: 0, numerator: 0, denominator: 1 },
    },
    {
      case: 'all overdue',
      register: [anException({ status: 'Approved', expirationDate: '2026-11-01' })],
      expected: { value: 1, numerator: 1, denominator: 1 },
    },
  ])('$case', ({ register, expected }) => {
    expect(computeKpis(register, policyWith(), NOW).overdueShare).toEqual(expected);
  });

  it('takes today as the UTC date of now', () => {
    const register = [anException({ status: 'Approved', expirationDate: '2026-11-20' })];
    // 00:30 at +01:00 on the 21st is still the 20th in UTC: the exception is valid through that day.
    expect(computeKpis(register, policyWith(), '2026-11-21T00:30:00+01:00').overdueShare.numerator).toBe(0);
  });

  it('is computed as of now, whatever the period', () => {
    const register = [
      anException({ status: 'Approved', expirationDate: '2026-11-20', createdAt: '2026-11-01T00:00:00Z' }),
    ];
    const report = computeKpis(register, policyWith(), NOW, { from: '2020-01', to: '2020-12' });
    expect(report.overdueShare).toEqual({ value: 1, numerator: 1, denominator: 1 });
  });
});

describe('controlsCoverage (in-force exceptions with compensating controls)', () => {
  it.each([
    { case: 'empty register', register: [], expected: { value: null, numerator: 0, denominator: 0 } },
    {
      case: 'nothing in force',
      register: [anException({ status: 'Submitted' }), anException({ status: 'Reverted' })],
      expected: { value: null, numerator: 0, denominator: 0 },
    },
    {
      case: 'whitespace is empty; only Approved and Recertification count',
      register: [
        anException({ status: 'Approved', compensatingControls: 'IP allow-listing' }),
        anException({ status: 'Recertification', compensatingControls: '  \n\t' }),
        anException({ status: 'Approved', compensatingControls: '' }),
        anException({ status: 'Recertification', compensatingControls: null }),
        anException({ status: 'Submitted', compensatingControls: 'EDR' }),
        anException({ status: 'Retired', compensatingControls: 'EDR' }),
      ],
      expected: { value: 0.25, numerator: 1, denominator: 4 },
    },
    {
      case: 'invisible characters, punctuation padding and "n/a" describe no control',
      register: [
        anException({ status: 'Approved', compensatingControls: 'IP allow-listing' }),
        anException({ status: 'Approved', compensatingControls: '\u200B\u200C\u200D\u2060\uFEFF' }),
        anException({ status: 'Approved', compensatingControls: '\u00AD\u202E\u2066\u3164' }),
        anException({ status: 'Recertification', compensatingControls: '........ - - -' }),
        anException({ status: 'Recertification', compensatingControls: 'n/a' }),
      ],
      expected: { value: 0.2, numerator: 1, denominator: 5 },
    },
    {
      case: 'all covered',
      register: [anException({ status: 'Recertification', compensatingControls: 'Daily log review' })],
      expected: { value: 1, numerator: 1, denominator: 1 },
    },
  ])('$case', ({ register, expected }) => {
    expect(computeKpis(register, policyWith(), NOW).controlsCoverage).toEqual(expected);
  });
});

describe('assetsExcepted (distinct assets of in-force exceptions ÷ inventory)', () => {
  const register = [
    anException({ status: 'Approved', affectedAssets: ['db-01', 'web-01'] }),
    anException({ status: 'Approved', affectedAssets: ['web-01', 'web-02'] }),
    anException({ status: 'Recertification', affectedAssets: ['web-02', 'WEB-02'] }), // labels compare exactly
    anException({ status: 'Submitted', affectedAssets: ['crm-01'] }),
    anException({ status: 'Reverted', affectedAssets: ['crm-02'] }),
  ];

  it.each([
    { case: 'known inventory', inventory: 100, expected: { value: 0.04, numerator: 4, denominator: 100 } },
    {
      case: 'unknown inventory: no data',
      inventory: null,
      expected: { value: null, numerator: 4, denominator: 0 },
    },
    {
      case: 'inventory smaller than the assets already excepted: raised to them',
      inventory: 3,
      expected: { value: 1, numerator: 4, denominator: 4 },
    },
  ])('$case', ({ inventory, expected }) => {
    expect(computeKpis(register, policyWith({ assetInventorySize: inventory }), NOW).assetsExcepted).toEqual(
      expected,
    );
  });

  it('is 0, not no data, when nothing is in force and the inventory is known', () => {
    expect(computeKpis([], policyWith({ assetInventorySize: 50 }), NOW).assetsExcepted).toEqual({
      value: 0,
      numerator: 0,
      denominator: 50,
    });
  });
});

describe('openEnded (in-force exceptions without an expiration date)', () => {
  it.each([
    { case: 'empty register', register: [], expected: 0 },
    {
      case: 'only Approved and Recertification without a date count',
      register: [
        anException({ status: 'Approved', expirationDate: null }),
        anException({ status: 'Recertification', expirationDate: null }),
        anException({ status: 'Approved', expirationDate: '2027-01-01' }),
        anException({ status: 'Submitted', expirationDate: null }),
        anException({ status: 'Risk Review', expirationDate: null }),
        anException({ status: 'Retired', expirationDate: null }),
      ],
      expected: 2,
    },
  ])('$case', ({ register, expected }) => {
    expect(computeKpis(register, policyWith(), NOW).openEnded).toBe(expected);
  });
});
