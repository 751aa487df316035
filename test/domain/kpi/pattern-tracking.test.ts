import { computeKpis, type KpiOptions } from '../../../src/domain/kpi';
import type { ExceptionType } from '../../../src/domain/vocabulary';
import { anException, NOW, policyWith } from './kpi-fixtures';

const OCT_NOV: KpiOptions = { from: '2026-10', to: '2026-11' };
const inOctober = (type: ExceptionType, affectedAssets: string[] = ['fw-edge-01']) =>
  anException({ type, affectedAssets, createdAt: '2026-10-10T00:00:00Z' });

describe('topTypes and topAssets', () => {
  it('sorts by count descending, ties by name ascending', () => {
    const register = [
      inOctober('MFA bypass'),
      inOctober('Firewall rule'),
      inOctober('Other'),
      inOctober('MFA bypass'),
      inOctober('Endpoint control gap'),
      inOctober('Other'),
      inOctober('Firewall rule'),
      inOctober('Other'),
    ];
    expect(computeKpis(register, policyWith(), NOW, OCT_NOV).topTypes).toEqual([
      { name: 'Other', count: 3 },
      { name: 'Firewall rule', count: 2 },
      { name: 'MFA bypass', count: 2 },
      { name: 'Endpoint control gap', count: 1 },
    ]);
  });

  it('keeps at most 10 names; ties are cut by name', () => {
    const assets = Array.from(
      { length: 12 },
      (_, index) => `asset-${String(index + 1).padStart(2, '0')}`,
    ).reverse();
    const register = [
      ...assets.map((asset) => inOctober('Other', [asset])),
      inOctober('Other', ['web-01', 'asset-12']),
    ];
    expect(computeKpis(register, policyWith(), NOW, OCT_NOV).topAssets).toEqual([
      { name: 'asset-12', count: 2 },
      { name: 'asset-01', count: 1 },
      { name: 'asset-02', count: 1 },
      { name: 'asset-03', count: 1 },
      { name: 'asset-04', count: 1 },
      { name: 'asset-05', count: 1 },
      { name: 'asset-06', count: 1 },
      { name: 'asset-07', count: 1 },
      { name: 'asset-08', count: 1 },
      { name: 'asset-09', count: 1 },
    ]);
  });

  it('orders tied names by code unit, the same on every machine (capitals first)', () => {
    const register = [
      inOctober('Other', ['alpha']),
      inOctober('Other', ['Zeta']),
      inOctober('Other', ['beta']),
    ];
    expect(computeKpis(register, policyWith(), NOW, OCT_NOV).topAssets.map(({ name }) => name)).toEqual([
      'Zeta',
      'alpha',
      'beta',
    ]);
  });

  it('counts an asset once per exception, over exceptions created in the period only, whatever their status', () => {
    const register = [
      anException({
        affectedAssets: ['db-01', 'db-01'],
        createdAt: '2026-10-02T00:00:00Z',
        status: 'Rejected',
      }),
      anException({ affectedAssets: ['db-01'], createdAt: '2026-11-30T23:59:59Z', status: 'Approved' }),
      anException({ affectedAssets: ['db-01', 'web-01'], createdAt: '2026-09-30T23:59:59Z' }),
      anException({ affectedAssets: ['web-01'], createdAt: '2026-12-01T00:00:00Z' }),
    ];
    const report = computeKpis(register, policyWith(), NOW, OCT_NOV);
    expect(report.topAssets).toEqual([{ name: 'db-01', count: 2 }]);
    expect(report.topTypes).toEqual([{ name: 'Firewall rule', count: 2 }]);
  });

  it('is empty for an empty period', () => {
    const report = computeKpis([inOctober('Other')], policyWith(), NOW, { from: '2026-01', to: '2026-02' });
    expect({ topTypes: report.topTypes, topAssets: report.topAssets, trend: report.trend }).toEqual({
      topTypes: [],
      topAssets: [],
      trend: { types: {}, assets: {} },
    });
  });
});

describe('trend', () => {
  it('gives the monthly series of every name in the top lists, every month listed, zeros included', () => {
    const register = [
      anException({ type: 'MFA bypass', affectedAssets: ['crm-01'], createdAt: '2026-09-03T00:00:00Z' }),
      anException({
        type: 'MFA bypass',
        affectedAssets: ['crm-01', 'crm-02'],
        createdAt: '2026-11-03T00:00:00Z',
      }),
      anException({ type: 'Other', affectedAssets: ['crm-02'], createdAt: '2026-11-04T00:00:00Z' }),
      anException({ type: 'Other', affectedAssets: ['lab-01'], createdAt: '2026-08-31T23:59:59Z' }), // outside
    ];
    const report = computeKpis(register, policyWith(), NOW, { from: '2026-09', to: '2026-11' });
    expect(report.trend).toEqual({
      types: {
        'MFA bypass': { '2026-09': 1, '2026-10': 0, '2026-11': 1 },
        Other: { '2026-09': 0, '2026-10': 0, '2026-11': 1 },
      },
      assets: {
        'crm-01': { '2026-09': 1, '2026-10': 0, '2026-11': 1 },
        'crm-02': { '2026-09': 0, '2026-10': 0, '2026-11': 2 },
      },
    });
  });

  it('has no series for names cut from a top list', () => {
    const assets = Array.from({ length: 11 }, (_, index) => `host-${String(index).padStart(2, '0')}`);
    const register = assets.map((asset) => inOctober('Other', [asset]));
    const { trend } = computeKpis(register, policyWith(), NOW, OCT_NOV);
    expect(Object.keys(trend.assets)).toEqual(assets.slice(0, 10));
    expect(trend.assets['host-10']).toBeUndefined();
  });
});
