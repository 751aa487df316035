import { defaultPolicy } from '../../../src/domain/policy-schema';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { findingsMissing } from '../../../src/domain/rules/findings-missing';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

const withFindingsRequired = (
  type: 'Firewall rule' | 'Vulnerability patch delay',
  value: boolean | undefined,
) => {
  const policy = defaultPolicy();
  const packs = { ...policy.packs, [type]: { ...policy.packs[type], findingsRequired: value } };
  if (value === undefined) delete packs[type].findingsRequired;
  return { packs };
};

describe('findingsMissing', () => {
  const MISSING = fails(
    'findings-missing',
    'Findings is required for Vulnerability patch delay: list each vulnerability this exception covers, one a line, e.g. CVE-2024-1234 pkg:npm/lodash@4.17.20.',
  );
  it.each<[string, Scenario, RuleResult]>([
    [
      'fails a patch delay without findings (the default pack)',
      { edits: { type: 'Vulnerability patch delay' } },
      MISSING,
    ],
    [
      'fails a patch delay whose findings are an empty list',
      { edits: { type: 'Vulnerability patch delay', findings: [] } },
      MISSING,
    ],
    [
      'passes a patch delay with a finding',
      { edits: { type: 'Vulnerability patch delay', findings: [{ id: 'CVE-2024-1234' }] } },
      PASSES,
    ],
    ['passes other types without findings by default', { edits: { type: 'Firewall rule' } }, PASSES],
    [
      'fails another type whose pack requires findings',
      { edits: { type: 'Firewall rule' }, policy: withFindingsRequired('Firewall rule', true) },
      fails(
        'findings-missing',
        'Findings is required for Firewall rule: list each vulnerability this exception covers, one a line, e.g. CVE-2024-1234 pkg:npm/lodash@4.17.20.',
      ),
    ],
    [
      'passes a patch delay whose pack no longer requires findings',
      {
        edits: { type: 'Vulnerability patch delay' },
        policy: withFindingsRequired('Vulnerability patch delay', false),
      },
      PASSES,
    ],
    [
      'requires them for a patch delay under a policy saved before the setting existed',
      {
        edits: { type: 'Vulnerability patch delay' },
        policy: withFindingsRequired('Vulnerability patch delay', undefined),
      },
      MISSING,
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(findingsMissing.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
