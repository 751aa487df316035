import { approverIsApp } from '../../../src/domain/rules/approver-is-app';
import type { RuleResult } from '../../../src/domain/rules/rule';
import {
  APP,
  EXECUTIVE,
  fails,
  OUTSIDER,
  PASSES,
  REVIEWER,
  ruleInput,
  UNKNOWN_ACTOR,
  type Scenario,
} from './rule-input';

describe('approverIsApp', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes a reviewer', { actor: REVIEWER }, PASSES],
    ['passes an executive', { actor: EXECUTIVE }, PASSES],
    ['passes any person (group membership is another rule)', { actor: OUTSIDER }, PASSES],
    [
      'fails the app',
      { actor: APP },
      fails(
        'approver-is-app',
        'The app cannot approve an exception by hand: a person in the approver group must make this transition.',
      ),
    ],
    ['fails closed when the actor is unknown', { actor: null }, UNKNOWN_ACTOR],
  ])('%s', (_name, scenario, expected) => {
    expect(approverIsApp.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
