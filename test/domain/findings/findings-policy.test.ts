import { defaultPolicy, findingsRequiredFor, PolicySchema } from '../../../src/domain/policy-schema';
import { EXCEPTION_TYPES } from '../../../src/domain/vocabulary';

describe('the findingsRequired pack setting', () => {
  it('is on for Vulnerability patch delay and off for every other type by default', () => {
    const policy = defaultPolicy();
    expect(
      Object.fromEntries(EXCEPTION_TYPES.map((type) => [type, policy.packs[type].findingsRequired])),
    ).toEqual({
      'MFA bypass': false,
      'Firewall rule': false,
      'Vulnerability patch delay': true,
      'Endpoint control gap': false,
      'Third-party / vendor access': false,
      'Legacy system support': false,
      Other: false,
    });
  });

  it('refuses anything but true or false, naming the setting', () => {
    const policy = defaultPolicy();
    const parsed = PolicySchema.safeParse({
      ...policy,
      packs: { ...policy.packs, Other: { ...policy.packs.Other, findingsRequired: 'yes' } },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['packs.Other.findingsRequired', 'must be true or false'],
    ]);
  });

  it('reads a policy saved before the setting existed with the default of each type', () => {
    const policy = defaultPolicy();
    const olderVpd: Record<string, unknown> = { ...policy.packs['Vulnerability patch delay'] };
    const olderOther: Record<string, unknown> = { ...policy.packs.Other };
    delete olderVpd['findingsRequired'];
    delete olderOther['findingsRequired'];
    const older = PolicySchema.parse({
      ...policy,
      packs: { ...policy.packs, 'Vulnerability patch delay': olderVpd, Other: olderOther },
    });
    expect(findingsRequiredFor(older, 'Vulnerability patch delay')).toBe(true);
    expect(findingsRequiredFor(older, 'Other')).toBe(false);
  });
});
