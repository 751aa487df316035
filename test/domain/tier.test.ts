import { defaultPolicy, PolicySchema } from '../../src/domain/policy-schema';
import {
  atLeast,
  evidenceRequired,
  maxDurationDays,
  provisionalRating,
  routeOf,
  tierOf,
} from '../../src/domain/tier';
import type { ExceptionType, RiskRating, Urgency } from '../../src/domain/vocabulary';

const policy = defaultPolicy();
const rated = (
  type: ExceptionType,
  overrides: {
    urgency?: Urgency | null;
    assets?: number;
    riskRating?: RiskRating | null;
    controls?: string;
  } = {},
) => ({
  type,
  urgency: overrides.urgency ?? 'Standard',
  affectedAssets: Array.from({ length: overrides.assets ?? 1 }, (_, index) => `asset-${index}`),
  riskRating: overrides.riskRating ?? null,
  compensatingControls: overrides.controls ?? 'IP allow-listing',
});

describe('tier and routing', () => {
  it.each([
    { type: 'MFA bypass', urgency: 'Standard', assets: 1, rating: 'High' },
    { type: 'Firewall rule', urgency: 'Standard', assets: 9, rating: 'Medium' },
    { type: 'Firewall rule', urgency: 'Urgent', assets: 3, rating: 'Medium' },
    { type: 'Firewall rule', urgency: 'Urgent', assets: 4, rating: 'High' },
    { type: 'Endpoint control gap', urgency: 'Urgent', assets: 4, rating: 'Medium' },
    { type: 'MFA bypass', urgency: 'Urgent', assets: 4, rating: 'Critical' },
    { type: 'Legacy system support', urgency: 'Urgent', assets: 9, rating: 'Critical' },
  ] as const)(
    'provisional rating of $type, $urgency, $assets assets is $rating',
    ({ type, urgency, assets, rating }) => {
      expect(provisionalRating(rated(type, { urgency, assets }), policy)).toBe(rating);
    },
  );

  it('uses the approver rating once set', () => {
    expect(tierOf(rated('MFA bypass', { riskRating: 'Low' }), policy)).toBe('Low');
    expect(tierOf(rated('MFA bypass'), policy)).toBe('High');
  });

  it.each([
    { type: 'Endpoint control gap', controls: 'Isolated VLAN', route: 'auto-approve' },
    { type: 'Endpoint control gap', controls: '  ', route: 'tier-1-review' },
    { type: 'Endpoint control gap', controls: '\u200B\u2060\uFEFF', route: 'tier-1-review' },
    { type: 'Endpoint control gap', controls: '- - - ....', route: 'tier-1-review' },
    { type: 'Endpoint control gap', controls: 'N/A', route: 'tier-1-review' },
    { type: 'Endpoint control gap', controls: '\u3164\u00AD\u202E', route: 'tier-1-review' },
    { type: 'Other', controls: 'x', riskRating: 'Low', route: 'tier-1-review' },
    { type: 'Firewall rule', controls: 'x', route: 'tier-1-review' },
    { type: 'MFA bypass', controls: 'x', route: 'c-level-sign-off' },
    { type: 'Firewall rule', controls: 'x', riskRating: 'Critical', route: 'c-level-sign-off' },
  ] as const)(
    'routes $type ($riskRating) with controls "$controls" to $route',
    ({ type, controls, route, ...rest }) => {
      const riskRating = 'riskRating' in rest ? rest.riskRating : null;
      expect(routeOf(rated(type, { controls, riskRating }), policy)).toBe(route);
    },
  );

  it('does not auto-approve when the policy turns it off', () => {
    const strict = PolicySchema.parse({ version: 2, autoApproveLow: false });
    expect(routeOf(rated('Endpoint control gap'), strict)).toBe('tier-1-review');
  });

  it('caps duration by the smaller of tier and type', () => {
    expect(maxDurationDays('MFA bypass', 'High', policy)).toBe(90);
    const custom = PolicySchema.parse({
      version: 2,
      packs: { ...policy.packs, 'MFA bypass': { ...policy.packs['MFA bypass'], maxDurationDays: 30 } },
    });
    expect(maxDurationDays('MFA bypass', 'High', custom)).toBe(30);
    expect(maxDurationDays('Firewall rule', 'High', custom)).toBe(90);
  });

  it('requires evidence from High up and for types whose pack asks for it', () => {
    expect(evidenceRequired(rated('Firewall rule'), policy)).toBe(false);
    expect(evidenceRequired(rated('Firewall rule', { riskRating: 'High' }), policy)).toBe(true);
    expect(evidenceRequired(rated('Vulnerability patch delay', { riskRating: 'Low' }), policy)).toBe(true);
  });

  it('compares ratings', () => {
    expect(atLeast('High', 'Medium')).toBe(true);
    expect(atLeast('Medium', 'Medium')).toBe(true);
    expect(atLeast('Low', 'Medium')).toBe(false);
  });
});
