/**
 * The simulator's platform habits (simulator/README.md "Platform habits"): each documented or reported variant of
 * the Forge payloads can be produced, and the harsh habits are on by default.
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import {
  FORGE_RULE_KEYS,
  InvocationTimeoutError,
  type ForgeInvocationContext,
  type JiraSimulator,
  type PlatformHabitOptions,
  type PostFunctionEvent,
  type ValidatorPayload,
} from '../../simulator';
import { adf, appClient, clientAs, type ErrorCollection, startSeededSimulator } from './simulator-fixture';

const APP_ID = 'habits-app';
const ENVIRONMENT_ID = 'env-test';
const NO_DUPLICATES = { probability: 0, delayMs: 0, seed: 1 };

interface Harness {
  sim: JiraSimulator;
  validations: { payload: ValidatorPayload; context: ForgeInvocationContext }[];
  postFunctions: PostFunctionEvent[];
  events: Readonly<Record<string, unknown>>[];
  /** What the next validator and post-function calls do. */
  behaviour: {
    validate: () => Promise<{ result: boolean; errorMessage?: string }>;
    postFunction: (event: PostFunctionEvent) => Promise<unknown>;
  };
  reasonFieldId: string;
  status: Record<'Open' | 'Review' | 'Done', string>;
}

/** Workflow Open → (Review, no screen, validator + post function) → Review → (Close, screen with Reason) → Done. */
const startHarness = async (habits: PlatformHabitOptions = {}): Promise<Harness> => {
  const sim = await startSeededSimulator({ habits: { duplicateDelivery: NO_DUPLICATES, ...habits } });
  const harness: Harness = {
    sim,
    validations: [],
    postFunctions: [],
    events: [],
    behaviour: {
      validate: () => Promise.resolve({ result: true }),
      postFunction: () => Promise.resolve(undefined),
    },
    reasonFieldId: '',
    status: { Open: '', Review: '', Done: '' },
  };
  const app = sim.installApp({
    appId: APP_ID,
    environmentId: ENVIRONMENT_ID,
    modules: [
      { key: 'check', type: 'validator' },
      { key: 'record', type: 'postFunction', timeoutSeconds: 2 },
      { key: 'on-create', type: 'trigger', events: ['avi:jira:created:issue'] },
    ],
    validate: (payload, context) => {
      harness.validations.push({ payload, context });
      return harness.behaviour.validate();
    },
    postFunction: (event) => {
      harness.postFunctions.push(event);
      return harness.behaviour.postFunction(event);
    },
    onEvent: (_name, event) => {
      harness.events.push(event);
      return Promise.resolve(undefined);
    },
  });
  const reason = sim.state.addCustomField({ name: 'Decision reason', type: 'textarea' });
  const note = sim.state.addCustomField({ name: 'Note', type: 'textfield' });
  harness.reasonFieldId = reason.id;
  sim.state.screens.set(900, {
    id: 900,
    name: 'Close screen',
    description: '',
    tabs: [{ id: 901, name: 'Field Tab', fieldIds: [reason.id] }],
  });
  const forgeRule = (ruleKey: string, moduleKey: string, id: string) => ({
    id,
    ruleKey,
    parameters: {
      key: app.ari(moduleKey),
      config: JSON.stringify({ rule: moduleKey }),
      disabled: 'false',
      tag: '',
      id,
    },
  });
  const admin = appClient(sim);
  const created = await admin.post<{ statuses: { id: string; name: string }[] }>(
    '/rest/api/3/workflows/create',
    {
      scope: { type: 'GLOBAL' },
      statuses: [
        { statusReference: 's-open', name: 'Open', statusCategory: 'TODO' },
        { statusReference: 's-review', name: 'Review', statusCategory: 'IN_PROGRESS' },
        { statusReference: 's-done', name: 'Done', statusCategory: 'DONE' },
      ],
      workflows: [
        {
          name: 'Habits workflow',
          statuses: ['s-open', 's-review', 's-done'].map((statusReference) => ({
            statusReference,
            properties: {},
          })),
          transitions: [
            {
              id: '1',
              name: 'Create',
              type: 'INITIAL',
              toStatusReference: 's-open',
              links: [],
              actions: [forgeRule(FORGE_RULE_KEYS.postFunction, 'record', 'rule-create')],
            },
            {
              id: '11',
              name: 'Review',
              type: 'DIRECTED',
              toStatusReference: 's-review',
              links: [{ fromStatusReference: 's-open' }],
              validators: [forgeRule(FORGE_RULE_KEYS.validator, 'check', 'rule-check')],
              actions: [forgeRule(FORGE_RULE_KEYS.postFunction, 'record', 'rule-record')],
            },
            {
              id: '21',
              name: 'Close',
              type: 'DIRECTED',
              toStatusReference: 's-done',
              links: [{ fromStatusReference: 's-review' }],
              validators: [forgeRule(FORGE_RULE_KEYS.validator, 'check', 'rule-check-close')],
              transitionScreen: { ruleKey: 'system:transition-screen', parameters: { screenId: '900' } },
            },
          ],
        },
      ],
    },
  );
  if (created.status !== 200) throw new Error(JSON.stringify(created.body));
  harness.status = Object.fromEntries(
    created.body.statuses.map((entry) => [entry.name, entry.id]),
  ) as Harness['status'];
  const scheme = await admin.post<{ id: number }>('/rest/api/3/workflowscheme', {
    name: 'Habits',
    defaultWorkflow: 'Habits workflow',
  });
  await admin.put('/rest/api/3/workflowscheme/project', {
    projectId: sim.state.project('SEC')?.id,
    workflowSchemeId: String(scheme.body.id),
  });
  expect(note.id).toMatch(/^customfield_/);
  const issue = await clientAs(sim, 'ana').post<{ key: string }>('/rest/api/3/issue', {
    fields: { project: { key: 'SEC' }, issuetype: { name: 'Task' }, summary: 'Habits' },
  });
  expect(issue.body.key).toBe('SEC-1');
  await sim.idle();
  harness.postFunctions.length = 0;
  harness.events.length = 0;
  return harness;
};

