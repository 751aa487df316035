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
    ...[['\u200B'], ['\uFEFF\u2060', '\u3164'], ['-', '...'], ['n/a']].map(
      (labels): [string, Scenario, RuleResult] => [
        `fails labels that name nothing: ${JSON.stringify(labels)}`,
        { edits: { affectedAssets: labels } },
        fails(
          'affected-assets-missing',
          'Affected Assets needs at least one asset identifier, such as prod-db-01. An identifier needs a letter or a digit: invisible characters, punctuation and placeholders such as "n/a" do not name an asset.',
        ),
      ],
    ),
    [
      'passes when one of the labels names an asset',
      { edits: { affectedAssets: ['\u200B', 'db-01'] } },
      PASSES,
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(affectedAssetsMissing.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
