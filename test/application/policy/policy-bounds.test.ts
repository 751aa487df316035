/**
 * ISSUE6 B6: policy values have sane bounds, refused on save with a message naming the field and the range; a
 * stored policy from before the bounds is clamped on read with a warning naming the fields, so nothing downstream
 * throws on it.
 */
import { answerOf } from '../answer-of';
import { z } from 'zod';
import { getPolicy } from '../../../src/application/policy/get-policy';
import { listPolicyVersions } from '../../../src/application/policy/list-policy-versions';
import {
  CURRENT_POLICY_KEY,
  policyInForce,
  policyVersionKey,
} from '../../../src/application/policy/policy-store';
import { savePolicy } from '../../../src/application/policy/save-policy';
import { storeDefaultPolicy } from '../../../src/application/policy/store-default-policy';
import { validatePolicy } from '../../../src/application/policy/validate-policy';
import { computeKpis } from '../../../src/domain/kpi';
import { nextActionAt, planActions } from '../../../src/domain/planner';
import { defaultPolicy } from '../../../src/domain/policy-schema';
import { readStoredPolicy } from '../../../src/domain/stored-policy';
import { maxDurationDays, routeOf } from '../../../src/domain/tier';
import { generateException } from '../../builders/exception-record';
import { policySite, snapshot } from './policy-site';

type Edit = (policy: ReturnType<typeof defaultPolicy>) => unknown;

const DAYS_1_1825 = 'must be a whole number of days from 1 to 1825';
const HOURS = 'must be a number of hours from 1 to 8760';

