/** A getKpis answer for the component tests, valid against the contract (checked where it is used). */
import type { KpiAnswer, KpiReport } from '../api/get-kpis';

const MONTHS = [
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
];
const COUNTS = [4, 0, 7, 3, 5, 9, 2, 6, 1, 8, 10, 12];

export const volumeByMonth = Object.fromEntries(MONTHS.map((month, index) => [month, COUNTS[index] ?? 0]));

export const report: KpiReport = {
  generatedAt: '2026-11-29T10:00:00.000Z',
  period: { from: '2025-12', to: '2026-11', months: 12 },
  volumeByMonth,
  approvalHours: { mean: 30.25, median: 20, p90: 70.5, count: 12 },
  autoApproved: 5,
  overdueShare: { value: 0.125, numerator: 3, denominator: 24 },
  controlsCoverage: { value: 0.9, numerator: 18, denominator: 20 },
  assetsExcepted: { value: null, numerator: 0, denominator: 0 },
  withinSla: { value: 0.75, numerator: 15, denominator: 20 },
  openEnded: 2,
  topTypes: [
    { name: 'MFA bypass', count: 30 },
    { name: 'Firewall rule', count: 15 },
  ],
  topAssets: [{ name: 'crm-legacy-01', count: 6 }],
  trend: {
    types: { 'MFA bypass': volumeByMonth, 'Firewall rule': volumeByMonth },
    assets: { 'crm-legacy-01': volumeByMonth },
  },
  targets: {
    assetsExcepted: { target: 0.05, met: null },
    decisionHours: { target: 48, met: true },
    overdue: { target: 0, met: false },
    openEnded: { target: 0, met: false },
  },
};

export const answer: KpiAnswer = {
  ok: true,
  report,
  asOf: '2026-11-29T09:45:00.000Z',
  projects: [
    { key: 'SEC', source: 'read-model', asOf: '2026-11-29T09:45:00.000Z' },
    { key: 'OPS', source: 'live', asOf: '2026-11-29T10:00:00.000Z' },
  ],
  notes: ['OPS is being counted for the first time; its numbers come from Jira directly.'],
};

const ZERO_SHARE = { value: null, numerator: 0, denominator: 0 };

export const emptyAnswer: KpiAnswer = {
  ok: true,
  report: {
    ...report,
    volumeByMonth: Object.fromEntries(MONTHS.map((month) => [month, 0])),
    approvalHours: { mean: null, median: null, p90: null, count: 0 },
    autoApproved: 0,
    overdueShare: ZERO_SHARE,
    controlsCoverage: ZERO_SHARE,
    assetsExcepted: ZERO_SHARE,
    withinSla: ZERO_SHARE,
    openEnded: 0,
    topTypes: [],
    topAssets: [],
    trend: { types: {}, assets: {} },
    targets: {
      assetsExcepted: { target: 0.05, met: null },
      decisionHours: { target: 48, met: null },
      overdue: { target: 0, met: null },
      openEnded: { target: 0, met: true },
    },
  },
  asOf: '2026-11-29T09:45:00.000Z',
  projects: [{ key: 'SEC', source: 'read-model', asOf: '2026-11-29T09:45:00.000Z' }],
  notes: [],
};
