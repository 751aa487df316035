import type { ForgeRule, JiraStatus } from '../../../src/application/ports/configuration-port';
import type { AppRules } from '../../../src/application/setup/forge-rules';
import type { ScreenKey } from '../../../src/application/setup/screen-definition';
import {
  buildWorkflow,
  missingTransitions,
  statusReference,
} from '../../../src/application/setup/workflow-plan';
import { STATUSES, type Status } from '../../../src/domain/vocabulary';

/** Rule keys as a site might report them: nothing in the plan may assume Jira's documented ones. */
const rule = (ruleKey: string, moduleKey: string, ruleType: string): ForgeRule => ({
  id: `ari:cloud:ecosystem::extension/app-1/env-1/static/${moduleKey}`,
  ruleKey,
  ruleType,
  name: moduleKey,
});

const RULES: AppRules = {
  validator: rule('forge:function-validator', 'exception-policy-validator', 'Validator'),
  postFunction: rule('forge:workflow-post-function', 'exception-lifecycle-recorder', 'Function'),
  condition: rule('forge:expression-condition', 'not-the-requester', 'Condition'),
  requesterValidator: rule('forge:expression-validator', 'requester-cannot-decide', 'Validator'),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Rule ids as crypto.randomUUID mints them, numbered so the plan can be compared. */
let minted = 0;
const newId = (): string => {
  minted += 1;
  return `0000aaaa-0000-4000-8000-${String(minted).padStart(12, '0')}`;
};

const statuses = Object.fromEntries(
  STATUSES.map((name, index) => [
    name,
    // Approved adopted from the site with a Done category: the request must keep it.
    { id: `s${index}`, name, description: '', statusCategory: name === 'Approved' ? 'DONE' : 'IN_PROGRESS' },
  ]),
) as Record<Status, JiraStatus>;

const SCREEN_IDS: Record<ScreenKey, string> = {
  create: '2',
  default: '3',
  review: '4',
  recertify: '5',
  decision: '6',
  comment: '7',
};

const APPROVER_GROUPS = [
  { groupId: 'g-reviewers', name: 'security-reviewers' },
  { groupId: 'g-c-level', name: 'c-level' },
];
const RESTRICTED = 'system:restrict-issue-transition  ';

const workflow = buildWorkflow({
  statuses,
  rules: RULES,
  screenIds: SCREEN_IDS,
  approverGroups: APPROVER_GROUPS,
  newId,
});
const byReference = Object.fromEntries(
  workflow.statuses.map((status) => [status.statusReference, status.name]),
);

test('the workflow references the existing statuses by id, each with its own category', () => {
  expect(workflow.name).toBe('Security Exception Workflow');
  expect(workflow.statuses.map(({ id, name, statusCategory }) => [id, name, statusCategory])).toEqual([
    ['s0', 'Submitted', 'IN_PROGRESS'],
    ['s1', 'Risk Review', 'IN_PROGRESS'],
    ['s2', 'Approved', 'DONE'],
    ['s3', 'Recertification', 'IN_PROGRESS'],
    ['s4', 'Rejected', 'IN_PROGRESS'],
    ['s5', 'Reverted', 'IN_PROGRESS'],
    ['s6', 'Retired', 'IN_PROGRESS'],
  ]);
  expect(new Set(workflow.statuses.map((status) => status.statusReference)).size).toBe(7);
  expect(statusReference('Submitted')).toBe('5ec0e7c0-0000-4000-8000-000000000001');
});

test('every transition of DESIGN §3, with the rule keys and module ids the site reported', () => {
  const V = (transition: string) =>
    `forge:function-validator exception-policy-validator {"transition":"${transition}"}`;
  const P = (transition: string) =>
    `forge:workflow-post-function exception-lifecycle-recorder {"transition":"${transition}"}`;
  const summary = workflow.transitions.map((transition) => ({
    name: transition.name,
    type: transition.type,
    from: transition.links.map((link) => byReference[link.fromStatusReference]),
    to: byReference[transition.toStatusReference],
    rules: [
      ...transition.validators,
      ...transition.actions,
      ...(transition.conditions?.conditions ?? []),
    ].map(
      (configured) =>
        `${configured.ruleKey} ${configured.parameters.key?.split('/').at(-1) ?? ''} ${configured.parameters.config ?? ''}`,
    ),
    screen: transition.transitionScreen?.parameters.screenId ?? null,
  }));
  expect(summary).toEqual([
    { name: 'Create', type: 'INITIAL', from: [], to: 'Submitted', rules: [], screen: null },
    {
      name: 'Triage',
      type: 'DIRECTED',
      from: ['Submitted'],
      to: 'Risk Review',
      rules: [V('triage'), P('triage')],
      screen: null,
    },
    {
      name: 'Auto-approve',
      type: 'DIRECTED',
      from: ['Submitted'],
      to: 'Approved',
      rules: [V('auto-approve'), P('auto-approve')],
      screen: null,
    },
    {
      name: 'Request info',
      type: 'DIRECTED',
      from: ['Risk Review'],
      to: 'Submitted',
      rules: [V('request-info'), P('request-info'), RESTRICTED],
      screen: '7',
    },
    {
      name: 'Approve',
      type: 'DIRECTED',
      from: ['Risk Review'],
      to: 'Approved',
      rules: [
        V('approve'),
        'forge:expression-validator requester-cannot-decide {}',
        P('approve'),
        'forge:expression-condition not-the-requester {}',
        RESTRICTED,
      ],
      screen: '4',
    },
    {
      name: 'Reject',
      type: 'DIRECTED',
      from: ['Risk Review'],
      to: 'Rejected',
      rules: [V('reject'), P('reject'), RESTRICTED],
      screen: '6',
    },
    {
      name: 'Start recertification',
      type: 'DIRECTED',
      from: ['Approved'],
      to: 'Recertification',
      rules: [V('start-recertification'), P('start-recertification')],
      screen: null,
    },
    {
      name: 'Recertify',
      type: 'DIRECTED',
      from: ['Recertification'],
      to: 'Approved',
      rules: [
        V('recertify'),
        'forge:expression-validator requester-cannot-decide {}',
        P('recertify'),
        'forge:expression-condition not-the-requester {}',
      ],
      screen: '5',
    },
    {
      name: 'Revert',
      type: 'DIRECTED',
      from: ['Approved', 'Recertification'],
      to: 'Reverted',
      rules: [V('revert'), P('revert')],
      screen: '6',
    },
    {
      name: 'Retire',
      type: 'DIRECTED',
      from: ['Approved', 'Recertification'],
      to: 'Retired',
      rules: [V('retire'), P('retire')],
      screen: null,
    },
  ]);
});

test('a Forge rule carries the module ARI as key and its configuration as JSON text', () => {
  const approve = workflow.transitions.find((transition) => transition.name === 'Approve');
  const [policy, requester] = approve?.validators ?? [];
  expect(policy).toEqual({
    id: policy?.parameters.id,
    ruleKey: 'forge:function-validator',
    parameters: {
      key: 'ari:cloud:ecosystem::extension/app-1/env-1/static/exception-policy-validator',
      config: '{"transition":"approve"}',
      id: expect.stringMatching(UUID) as string,
      disabled: 'false',
      tag: '',
    },
  });
  expect(requester?.parameters.key).toBe(
    'ari:cloud:ecosystem::extension/app-1/env-1/static/requester-cannot-decide',
  );
  expect(approve?.conditions?.operation).toBe('ALL');
  expect(approve?.transitionScreen).toEqual({
    id: expect.stringMatching(UUID) as string,
    ruleKey: 'system:transition-screen',
    parameters: { screenId: '4' },
  });
});

test('transitions are numbered as the SPEC example, and every rule has an id of its own', () => {
  expect(workflow.transitions.map((transition) => transition.id)).toEqual([
    '1',
    '11',
    '21',
    '31',
    '41',
    '51',
    '61',
    '71',
    '81',
    '91',
  ]);
  const rules = workflow.transitions.flatMap((transition) => [
    ...transition.validators,
    ...transition.actions,
    ...(transition.conditions?.conditions ?? []),
    ...(transition.transitionScreen === null ? [] : [transition.transitionScreen]),
  ]);
  const ids = rules.map((configured) => configured.id);
  expect(ids.every((id) => id !== undefined && UUID.test(id))).toBe(true);
  expect(new Set(ids).size).toBe(rules.length);
  // Forge rules also carry it as parameters.id (the capabilities description's format).
  for (const configured of rules.filter((candidate) => candidate.ruleKey.startsWith('forge:')))
    expect(configured.parameters.id).toBe(configured.id);
});

test.each([
  {
    names: [
      'Create',
      'Triage',
      'Auto-approve',
      'Request info',
      'Approve',
      'Reject',
      'Start recertification',
      'Recertify',
      'Revert',
      'Retire',
    ],
    missing: [],
  },
  {
    names: ['Create', 'Start Progress', 'Done'],
    missing: [
      'Triage',
      'Auto-approve',
      'Request info',
      'Approve',
      'Reject',
      'Start recertification',
      'Recertify',
      'Revert',
      'Retire',
    ],
  },
  {
    names: ['Triage', 'Approve', 'Reject', 'Recertify', 'Revert', 'Retire'],
    missing: ['Auto-approve', 'Request info', 'Start recertification'],
  },
])('a workflow with $names lacks $missing', ({ names, missing }) => {
  expect(missingTransitions(names)).toEqual(missing);
});

test("Approve, Reject and Request info are restricted by Jira's own condition to the approver groups' ids", () => {
  for (const name of ['Request info', 'Approve', 'Reject']) {
    const conditions = workflow.transitions.find((transition) => transition.name === name)?.conditions;
    expect(conditions?.operation).toBe('ALL');
    expect(conditions?.conditions.at(-1)).toEqual({
      id: expect.stringMatching(UUID) as string,
      ruleKey: 'system:restrict-issue-transition',
      parameters: { groupIds: 'g-reviewers,g-c-level' },
    });
  }
});

test('with no approver group found in Jira, no transition is restricted (a restriction to none locks everyone out)', () => {
  const unrestricted = buildWorkflow({
    statuses,
    rules: RULES,
    screenIds: SCREEN_IDS,
    approverGroups: [],
    newId,
  });
  const keys = unrestricted.transitions.flatMap((transition) =>
    (transition.conditions?.conditions ?? []).map((rule) => `${transition.name} ${rule.ruleKey}`),
  );
  expect(keys).toEqual(['Approve forge:expression-condition', 'Recertify forge:expression-condition']);
  expect(unrestricted.transitions.find((transition) => transition.name === 'Reject')?.conditions).toBeNull();
});
