import { computeKpis } from '../../../src/domain/kpi';
import type { Policy } from '../../../src/domain/policy-schema';
import type { ExceptionRecord } from '../../../src/domain/register-schema';
import { anException, approvedAfter, NOW, policyWith } from './kpi-fixtures';

const targetsOf = (register: readonly ExceptionRecord[], policy: Policy = policyWith()) =>
  computeKpis(register, policy, NOW).targets;

describe('targets', () => {
  it.each([
    { case: '4 of 100 assets (< 5 %): met', inventory: 100, met: true },
    {
      case: '4 of 80 assets (exactly 5 %): not met, the target is strictly below',
      inventory: 80,
      met: false,
    },
    { case: 'unknown inventory: no verdict', inventory: null, met: null },
  ])('assetsExcepted, $case', ({ inventory, met }) => {
    const register = [anException({ status: 'Approved', affectedAssets: ['a', 'b', 'c', 'd'] })];
    expect(targetsOf(register, policyWith({ assetInventorySize: inventory })).assetsExcepted).toEqual({
      target: 0.05,
      met,
    });
  });

  it.each([
    { case: 'mean exactly 48 h: met', hours: [40, 56], met: true },
    { case: 'mean 48.5 h: not met (although the median is 2)', hours: [1, 2, 142.5], met: false },
    { case: 'no human approvals: no verdict', hours: [], met: null },
  ])('decisionHours, $case', ({ hours, met }) => {
    expect(targetsOf(hours.map((h) => approvedAfter(h))).decisionHours).toEqual({ target: 48, met });
  });

  it('decisionHours takes its target from the policy', () => {
    expect(targetsOf([approvedAfter(30)], policyWith({ decisionTargetHours: 24 })).decisionHours).toEqual({
      target: 24,
      met: false,
    });
  });

  it.each([
    { case: 'no open exceptions: no verdict', register: [anException({ status: 'Retired' })], met: null },
    {
      case: 'open, none overdue: met',
      register: [anException({ status: 'Approved', expirationDate: '2026-11-21' })],
      met: true,
    },
    {
      case: 'one overdue: not met',
      register: [anException({ status: 'Approved', expirationDate: '2026-11-20' })],
      met: false,
    },
  ])('overdue, $case', ({ register, met }) => {
    expect(targetsOf(register).overdue).toEqual({ target: 0, met });
  });

  it.each([
    { case: 'none: met', register: [], met: true },
    {
      case: 'one: not met',
      register: [anException({ status: 'Approved', expirationDate: null })],
      met: false,
    },
  ])('openEnded, $case', ({ register, met }) => {
    expect(targetsOf(register).openEnded).toEqual({ target: 0, met });
  });
});
