import { createHash } from 'node:crypto';
import { decisionDigest, textDigest } from '../../src/domain/decision-fields';
import { governingRecord } from '../../src/domain/decision-governing-record';
import {
  changedSinceDecision,
  DECIDED_EXCERPT_LENGTH,
  decidedOn,
  lastDecision,
} from '../../src/domain/decision-snapshot';
import { computeKpis } from '../../src/domain/kpi';
import { planActions } from '../../src/domain/planner';
import { defaultPolicy } from '../../src/domain/policy-schema';
import { HistoryEntrySchema, type HistoryEntry } from '../../src/domain/register-schema';
import { toExportRow } from '../../src/domain/register';
import { generateException, RISK_OWNER } from '../builders/exception-record';

const policy = defaultPolicy();
const ready = generateException();
const APPROVAL: HistoryEntry = {
  at: '2026-11-21T09:00:00Z',
  action: 'approved',
  by: 'acc-reviewer-cy',
  periodStart: '2026-11-21',
  periodEnd: '2027-02-01',
  policyVersion: 1,
  decidedOn: decidedOn(ready),
};
/** The builder's exception, approved on 2026-11-21 through 2027-02-01 on the values it has. */
const approved = generateException({ status: 'Approved', history: [...ready.history, APPROVAL] });

describe('decidedOn', () => {
  it('keeps the short values in full and the texts as digest and excerpt', () => {
    expect(decidedOn(ready)).toEqual({
      digest: decisionDigest(ready),
      type: 'Firewall rule',
      riskRating: 'Medium',
      riskOwner: { accountId: RISK_OWNER.accountId, displayName: 'Bo Owner' },
      expirationDate: '2027-02-01',
      affectedAssets: ['fw-edge-01', 'sftp-prod-01'],
      justification: {
        digest: textDigest(ready.justification),
        excerpt: ready.justification,
        truncated: false,
      },
      compensatingControls: {
        digest: `sha256:${createHash('sha256').update(JSON.stringify('IP allow-listing to the partner range and daily log review.')).digest('hex')}`,
        excerpt: 'IP allow-listing to the partner range and daily log review.',
        truncated: false,
      },
    });
  });

  it('bounds a long text to 500 characters without splitting a character, and stays small', () => {
    const long = `${'a'.repeat(DECIDED_EXCERPT_LENGTH - 1)}😀${'b'.repeat(20_000)}`;
    const decided = decidedOn({ ...ready, justification: long, compensatingControls: long });
    expect(decided.justification).toEqual({
      digest: textDigest(long),
      excerpt: `${'a'.repeat(DECIDED_EXCERPT_LENGTH - 1)}😀`,
      truncated: true,
    });
    expect(JSON.stringify(decided).length).toBeLessThan(1_700);
  });

  it('keeps findings canonical, each once, in order', () => {
    expect(
      decidedOn({
        ...ready,
        findings: [
          { id: ' GHSA-1 ', path: 'web/package-lock.json' },
          { id: 'CVE-2024-1234', purl: 'pkg:npm/lodash@4.17.20', path: ' ' },
          { id: 'GHSA-1', path: 'web/package-lock.json' },
          { id: '\u200b' },
        ],
      }).findings,
    ).toEqual([
      { id: 'CVE-2024-1234', purl: 'pkg:npm/lodash@4.17.20' },
      { id: 'GHSA-1', path: 'web/package-lock.json' },
    ]);
  });

  it('is part of the register format: read back as written, unknown members ignored', () => {
    const written = JSON.parse(
      JSON.stringify({ ...APPROVAL, decidedOn: { ...APPROVAL.decidedOn, later: 1 } }),
    ) as unknown;
    expect(HistoryEntrySchema.parse(written)).toEqual(APPROVAL);
  });

  it('measures later edits against itself: no change, then the fields edited', () => {
    const decided = decidedOn(ready);
    expect(changedSinceDecision(decided, ready)).toEqual([]);
    expect(
      changedSinceDecision(decided, {
        ...ready,
        expirationDate: '2027-06-30',
        affectedAssets: ['fw-edge-01'],
      }),
    ).toEqual(['expirationDate', 'affectedAssets']);
  });
});

describe('lastDecision', () => {
  it('is the latest entry that opened a period, in time order', () => {
    const recertified: HistoryEntry = { ...APPROVAL, at: '2027-01-20T09:00:00Z', action: 'recertified' };
    const reminded: HistoryEntry = {
      at: '2027-01-25T00:00:00Z',
      action: 'reminded',
      by: null,
      reminder: '14d',
    };
    expect(lastDecision([recertified, APPROVAL, reminded])).toBe(recertified);
    expect(lastDecision(ready.history)).toBeUndefined();
  });
});