const transition = (h: Harness, id: string, body: Record<string, unknown> = {}) =>
  clientAs(h.sim, 'ana').post<ErrorCollection>('/rest/api/3/issue/SEC-1/transitions', {
    transition: { id },
    ...body,
  });

describe('platform habits', () => {
  let h: Harness;
  afterEach(async () => {
    if ((h as Harness | undefined) === undefined) return;
    h.sim.assertNoContractViolations();
    await h.sim.close();
  });

  describe('post-function event transition shapes (A1)', () => {
    it("sends from/to objects by default, with an executionId and no `from` on the create transition's event", async () => {
      h = await startHarness();
      const created = await clientAs(h.sim, 'ana').post('/rest/api/3/issue', {
        fields: { project: { key: 'SEC' }, issuetype: { name: 'Task' }, summary: 'Second' },
      });
      expect(created.status).toBe(201);
      await h.sim.idle();
      const onCreate = h.postFunctions[0]?.transition;
      expect(onCreate).toEqual({
        id: '1',
        name: 'Create',
        to: { id: h.status.Open, name: 'Open' },
        executionId: expect.any(String) as unknown,
      });
      expect(await transition(h, '11')).toMatchObject({ status: 204 });
      await h.sim.idle();
      expect(h.postFunctions[1]?.transition).toEqual({
        id: '11',
        name: 'Review',
        from: { id: h.status.Open, name: 'Open' },
        to: { id: h.status.Review, name: 'Review' },
        executionId: expect.any(String) as unknown,
      });
      expect(h.postFunctions[1]?.configuration).toEqual({ rule: 'record' });
      expect(h.sim.hookFailures).toEqual([]);
    });

    it('sends the flat from_status/to_status/transitionName shape, without executionId for REST transitions', async () => {
      h = await startHarness({ postFunctionTransitionShape: 'flat', restExecutionId: 'absent' });
      expect(await transition(h, '11')).toMatchObject({ status: 204 });
      await h.sim.idle();
      expect(h.postFunctions[0]?.transition).toEqual({
        id: '11',
        transitionName: 'Review',
        from_status: 'Open',
        to_status: 'Review',
      });
    });

    it('delivers configuration as JSON text when asked (A4), to validators and post functions', async () => {
      h = await startHarness({ configurationAs: 'string' });
      expect(await transition(h, '11')).toMatchObject({ status: 204 });
      await h.sim.idle();
      expect(h.validations[0]?.payload.configuration).toBe('{"rule":"check"}');
      expect(h.postFunctions[0]?.configuration).toBe('{"rule":"record"}');
    });
  });

  describe('validator context and modifiedFields (A2, A3)', () => {
    it('sends principal and nests modifiedFields in transition by default; omits principal and puts them top level when asked', async () => {
      h = await startHarness();
      await transition(h, '11');
      await transition(h, '21', { fields: { [h.reasonFieldId]: adf('Fixed') } });
      expect(h.validations[1]?.context.principal).toEqual({ accountId: 'ana' });
      expect(h.validations[1]?.payload.transition.modifiedFields).toEqual({
        [h.reasonFieldId]: adf('Fixed'),
      });
      expect(h.validations[1]?.payload.modifiedFields).toBeUndefined();
      await h.sim.close();

      h = await startHarness({ validatorPrincipal: 'absent', modifiedFieldsPlacement: 'topLevel' });
      await transition(h, '11');
      await transition(h, '21', { fields: { [h.reasonFieldId]: adf('Fixed') } });
      expect(h.validations[1]?.context.principal).toBeUndefined();
      expect(h.validations[1]?.payload.modifiedFields).toEqual({ [h.reasonFieldId]: adf('Fixed') });
      expect(h.validations[1]?.payload.transition).toEqual({
        from: { id: h.status.Review },
        to: { id: h.status.Done },
      });
    });

    it('keeps a REST update.comment from validators by default, and adds it once the transition passes', async () => {
      h = await startHarness();
      await transition(h, '11');
      const response = await transition(h, '21', {
        update: { comment: [{ add: { body: adf('Because.') } }] },
      });
      expect(response.status).toBe(204);
      expect(h.validations[1]?.payload.transition.modifiedFields).toEqual({});
      expect(h.sim.state.issue('SEC-1')?.comments.map((comment) => comment.body)).toEqual([adf('Because.')]);
    });

    it.each([
      ['adf', adf('Risk accepted.')],
      ['string', 'Risk accepted.'],
      [
        'page',
        {
          comments: [{ author: { accountId: 'ana' }, body: adf('Risk accepted.') }],
          maxResults: 1,
          total: 1,
          startAt: 0,
        },
      ],
    ] as const)(
      "delivers the screen's comment box as %s in modifiedFields.comment",
      async (format, expected) => {
        h = await startHarness({ screenCommentFormat: format });
        await transition(h, '11');
        await h.sim.transitionOnScreen('SEC-1', '21', 'ana', { comment: 'Risk accepted.' });
        expect(h.validations[1]?.payload.transition.modifiedFields).toEqual({ comment: expected });
        expect(h.sim.state.issue('SEC-1')?.statusId).toBe(h.status.Done);
      },
    );
  });

  describe('screens, races and comment pages (A8)', () => {
    it('refuses a field that is not on the transition screen, and any field on a transition without one', async () => {
      h = await startHarness();
      const noteId = h.sim.state.field('Note')?.id ?? '';
      const offScreen = await transition(h, '11', { fields: { [h.reasonFieldId]: adf('x') } });
      expect(offScreen.status).toBe(400);
      expect(offScreen.body.errors).toEqual({
        [h.reasonFieldId]: `Field '${h.reasonFieldId}' cannot be set. It is not on the appropriate screen, or unknown.`,
      });
      expect(h.validations).toEqual([]);
      await transition(h, '11');
      const wrongField = await transition(h, '21', { fields: { [noteId]: 'x' } });
      expect(wrongField.status).toBe(400);
      expect(Object.keys(wrongField.body.errors)).toEqual([noteId]);
      expect(h.sim.state.issue('SEC-1')?.statusId).toBe(h.status.Review);
    });

    it('lets fields off the screen through when screens are not enforced', async () => {
      h = await startHarness({ enforceScreens: false });
      expect(await transition(h, '11', { fields: { [h.reasonFieldId]: adf('x') } })).toMatchObject({
        status: 204,
      });
    });

    it('applies only the first of two transitions racing from the same status (409 for the second)', async () => {
      h = await startHarness();
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let calls = 0;
      h.behaviour.validate = async () => {
        calls += 1;
        if (calls === 1) await gate;
        return { result: true };
      };
      const slow = transition(h, '11');
      await new Promise((resolve) => setTimeout(resolve, 50));
      const fast = await transition(h, '11');
      release();
      const second = await slow;
      expect(fast.status).toBe(204);
      expect(second.status).toBe(409);
      expect(second.body.errorMessages[0]).toMatch(
        /^It seems that you have tried to perform a workflow operation \(Review\)/,
      );
      expect(
        h.sim.state
          .issue('SEC-1')
          ?.changelog.flatMap((history) => history.items.map((item) => item.toString)),
      ).toEqual(['Review']);
    });

    it('answers GET /comment with the documented default page of 100', async () => {
      h = await startHarness();
      const issue = h.sim.state.issue('SEC-1');
      for (let index = 0; index < 101; index += 1)
        issue?.comments.push({
          id: String(20_000 + index),
          authorAccountId: 'ana',
          body: adf(`c${String(index)}`),
          created: `2026-01-01T00:00:${String(index % 60).padStart(2, '0')}.000+0000`,
          updated: '2026-01-01T00:00:00.000+0000',
          visibility: undefined,
        });
      const page = await clientAs(h.sim, 'ana').get<{
        maxResults: number;
        total: number;
        comments: unknown[];
      }>('/rest/api/3/issue/SEC-1/comment');
      expect([page.body.maxResults, page.body.total, page.body.comments.length]).toEqual([100, 101, 100]);
    });
  });

  describe('delivery: at least once, retries, time limits (A7, A8)', () => {
    it('delivers some post functions twice, a delay apart, with the same executionId (seeded)', async () => {
      h = await startHarness({ duplicateDelivery: { probability: 1, delayMs: 30, seed: 3 } });
      const started = Date.now();
      await transition(h, '11');
      await h.sim.idle();
      expect(h.postFunctions).toHaveLength(2);
      const [first, second] = h.postFunctions.map((event) => event.transition);
      expect(second).toEqual(first);
      expect(Date.now() - started).toBeGreaterThanOrEqual(30);
    });

    it('delivers about one in five events twice by default', async () => {
      h = await startHarness({ duplicateDelivery: { probability: 0.2, delayMs: 1, seed: 42 } });
      for (let index = 0; index < 40; index += 1)
        await clientAs(h.sim, 'ana').post('/rest/api/3/issue', {
          fields: { project: { key: 'SEC' }, issuetype: { name: 'Task' }, summary: `n${String(index)}` },
        });
      await h.sim.idle();
      const twice = h.events.length - 40;
      expect(twice).toBeGreaterThan(2);
      expect(twice).toBeLessThan(16);
    });

    it('invokes again with a retryContext when the handler returns an InvocationError, at most four times', async () => {
      h = await startHarness({ msPerRetryAfterSecond: 1 });
      h.behaviour.postFunction = () =>
        Promise.resolve(
          new InvocationError({
            retryAfter: 5,
            retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
            retryData: { step: 1 },
          }),
        );
      await transition(h, '11');
      await h.sim.idle();
      expect(h.postFunctions.map((event) => event.retryContext?.retryCount ?? 0)).toEqual([0, 1, 2, 3, 4]);
      expect(h.postFunctions[1]?.retryContext).toEqual({
        retryCount: 1,
        retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
        retryData: { step: 1 },
      });
      expect(h.sim.hookFailures.map((failure) => failure.error)).toEqual([
        'postFunction record on SEC-1 asked for a retry after 4 retries; the platform stops at 4',
      ]);
    });

    it("kills a post function at its module's timeoutSeconds", async () => {
      h = await startHarness({ msPerTimeoutSecond: 10 });
      h.behaviour.postFunction = () => new Promise((resolve) => setTimeout(resolve, 200));
      await transition(h, '11');
      await h.sim.idle();
      expect(h.sim.hookFailures.map((failure) => failure.error)).toEqual([
        'postFunction record on SEC-1 was killed after 20 ms (its time limit)',
      ]);
    });

    it('kills a validator at the synchronous limit and refuses the transition', async () => {
      h = await startHarness({ syncTimeLimitMs: 30 });
      h.behaviour.validate = () =>
        new Promise((resolve) => {
          setTimeout(() => {
            resolve({ result: true });
          }, 200);
        });
      const response = await transition(h, '11');
      expect(response.status).toBe(400);
      expect(response.body.errorMessages).toEqual([
        'The validator check failed: validator check on SEC-1 was killed after 30 ms (its time limit)',
      ]);
      expect(h.sim.state.issue('SEC-1')?.statusId).toBe(h.status.Open);
      await new Promise((resolve) => setTimeout(resolve, 200));
    });

    it('kills a resolver at the synchronous limit', async () => {
      h = await startHarness({ syncTimeLimitMs: 20 });
      await expect(h.sim.invokeResolver('resolver', () => Promise.resolve(7))).resolves.toBe(7);
      await expect(
        h.sim.invokeResolver('resolver getPolicy', () => new Promise((resolve) => setTimeout(resolve, 100))),
      ).rejects.toBeInstanceOf(InvocationTimeoutError);
      await new Promise((resolve) => setTimeout(resolve, 100));
    });

    it('uses Forge limits by default: 25 s synchronous, 55 s async', () => {
      h = { sim: undefined } as unknown as Harness;
      return startHarness().then((started) => {
        h = started;
        expect([h.sim.habits.syncTimeLimitMs, h.sim.habits.msPerTimeoutSecond]).toEqual([25_000, 1000]);
      });
    });
  });
});

