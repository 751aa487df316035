import type { ForgeRule } from '../../../src/application/ports/configuration-port';
import { findAppRules } from '../../../src/application/setup/forge-rules';

const APP = '5c1e0d2a-7b4f-4e8a-9c61-3f2d8a7b6e10';

const rule = (
  appId: string,
  moduleKey: string,
  ruleType: string,
  ruleKey = `forge:${moduleKey}`,
): ForgeRule => ({
  id: `ari:cloud:ecosystem::extension/${appId}/env-9/static/${moduleKey}`,
  ruleKey,
  ruleType,
  name: moduleKey,
});

const OURS = [
  rule(APP, 'exception-policy-validator', 'Validator', 'forge:expression-validator'),
  rule(APP, 'exception-lifecycle-recorder', 'Function', 'forge:workflow-post-function'),
  rule(APP, 'not-the-requester', 'Condition', 'forge:expression-condition'),
  rule(APP, 'requester-cannot-decide', 'Validator', 'forge:expression-validator'),
];

test.each([
  { appId: APP, form: 'the bare app id' },
  { appId: `ari:cloud:ecosystem::app/${APP}`, form: 'the app ARI' },
])("finds the app's four rules from $form, among other apps' rules of the same module keys", ({ appId }) => {
  const others = [
    rule('0ther-app', 'exception-policy-validator', 'Validator'),
    rule('0ther-app', 'not-the-requester', 'Condition'),
  ];
  expect(findAppRules([...others, ...OURS], appId)).toEqual({
    found: true,
    rules: {
      validator: OURS[0],
      postFunction: OURS[1],
      condition: OURS[2],
      requesterValidator: OURS[3],
    },
  });
});

test.each([
  {
    situation: 'no rules at all',
    rules: [],
    missing: [
      'exception-policy-validator',
      'exception-lifecycle-recorder',
      'not-the-requester',
      'requester-cannot-decide',
    ],
  },
  { situation: 'the validator missing', rules: OURS.slice(1), missing: ['exception-policy-validator'] },
  {
    situation: 'a module reported with another rule type',
    rules: [OURS[0], OURS[1], rule(APP, 'not-the-requester', 'Validator'), OURS[3]].flatMap((candidate) =>
      candidate === undefined ? [] : [candidate],
    ),
    missing: ['not-the-requester'],
  },
])('names the modules Jira does not offer: $situation', ({ rules, missing }) => {
  expect(findAppRules(rules, APP)).toEqual({ found: false, missing });
});