describe('policy bounds on save', () => {
  it.each<[string, Edit, string, string]>([
    [
      'a tier period of 0 days',
      (p) => ({ ...p, tiers: { ...p.tiers, Low: { ...p.tiers.Low, maxDurationDays: 0 } } }),
      'tiers.Low.maxDurationDays',
      DAYS_1_1825,
    ],
    [
      'a tier period of 100 years',
      (p) => ({ ...p, tiers: { ...p.tiers, High: { ...p.tiers.High, maxDurationDays: 36_500 } } }),
      'tiers.High.maxDurationDays',
      DAYS_1_1825,
    ],
    [
      'a fractional tier period',
      (p) => ({ ...p, tiers: { ...p.tiers, High: { ...p.tiers.High, maxDurationDays: 30.5 } } }),
      'tiers.High.maxDurationDays',
      DAYS_1_1825,
    ],
    [
      'a pack period of a million days',
      (p) => ({ ...p, packs: { ...p.packs, Other: { ...p.packs.Other, maxDurationDays: 1_000_000 } } }),
      'packs.Other.maxDurationDays',
      DAYS_1_1825,
    ],
    [
      'an SLA of 0 hours',
      (p) => ({ ...p, decisionSlaHours: { ...p.decisionSlaHours, Urgent: 0 } }),
      'decisionSlaHours.Urgent',
      HOURS,
    ],
    [
      'an SLA of ten years',
      (p) => ({ ...p, decisionSlaHours: { ...p.decisionSlaHours, Standard: 87_600 } }),
      'decisionSlaHours.Standard',
      HOURS,
    ],
    [
      'a cumulative cap of 0',
      (p) => ({ ...p, cumulativeCapDays: 0, chronic: { ...p.chronic, cumulativeDays: 1 } }),
      'cumulativeCapDays',
      'must be a whole number of days from 1 to 3650',
    ],
    [
      'a cumulative cap of 30 years',
      (p) => ({ ...p, cumulativeCapDays: 10_950 }),
      'cumulativeCapDays',
      'must be a whole number of days from 1 to 3650',
    ],
    [
      '1000 recertifications before chronic',
      (p) => ({ ...p, chronic: { ...p.chronic, recertifications: 1000 } }),
      'chronic.recertifications',
      'must be a whole number of recertifications from 1 to 100',
    ],
    [
      'a justification minimum of a million',
      (p) => ({ ...p, justificationMinLength: 1_000_000 }),
      'justificationMinLength',
      'must be a whole number of letters or digits from 0 to 2000',
    ],
    [
      'a negative asset threshold',
      (p) => ({ ...p, urgentAssetThreshold: -1 }),
      'urgentAssetThreshold',
      'must be a whole number of assets from 0 to 100000',
    ],
    [
      'a reminder a thousand days before expiry',
      (p) => ({ ...p, reminders: { ...p.reminders, daysBeforeExpiry: 1000 } }),
      'reminders.daysBeforeExpiry',
      'must be a whole number of days from 0 to 365',
    ],
    [
      'a reminder at 100 % of the period',
      (p) => ({ ...p, reminders: { ...p.reminders, fractionOfPeriod: 1 } }),
      'reminders.fractionOfPeriod',
      'must be a fraction between 0 and 1 (for example 0.75)',
    ],
    [
      'a reminder percent of 75 instead of 0.75',
      (p) => ({ ...p, reminders: { ...p.reminders, fractionOfPeriod: 75 } }),
      'reminders.fractionOfPeriod',
      'must be a fraction between 0 and 1 (for example 0.75)',
    ],
    [
      'an inventory of 0 assets',
      (p) => ({ ...p, kpi: { ...p.kpi, assetInventorySize: 0 } }),
      'kpi.assetInventorySize',
      'must be a whole number of assets from 1 to 100000000',
    ],
    [
      'an inventory of 10^12 assets',
      (p) => ({ ...p, kpi: { ...p.kpi, assetInventorySize: 1e12 } }),
      'kpi.assetInventorySize',
      'must be a whole number of assets from 1 to 100000000',
    ],
    [
      'an assets-excepted target of 5 (meaning 5 %)',
      (p) => ({ ...p, kpi: { ...p.kpi, assetsExceptedTarget: 5 } }),
      'kpi.assetsExceptedTarget',
      'must be a fraction from 0 to 1 (for example 0.05)',
    ],
    [
      'a decision target of 0 hours',
      (p) => ({ ...p, kpi: { ...p.kpi, decisionTargetHours: 0 } }),
      'kpi.decisionTargetHours',
      HOURS,
    ],
    [
      'a text where a number belongs',
      (p) => ({ ...p, cumulativeCapDays: '365' }),
      'cumulativeCapDays',
      'must be a whole number of days from 1 to 3650',
    ],
    [
      'a template of 5000 characters',
      (p) => ({ ...p, justificationTemplate: 'x'.repeat(5000) }),
      'justificationTemplate',
      'must be at most 2000 characters',
    ],
    [
      '51 approver groups',
      (p) => ({
        ...p,
        tiers: {
          ...p.tiers,
          Low: { ...p.tiers.Low, approverGroups: Array.from({ length: 51 }, (_, i) => `g${i}`) },
        },
      }),
      'tiers.Low.approverGroups',
      'must name at most 50 Jira groups',
    ],
  ])('refuses %s, naming the field and the range, and saves nothing', async (_case, edit, path, message) => {
    const { store, admin } = policySite();
    await storeDefaultPolicy({ store });
    const policy = edit(defaultPolicy());
    expect(await answerOf(validatePolicy({ policy }, admin))).toEqual({
      ok: true,
      valid: false,
      problems: [{ path, message }],
    });
    const before = await snapshot(store);
    expect(await answerOf(savePolicy({ policy, baseVersion: 1 }, admin))).toEqual({
      ok: false,
      error: {
        code: 'invalid-policy',
        message: 'The policy was not saved: fix the problems listed and save again.',
        problems: [{ path, message }],
      },
    });
    expect(await snapshot(store)).toEqual(before);
  });

  it('accepts every bound itself', async () => {
    const { admin } = policySite();
    const p = defaultPolicy();
    const atBounds = {
      ...p,
      tiers: {
        ...p.tiers,
        Low: { ...p.tiers.Low, maxDurationDays: 1 },
        High: { ...p.tiers.High, maxDurationDays: 1825 },
      },
      decisionSlaHours: { Urgent: 1, Standard: 8760 },
      cumulativeCapDays: 3650,
      chronic: { recertifications: 100, cumulativeDays: 3650 },
      justificationMinLength: 2000,
      urgentAssetThreshold: 0,
      reminders: { fractionOfPeriod: 0.01, daysBeforeExpiry: 365 },
      kpi: { assetInventorySize: 100_000_000, assetsExceptedTarget: 1, decisionTargetHours: 8760 },
    };
    expect(await answerOf(validatePolicy({ policy: atBounds }, admin))).toEqual({
      ok: true,
      valid: true,
      problems: [],
    });
  });
});

