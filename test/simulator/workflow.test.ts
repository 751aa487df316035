import {
  FORGE_RULE_KEYS,
  type ForgeInvocationContext,
  type JiraSimulator,
  type PostFunctionEvent,
  type ValidatorPayload,
} from '../../simulator';
import { adf, appClient, clientAs, type ErrorCollection, startSeededSimulator } from './simulator-fixture';

const APP_ID = 'a1b2c3d4-app';
const ENVIRONMENT_ID = 'env-dev';

interface Calls {
  validations: { payload: ValidatorPayload; context: ForgeInvocationContext }[];
  postFunctions: { event: PostFunctionEvent; context: ForgeInvocationContext }[];
  events: { name: string; event: Readonly<Record<string, unknown>> }[];
}

interface Setup {
  sim: JiraSimulator;
  calls: Calls;
  riskRatingId: string;
  status: Record<'Submitted' | 'Risk Review' | 'Approved' | 'Rejected', string>;
  postFunctionRuleId: string;
}

const setUp = async (): Promise<Setup> => {
  // These tests count deliveries and set fields on screenless transitions; the harsh habits (duplicates,
  // screens, comments kept from validators) have their own tests in platform-habits.test.ts.
  const sim = await startSeededSimulator({
    habits: {
      enforceScreens: false,
      duplicateDelivery: { probability: 0, delayMs: 0, seed: 1 },
      restCommentReachesValidators: true,
    },
  });
  const calls: Calls = { validations: [], postFunctions: [], events: [] };
  const app = sim.installApp({
    appId: APP_ID,
    environmentId: ENVIRONMENT_ID,
    modules: [
      { key: 'approve-validator', type: 'validator', name: 'Policy check' },
      {
        key: 'not-the-requester',
        type: 'condition',
        expression: 'user.accountId != issue.reporter.accountId',
      },
      { key: 'record-transition', type: 'postFunction' },
      { key: 'on-issue', type: 'trigger', events: ['avi:jira:created:issue', 'avi:jira:updated:issue'] },
    ],
    validate: (payload, context) => {
      calls.validations.push({ payload, context });
      const rating = payload.transition.modifiedFields?.[riskRatingId];
      return Promise.resolve(
        rating == null
          ? { result: false, errorMessage: 'Risk Rating must be set before approval.' }
          : { result: true },
      );
    },
    postFunction: (event, context) => {
      calls.postFunctions.push({ event, context });
      return Promise.resolve();
    },
    onEvent: (name, event) => {
      calls.events.push({ name, event });
      return Promise.resolve();
    },
  });
  const admin = appClient(sim);

  const field = await admin.post<{ id: string }>('/rest/api/3/field', {
    name: 'Risk Rating',
    type: 'com.atlassian.jira.plugin.system.customfieldtypes:select',
    searcherKey: 'com.atlassian.jira.plugin.system.customfieldtypes:multiselectsearcher',
  });
  const riskRatingId = field.body.id;
  const contexts = await admin.get<{ values: { id: string }[] }>(`/rest/api/3/field/${riskRatingId}/context`);
  const contextId = contexts.body.values[0]?.id ?? '';
  await admin.post(`/rest/api/3/field/${riskRatingId}/context/${contextId}/option`, {
    options: ['Low', 'Medium', 'High', 'Critical'].map((value) => ({ value })),
  });
  const type = await admin.post<{ id: string }>('/rest/api/3/issuetype', {
    name: 'Exception',
    type: 'standard',
  });
  const sec = sim.state.project('SEC');
  const scheme = await admin.post<{ issueTypeSchemeId: string }>('/rest/api/3/issuetypescheme', {
    name: 'Security exceptions',
    issueTypeIds: [type.body.id],
  });
  await admin.put('/rest/api/3/issuetypescheme/project', {
    issueTypeSchemeId: scheme.body.issueTypeSchemeId,
    projectId: sec?.id,
  });

  const forgeRule = (ruleKey: string, moduleKey: string, config: unknown) => ({
    ruleKey,
    parameters: { key: app.ari(moduleKey), config: JSON.stringify(config), disabled: 'false', tag: '' },
  });
  const created = await admin.post<{
    statuses: { id: string; name: string }[];
    workflows: { transitions: { name: string; actions: { id: string }[] }[] }[];
  }>('/rest/api/3/workflows/create', {
    scope: { type: 'GLOBAL' },
    statuses: [
      { statusReference: 's-submitted', name: 'Submitted', statusCategory: 'TODO' },
      { statusReference: 's-review', name: 'Risk Review', statusCategory: 'IN_PROGRESS' },
      { statusReference: 's-approved', name: 'Approved', statusCategory: 'IN_PROGRESS' },
      { statusReference: 's-rejected', name: 'Rejected', statusCategory: 'DONE' },
    ],
    workflows: [
      {
        name: 'Security Exception Workflow',
        statuses: ['s-submitted', 's-review', 's-approved', 's-rejected'].map((statusReference) => ({
          statusReference,
          properties: {},
        })),
        transitions: [
          { name: 'Create', type: 'INITIAL', toStatusReference: 's-submitted', links: [] },
          {
            name: 'Triage',
            type: 'DIRECTED',
            toStatusReference: 's-review',
            links: [{ fromStatusReference: 's-submitted' }],
          },
          {
            name: 'Approve',
            type: 'DIRECTED',
            toStatusReference: 's-approved',
            links: [{ fromStatusReference: 's-review' }],
            validators: [forgeRule(FORGE_RULE_KEYS.validator, 'approve-validator', { rule: 'approve' })],
            conditions: {
              operation: 'ALL',
              conditions: [forgeRule(FORGE_RULE_KEYS.condition, 'not-the-requester', {})],
            },
            actions: [forgeRule(FORGE_RULE_KEYS.postFunction, 'record-transition', { record: 'approved' })],
          },
          {
            name: 'Reject',
            type: 'DIRECTED',
            toStatusReference: 's-rejected',
            links: [{ fromStatusReference: 's-review' }],
          },
        ],
      },
    ],
  });
  expect(created.status).toBe(200);
  const workflowScheme = await admin.post<{ id: number }>('/rest/api/3/workflowscheme', {
    name: 'Security exceptions',
    defaultWorkflow: 'Security Exception Workflow',
  });
  await admin.put('/rest/api/3/workflowscheme/project', {
    projectId: sec?.id,
    workflowSchemeId: String(workflowScheme.body.id),
  });

  const status = Object.fromEntries(
    created.body.statuses.map((entry) => [entry.name, entry.id]),
  ) as Setup['status'];
  const approve = created.body.workflows[0]?.transitions.find((transition) => transition.name === 'Approve');
  return { sim, calls, riskRatingId, status, postFunctionRuleId: approve?.actions[0]?.id ?? '' };
};

