import { autoApproveNotByApp } from '../../../src/domain/rules/auto-approve-not-by-app';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { APP, EXECUTIVE, fails, PASSES, REVIEWER, ruleInput, type Scenario } from './rule-input';

const ONLY_APP = fails(
  'auto-approve-not-by-app',
  'Only the app can auto-approve an exception: use Triage instead, so that an approver can decide in Risk Review.',
);

describe('autoApproveNotByApp', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes the app', { actor: APP }, PASSES],
    ['fails a reviewer', { actor: REVIEWER }, ONLY_APP],
    ['fails an executive', { actor: EXECUTIVE }, ONLY_APP],
    ['fails an actor that could not be established', { actor: null }, ONLY_APP],
  ])('%s', (_name, scenario, expected) => {
    expect(autoApproveNotByApp.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