describe('a stored policy from before the bounds', () => {
  /** Written before ISSUE6: values the schema of the time allowed and today's refuses. */
  const OUT_OF_BOUNDS = {
    ...defaultPolicy(),
    version: 2,
    tiers: { ...defaultPolicy().tiers, High: { maxDurationDays: 100_000, approverGroups: ['c-level'] } },
    decisionSlaHours: { Urgent: 0.001, Standard: 1e9 },
    cumulativeCapDays: 1e7,
    chronic: { recertifications: 5000, cumulativeDays: 1e7 },
    justificationMinLength: 1e9,
    kpi: { assetInventorySize: 1e15, assetsExceptedTarget: 0.05, decisionTargetHours: 48 },
  };
  const CLAMPED = [
    'tiers.High.maxDurationDays',
    'justificationMinLength',
    'decisionSlaHours.Urgent',
    'decisionSlaHours.Standard',
    'cumulativeCapDays',
    'chronic.recertifications',
    'chronic.cumulativeDays',
    'kpi.assetInventorySize',
  ];

  const storedSite = async () => {
    const site = policySite();
    await storeDefaultPolicy({ store: site.store });
    await site.store.set(policyVersionKey(2), OUT_OF_BOUNDS);
    await site.store.set(CURRENT_POLICY_KEY, { version: 2 });
    return site;
  };

  it('is read with each value at its nearest bound, and a warning names the fields, never the values', async () => {
    const { store } = await storedSite();
    const warnings: string[] = [];
    const policy = await policyInForce(store, (message) => warnings.push(message));
    expect(policy).toMatchObject({
      version: 2,
      tiers: { High: { maxDurationDays: 1825 } },
      decisionSlaHours: { Urgent: 1, Standard: 8760 },
      cumulativeCapDays: 3650,
      chronic: { recertifications: 100, cumulativeDays: 3650 },
      justificationMinLength: 2000,
      kpi: { assetInventorySize: 100_000_000 },
    });
    expect(warnings).toEqual([
      `Policy version 2 has values outside today's bounds, used at the nearest bound until an admin saves the policy again: ${CLAMPED.join(', ')}.`,
    ]);
    expect(warnings.join()).not.toMatch(/100000\b|1e|5000/);
  });

  it('does not break the planner, the KPIs, routing or the admin page', async () => {
    const { store, admin } = await storedSite();
    const policy = await policyInForce(store, () => undefined);
    const exception = generateException({ status: 'Approved' });
    expect(() => planActions(exception, policy, '2027-06-01T00:00:00Z')).not.toThrow();
    expect(() => nextActionAt(exception, policy, '2027-06-01T00:00:00Z')).not.toThrow();
    expect(() => computeKpis([exception], policy, '2027-06-01T00:00:00Z')).not.toThrow();
    expect(routeOf(exception, policy)).toBe('tier-1-review');
    expect(maxDurationDays('MFA bypass', 'High', policy)).toBe(1825);
    expect(await answerOf(getPolicy({}, admin))).toMatchObject({
      ok: true,
      stored: true,
      policy: { cumulativeCapDays: 3650 },
    });
    const versions = await answerOf(listPolicyVersions({}, admin));
    expect(versions).toMatchObject({ ok: true, versions: [{ version: 2, current: true }, { version: 1 }] });
  });

  it('is still refused when something other than a bound is wrong (a missing member is not clamped)', () => {
    expect(() => readStoredPolicy({ ...OUT_OF_BOUNDS, tiers: { Low: 'ninety' } })).toThrow(z.ZodError);
  });

  it('rounds a fractional whole number and truncates an over-long text', () => {
    const { policy, clamped } = readStoredPolicy({
      ...defaultPolicy(),
      cumulativeCapDays: 364.6,
      justificationTemplate: 'x'.repeat(3000),
    });
    expect(policy.cumulativeCapDays).toBe(365);
    expect(policy.justificationTemplate).toHaveLength(2000);
    expect(clamped).toEqual(['justificationTemplate', 'cumulativeCapDays']);
  });
});