describe('POST /rest/api/3/workflows/create/validation (A5)', () => {
  let sim: JiraSimulator;
  afterEach(async () => {
    sim.assertNoContractViolations();
    await sim.close();
  });

  const payload = (ari: string, options: { ruleParametersId: boolean; ids: boolean }) => ({
    scope: { type: 'GLOBAL' },
    statuses: [
      { statusReference: 's-a', name: 'Alpha', statusCategory: 'TODO' },
      { statusReference: 's-b', name: 'Beta', statusCategory: 'DONE' },
    ],
    workflows: [
      {
        name: 'Validated workflow',
        statuses: ['s-a', 's-b'].map((statusReference) => ({ statusReference, properties: {} })),
        transitions: [
          {
            ...(options.ids ? { id: '1' } : {}),
            name: 'Create',
            type: 'INITIAL',
            toStatusReference: 's-a',
            links: [],
          },
          {
            ...(options.ids ? { id: '11' } : {}),
            name: 'Finish',
            type: 'DIRECTED',
            toStatusReference: 's-b',
            links: [{ fromStatusReference: 's-a' }],
            validators: [
              {
                ...(options.ids ? { id: 'rule-1' } : {}),
                ruleKey: FORGE_RULE_KEYS.validator,
                parameters: {
                  key: ari,
                  config: '{}',
                  disabled: 'false',
                  tag: '',
                  ...(options.ruleParametersId ? { id: 'rule-1' } : {}),
                },
              },
            ],
          },
        ],
      },
    ],
  });

  const start = async (habits: PlatformHabitOptions = {}) => {
    sim = await startSeededSimulator({ habits });
    return sim.installApp({
      appId: APP_ID,
      environmentId: ENVIRONMENT_ID,
      modules: [{ key: 'check', type: 'validator' }],
      validate: () => Promise.resolve({ result: true }),
    });
  };

  it('reports nothing for a complete request and creates nothing', async () => {
    const app = await start();
    const statusesBefore = sim.state.statuses.size;
    const response = await appClient(sim).post('/rest/api/3/workflows/create/validation', {
      payload: payload(app.ari('check'), { ruleParametersId: true, ids: true }),
    });
    expect([response.status, response.body]).toEqual([200, { errors: [] }]);
    expect(sim.state.statuses.size).toBe(statusesBefore);
    expect(sim.state.workflowByName('Validated workflow')).toBeUndefined();
  });

  it('lists transitions and rules without ids, and an unknown Forge rule, at the requested levels', async () => {
    const app = await start();
    const response = await appClient(sim).post<{ errors: unknown[] }>(
      '/rest/api/3/workflows/create/validation',
      {
        payload: payload(app.ari('nope'), { ruleParametersId: true, ids: false }),
      },
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([
      {
        code: 'MISSING_TRANSITION_ID',
        level: 'WARNING',
        type: 'TRANSITION',
        message: "Workflow 'Validated workflow': transition 'Create' has no id.",
      },
      {
        code: 'MISSING_TRANSITION_ID',
        level: 'WARNING',
        type: 'TRANSITION',
        message: "Workflow 'Validated workflow': transition 'Finish' has no id.",
      },

      {
        code: 'INVALID_RULE',
        level: 'ERROR',
        type: 'RULE',
        message: `The Forge rule '${app.ari('nope')}' (forge:expression-validator) is not provided by any installed app.`,
        elementReference: {},
      },
      {
        code: 'MISSING_RULE_ID',
        level: 'WARNING',
        type: 'RULE',
        message: 'A rule (forge:expression-validator) has no id.',
        elementReference: {},
      },
    ]);
    const errorsOnly = await appClient(sim).post<{ errors: { level: string }[] }>(
      '/rest/api/3/workflows/create/validation',
      {
        payload: payload(app.ari('nope'), { ruleParametersId: true, ids: false }),
        validationOptions: { levels: ['ERROR'] },
      },
    );
    expect(errorsOnly.body.errors.map((error) => error.level)).toEqual(['ERROR']);
  });

  it('answers 500 when a Forge rule lacks parameters.id (reported), or lists it when told to', async () => {
    let app = await start();
    const failed = await appClient(sim).post('/rest/api/3/workflows/create/validation', {
      payload: payload(app.ari('check'), { ruleParametersId: false, ids: true }),
    });
    expect(failed.status).toBe(500);
    sim.clearContractViolations();
    await sim.close();

    app = await start({ validationServerErrorOnMissingForgeRuleId: false });
    const listed = await appClient(sim).post<{ errors: { code: string }[] }>(
      '/rest/api/3/workflows/create/validation',
      { payload: payload(app.ari('check'), { ruleParametersId: false, ids: true }) },
    );
    expect(listed.body.errors.map((error) => error.code)).toEqual(['MISSING_FORGE_RULE_ID']);
  });
});