describe('governingRecord: until a fresh decision the approved values govern', () => {
  const edited = {
    ...approved,
    expirationDate: '2027-12-31',
    affectedAssets: ['fw-edge-01', 'sftp-prod-01', 'db-prod-07'],
    justification: 'Whatever.',
    compensatingControls: '',
    riskRating: 'Low' as const,
    riskOwner: { accountId: 'acc-new', displayName: 'New Owner', active: true },
  };

  it('restores every edited field to its decided value, and leaves the rest', () => {
    expect(governingRecord({ ...edited, summary: 'Renamed' })).toEqual({
      ...approved,
      summary: 'Renamed',
      riskOwner: { accountId: RISK_OWNER.accountId, displayName: 'Bo Owner', active: true },
    });
  });

  it('stands for a long decided text by its excerpt, marked as shortened', () => {
    const long = 'x'.repeat(600);
    const approvedLong = generateException({
      status: 'Recertification',
      justification: long,
      history: [...ready.history, { ...APPROVAL, decidedOn: decidedOn({ ...ready, justification: long }) }],
    });
    expect(governingRecord(approvedLong)).toBe(approvedLong);
    expect(governingRecord({ ...approvedLong, justification: 'short' }).justification).toBe(
      `${'x'.repeat(500)}…`,
    );
  });

  it.each([
    ['not in force', { ...edited, status: 'Reverted' as const }],
    [
      'decided before decisions kept what they covered',
      { ...edited, history: [...ready.history, { ...APPROVAL, decidedOn: undefined }] },
    ],
    ['never decided', { ...edited, status: 'Approved' as const, history: ready.history }],
  ])('leaves a record %s as it is', (_case, record) => {
    const parsed = generateException(
      JSON.parse(JSON.stringify(record)) as Parameters<typeof generateException>[0],
    );
    expect(governingRecord(parsed)).toEqual(parsed);
  });

  it('keeps KPIs on the decided values: an exception past its approved expiry is overdue, however it was edited', () => {
    const now = '2027-02-10T00:00:00Z';
    const kpis = computeKpis([edited], policy, now);
    expect(kpis.overdueShare).toEqual({ value: 1, numerator: 1, denominator: 1 });
    expect(kpis.controlsCoverage).toEqual({ value: 1, numerator: 1, denominator: 1 });
    expect(kpis.assetsExcepted.numerator).toBe(2);
  });

  it('exports the decided values', () => {
    const row = toExportRow(edited, policy, '2026-12-01T00:00:00Z');
    expect([
      row.expirationDate,
      row.affectedAssets,
      row.riskRating,
      row.riskOwner,
      row.justification,
    ]).toEqual([
      '2027-02-01',
      'fw-edge-01; sftp-prod-01',
      'Medium',
      `Bo Owner (${RISK_OWNER.accountId})`,
      ready.justification,
    ]);
  });

  it('plans the revert at the approved expiry, not at the edited one', () => {
    const reverts = (now: string) =>
      planActions(edited, policy, now)
        .filter((action) => action.action === 'revert')
        .map((action) => action.dueAt);
    expect(reverts('2027-01-31T23:59:59Z')).toEqual([]);
    expect(reverts('2027-02-02T00:00:00Z')).toEqual(['2027-02-02T00:00:00Z']);
  });
});

describe('governingRecord: findings edited after the decision do not widen the suppression', () => {
  const LODASH = { id: 'CVE-2024-1234', purl: 'pkg:npm/lodash@4.17.20' };
  const decidedWith = (findings: { id: string; purl?: string }[] | undefined) => {
    const decidedRecord = generateException({ ...(findings === undefined ? {} : { findings }) });
    return generateException({
      status: 'Approved',
      ...(findings === undefined ? {} : { findings }),
      history: [...ready.history, { ...APPROVAL, decidedOn: decidedOn(decidedRecord) }],
    });
  };

  it('takes the decided findings back when findings were added', () => {
    const governed = governingRecord({
      ...decidedWith([LODASH]),
      findings: [LODASH, { id: 'CVE-2099-0001' }],
    });
    expect(governed.findings).toEqual([LODASH]);
  });

  it('suppresses nothing when findings were added to an exception decided without any', () => {
    expect(
      governingRecord({ ...decidedWith(undefined), findings: [{ id: 'CVE-2099-0001' }] }).findings,
    ).toEqual([]);
  });

  it('leaves findings that only moved or repeated as they are', () => {
    const record = decidedWith([LODASH, { id: 'GHSA-jfh8-c2jp-5v3q' }]);
    const reordered = { ...record, findings: [{ id: 'GHSA-jfh8-c2jp-5v3q' }, LODASH, LODASH] };
    expect(governingRecord(reordered)).toBe(reordered);
  });

  it('shows the decided findings in the export row', () => {
    const row = toExportRow(
      { ...decidedWith([LODASH]), findings: [{ id: 'CVE-2099-0001' }] },
      policy,
      '2026-11-22T00:00:00Z',
    );
    expect(row.findings).toBe('CVE-2024-1234 pkg:npm/lodash@4.17.20');
  });
});