describe('workflows with Forge validators, conditions and post functions', () => {
  let setup: Setup;
  let sim: JiraSimulator;

  beforeEach(async () => {
    setup = await setUp();
    sim = setup.sim;
    const created = await clientAs(sim, 'ana').post<{ key: string }>('/rest/api/3/issue', {
      fields: {
        project: { key: 'SEC' },
        issuetype: { name: 'Exception' },
        summary: 'MFA bypass for legacy CRM',
      },
    });
    expect(created.body.key).toBe('SEC-1');
    sim.state.addUser({ accountId: 'dee', displayName: 'Dee', groups: ['security'] });
    await clientAs(sim, 'dee').post('/rest/api/3/issue/SEC-1/transitions', { transition: { id: '11' } });
    await sim.idle();
  });

  afterEach(async () => {
    sim.assertNoContractViolations();
    expect(sim.hookFailures).toEqual([]);
    await sim.close();
  });

  it('reports the installed app rules with their rule keys in /workflows/capabilities', async () => {
    const workflow = sim.state.workflowByName('Security Exception Workflow');
    const response = await appClient(sim).get<{ forgeRules: unknown[] }>(
      `/rest/api/3/workflows/capabilities?workflowId=${workflow?.id ?? ''}`,
    );

    expect(response.body.forgeRules).toEqual([
      {
        id: `ari:cloud:ecosystem::extension/${APP_ID}/${ENVIRONMENT_ID}/static/approve-validator`,
        name: 'Policy check',
        description: '',
        ruleKey: 'forge:expression-validator',
        ruleType: 'Validator',
      },
      {
        id: `ari:cloud:ecosystem::extension/${APP_ID}/${ENVIRONMENT_ID}/static/not-the-requester`,
        name: 'not-the-requester',
        description: '',
        ruleKey: 'forge:expression-condition',
        ruleType: 'Condition',
      },
      {
        id: `ari:cloud:ecosystem::extension/${APP_ID}/${ENVIRONMENT_ID}/static/record-transition`,
        name: 'record-transition',
        description: '',
        ruleKey: 'forge:workflow-post-function',
        ruleType: 'Function',
      },
    ]);
  });

  it('emits avi:jira:created:issue on create and avi:jira:updated:issue on a transition', () => {
    expect(
      setup.calls.events.map(({ name, event }) => [
        name,
        (event.issue as { key: string }).key,
        event.atlassianId,
      ]),
    ).toEqual([
      ['avi:jira:created:issue', 'SEC-1', 'ana'],
      ['avi:jira:updated:issue', 'SEC-1', 'dee'],
    ]);
    expect(setup.calls.events[1]?.event.changelog).toEqual({
      id: expect.any(String) as unknown,
      items: [
        {
          field: 'status',
          fieldtype: 'jira',
          fieldId: 'status',
          from: setup.status.Submitted,
          fromString: 'Submitted',
          to: setup.status['Risk Review'],
          toString: 'Risk Review',
        },
      ],
    });
  });

  it('returns the app validator refusal as 400 with its message and leaves the issue unchanged', async () => {
    const response = await clientAs(sim, 'dee').post<ErrorCollection>('/rest/api/3/issue/SEC-1/transitions', {
      transition: { id: '21' },
    });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errorMessages: ['Risk Rating must be set before approval.'],
      errors: {},
    });
    const issue = sim.state.issue('SEC-1');
    expect(issue?.statusId).toBe(setup.status['Risk Review']);
    expect(issue?.changelog).toHaveLength(1);
    await sim.idle();
    expect(setup.calls.postFunctions).toEqual([]);
  });

  it('sends the validator the documented payload and the acting user as principal', async () => {
    await clientAs(sim, 'dee').post('/rest/api/3/issue/SEC-1/transitions', {
      transition: { id: '21' },
      fields: { [setup.riskRatingId]: { value: 'High' } },
    });

    expect(setup.calls.validations).toHaveLength(1);
    const [{ payload, context } = { payload: undefined, context: undefined }] = setup.calls.validations;
    expect(payload).toEqual({
      issue: { key: 'SEC-1' },
      configuration: { rule: 'approve' },
      transition: {
        from: { id: setup.status['Risk Review'] },
        to: { id: setup.status.Approved },
        modifiedFields: {
          [setup.riskRatingId]: {
            self: expect.stringMatching(/\/rest\/api\/3\/customFieldOption\/\d+$/) as unknown,
            value: 'High',
            id: expect.any(String) as unknown,
          },
        },
      },
    });
    expect(context).toEqual({
      principal: { accountId: 'dee' },
      installContext: 'ari:cloud:jira::site/sim-cloud-0000',
      cloudId: 'sim-cloud-0000',
      environmentId: ENVIRONMENT_ID,
      moduleKey: 'approve-validator',
    });
  });

  it('hands the validator the transition comment as a Get-issue page and adds it only when the transition passes', async () => {
    const reason = adf('Approved with IP allow-listing.');
    const page = {
      comments: [{ author: { accountId: 'dee' }, body: reason }],
      maxResults: 1,
      total: 1,
      startAt: 0,
    };
    const refused = await clientAs(sim, 'dee').post('/rest/api/3/issue/SEC-1/transitions', {
      transition: { id: '21' },
      update: { comment: [{ add: { body: reason } }] },
    });
    expect(refused.status).toBe(400);
    expect(setup.calls.validations.map(({ payload }) => payload.transition.modifiedFields)).toEqual([
      { comment: page },
    ]);
    expect(sim.state.issue('SEC-1')?.comments).toEqual([]);

    const accepted = await clientAs(sim, 'dee').post('/rest/api/3/issue/SEC-1/transitions', {
      transition: { id: '21' },
      fields: { [setup.riskRatingId]: { value: 'High' } },
      update: { comment: [{ add: { body: reason } }] },
    });
    expect(accepted.status).toBe(204);
    expect(setup.calls.validations[1]?.payload.transition.modifiedFields?.comment).toEqual(page);
    expect(
      sim.state.issue('SEC-1')?.comments.map(({ authorAccountId, body }) => [authorAccountId, body]),
    ).toEqual([['dee', reason]]);
  });

  it('applies an accepted transition, then runs the post function with the documented payload', async () => {
    const response = await clientAs(sim, 'dee').post('/rest/api/3/issue/SEC-1/transitions', {
      transition: { id: '21' },
      fields: { [setup.riskRatingId]: { value: 'High' } },
      update: { comment: [{ add: { body: adf('Approved with IP allow-listing.') } }] },
    });
    expect(response.status).toBe(204);
    await sim.idle();

    const issue = sim.state.issue('SEC-1');
    expect(issue?.statusId).toBe(setup.status.Approved);
    expect(setup.calls.postFunctions).toHaveLength(1);
    const [{ event, context } = { event: undefined, context: undefined }] = setup.calls.postFunctions;
    const statusItem = {
      field: 'status',
      fieldtype: 'jira',
      fieldId: 'status',
      from: setup.status['Risk Review'],
      fromString: 'Risk Review',
      to: setup.status.Approved,
      toString: 'Approved',
    };
    const optionId = issue?.fields.get(setup.riskRatingId);
    expect(event).toEqual({
      issue: {
        id: issue?.id,
        key: 'SEC-1',
        fields: expect.objectContaining({ summary: 'MFA bypass for legacy CRM' }) as unknown,
      },
      transition: {
        id: '21',
        name: 'Approve',
        from: { id: setup.status['Risk Review'], name: 'Risk Review' },
        to: { id: setup.status.Approved, name: 'Approved' },
        executionId: expect.any(String) as unknown,
      },
      workflow: { id: issue?.workflowId, name: 'Security Exception Workflow' },
      atlassianId: 'dee',
      changelog: {
        id: issue?.changelog[1]?.id,
        items: [
          statusItem,
          {
            field: 'Risk Rating',
            fieldtype: 'custom',
            fieldId: setup.riskRatingId,
            from: null,
            fromString: null,
            to: optionId,
            toString: 'High',
          },
        ],
      },
      comment: { id: issue?.comments[0]?.id },
      configuration: { record: 'approved' },
      postFunction: { id: setup.postFunctionRuleId },
    });
    expect(context?.principal).toEqual({ accountId: 'dee' });
  });

  it('hides Approve from the requester through the expression condition', async () => {
    const transitions = await clientAs(sim, 'ana').get<{ transitions: { name: string }[] }>(
      '/rest/api/3/issue/SEC-1/transitions',
    );
    const attempt = await clientAs(sim, 'ana').post<ErrorCollection>('/rest/api/3/issue/SEC-1/transitions', {
      transition: { id: '21' },
      fields: { [setup.riskRatingId]: { value: 'High' } },
    });
    const forDee = await clientAs(sim, 'dee').get<{ transitions: { name: string }[] }>(
      '/rest/api/3/issue/SEC-1/transitions',
    );

    expect(transitions.body.transitions.map((transition) => transition.name)).toEqual(['Reject']);
    expect(attempt.status).toBe(400);
    expect(attempt.body.errorMessages).toEqual(["Transition id '21' is not valid for this issue."]);
    expect(forDee.body.transitions.map((transition) => transition.name)).toEqual(['Approve', 'Reject']);
    expect(setup.calls.validations).toEqual([]);
  });

  it('refuses a workflow whose Forge rule no installed app provides', async () => {
    const response = await appClient(sim).post<ErrorCollection>('/rest/api/3/workflows/create', {
      scope: { type: 'GLOBAL' },
      statuses: [{ statusReference: 'a', name: 'Open', statusCategory: 'TODO' }],
      workflows: [
        {
          name: 'Broken',
          statuses: [{ statusReference: 'a', properties: {} }],
          transitions: [
            {
              name: 'Create',
              type: 'INITIAL',
              toStatusReference: 'a',
              links: [],
              actions: [
                {
                  ruleKey: FORGE_RULE_KEYS.postFunction,
                  parameters: { key: 'ari:cloud:ecosystem::extension/x/y/static/z' },
                },
              ],
            },
          ],
        },
      ],
    });

    expect(response.status).toBe(400);
    expect(response.body.errorMessages).toEqual([
      "The Forge rule 'ari:cloud:ecosystem::extension/x/y/static/z' (forge:workflow-post-function) is not provided by any installed app.",
    ]);
    expect(sim.state.status('Open')).toBeUndefined();
  });
});
