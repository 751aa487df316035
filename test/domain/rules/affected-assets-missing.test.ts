import { affectedAssetsMissing } from '../../../src/domain/rules/affected-assets-missing';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

describe('affectedAssetsMissing', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes one asset', { edits: { affectedAssets: ['prod-db-01'] } }, PASSES],
    ['passes several assets', {}, PASSES],
    [
      'fails no asset',
      { edits: { affectedAssets: [] } },
      fails(
        'affected-assets-missing',
        'Affected Assets needs at least one asset identifier, such as prod-db-01.',
      ),
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(affectedAssetsMissing.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
