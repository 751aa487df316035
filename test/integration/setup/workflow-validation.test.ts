/**
 * Workflow creation asks Jira first (issue 6 A5): setup sends the create request to
 * POST /rest/api/3/workflows/create/validation, creates nothing when Jira finds errors and says what each one is,
 * and creates the workflow exactly as validated otherwise: transitions numbered as the SPEC example, every rule
 * with a UUID of its own (`id`, and `parameters.id` for Forge rules, FORGE_NOTES §3 and §16).
 */
import { boundMessage } from '../../../src/domain/message-bounds';
import type { JiraFetcher } from '../../../src/adapters/jira/jira-fetcher';
import { provisionProject } from '../../../src/application/setup/provision-project';
import { WorkflowRefusedError } from '../../../src/application/setup/setup-errors';
import { FRESH_SITE_CREATED } from './expected-reports';
import { APP_ID, ENVIRONMENT_ID, startSetupSite, type SetupSite } from './setup-site';

jest.setTimeout(30_000);

const VALIDATION = '/rest/api/3/workflows/create/validation';
const CREATE = '/rest/api/3/workflows/create';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface SentRule {
  id?: string;
  ruleKey: string;
  parameters: Record<string, string>;
}
interface SentTransition {
  id: string;
  name: string;
  validators: SentRule[];
  actions: SentRule[];
  conditions?: { conditions: SentRule[] };
  transitionScreen?: SentRule;
}
interface SentCreate {
  workflows: { transitions: SentTransition[] }[];
}

let site: SetupSite | undefined;

afterEach(async () => {
  if (site === undefined) return;
  try {
    site.sim.assertNoContractViolations();
  } finally {
    await site.sim.close();
    site = undefined;
  }
});

/** Records the bodies of the validation and create requests; `beforeValidation` runs as validation is asked. */
const recording =
  (sent: Map<string, unknown[]>, beforeValidation: () => void = () => undefined) =>
  (fetcher: JiraFetcher): JiraFetcher => ({
    requestJira: (route, init) => {
      if (init?.method === 'POST' && (route.value === VALIDATION || route.value === CREATE)) {
        if (route.value === VALIDATION) beforeValidation();
        sent.set(route.value, [...(sent.get(route.value) ?? []), JSON.parse(String(init.body)) as unknown]);
      }
      return fetcher.requestJira(route, init);
    },
  });

test('the workflow is validated, then created exactly as validated, with ids for its transitions and rules', async () => {
  const sent = new Map<string, unknown[]>();
  site = await startSetupSite({ wrapFetcher: recording(sent) });

  const report = await provisionProject(site.deps, { projectKey: 'SEC' });

  expect(report.created).toEqual(FRESH_SITE_CREATED);
  const [validation] = (sent.get(VALIDATION) ?? []) as { payload: SentCreate; validationOptions: unknown }[];
  const [create] = (sent.get(CREATE) ?? []) as SentCreate[];
  expect(sent.get(VALIDATION)).toHaveLength(1);
  expect(sent.get(CREATE)).toHaveLength(1);
  expect(validation?.payload).toEqual(create);
  expect(validation?.validationOptions).toEqual({ levels: ['ERROR', 'WARNING'] });

  const transitions = create?.workflows[0]?.transitions ?? [];
  expect(transitions.map((transition) => transition.id)).toEqual([
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
  const rules = transitions.flatMap((transition) => [
    ...transition.validators,
    ...transition.actions,
    ...(transition.conditions?.conditions ?? []),
    ...(transition.transitionScreen === undefined ? [] : [transition.transitionScreen]),
  ]);
  const ids = rules.map((rule) => rule.id ?? '');
  expect(ids.filter((id) => !UUID.test(id))).toEqual([]);
  expect(new Set(ids).size).toBe(rules.length);
  const forge = rules.filter((rule) => rule.ruleKey.startsWith('forge:'));
  expect(forge.filter((rule) => rule.parameters.id !== rule.id)).toEqual([]);

  // Jira keeps the ids it was given: the workflow read back has them.
  const stored = site.sim.state.workflowByName('Security Exception Workflow');
  expect(stored?.transitions.map((transition) => transition.id)).toEqual(
    transitions.map((transition) => transition.id),
  );
  expect(stored?.transitions.flatMap((transition) => transition.validators.map((rule) => rule.id))).toEqual(
    transitions.flatMap((transition) => transition.validators.map((rule) => rule.id)),
  );
});

/** The rule id a problem names: setup mints a UUID per rule, so the test reads it back. */
const ruleIdOf = (problem: string | undefined): string =>
  /\(rule ([0-9a-f-]{36})\)/.exec(problem ?? '')?.[1] ?? '(no rule id)';

test('errors from validation stop setup before the workflow is created, one problem each, bounded', async () => {
  const sent = new Map<string, unknown[]>();
  const late: { sim?: SetupSite['sim'] } = {};
  // Between the site check and the workflow, the app loses its modules: Jira would refuse every Forge rule.
  site = await startSetupSite({
    wrapFetcher: recording(sent, () =>
      late.sim?.installApp({ appId: APP_ID, environmentId: ENVIRONMENT_ID, modules: [] }),
    ),
  });
  late.sim = site.sim;

  const error: unknown = await provisionProject(site.deps, { projectKey: 'SEC' }).then(
    () => undefined,
    (rejection: unknown) => rejection,
  );

  if (!(error instanceof WorkflowRefusedError))
    throw new Error(`expected WorkflowRefusedError, got ${String(error)}`);
  expect(error.code).toBe('blocked');
  // 9 policy validators, 2 requester validators, 9 post functions and 2 conditions: 22 errors, 20 shown.
  expect(error.problems).toHaveLength(21);
  // Each problem names the workflow and the rule Jira points at, and is cut at 300 characters.
  expect(error.problems[0]).toBe(
    boundMessage(
      `Workflow "Security Exception Workflow" (rule ${ruleIdOf(error.problems[0])}): The Forge rule 'ari:cloud:ecosystem::extension/${APP_ID}/${ENVIRONMENT_ID}/static/exception-policy-validator' (forge:expression-validator) is not provided by any installed app. [INVALID_WORKFLOW]`,
      300,
    ),
  );
  expect(error.problems.at(-1)).toBe('… and 2 more.');
  expect(error.message).toBe(
    'Jira refused the workflow setup would create, so no workflow was created (21 problems, listed). What setup created before it is kept; run setup again once this is resolved.',
  );
  // What came before the workflow is kept and reported; no workflow, no scheme, no site configuration.
  expect(error.report.created).toEqual(
    FRESH_SITE_CREATED.slice(
      0,
      FRESH_SITE_CREATED.findIndex((entry) => entry.startsWith('workflow ')),
    ),
  );
  expect(sent.get(CREATE)).toBeUndefined();
  expect(site.sim.state.workflowByName('Security Exception Workflow')).toBeUndefined();
  expect(site.sim.calls.count('POST /rest/api/3/workflows/create')).toBe(0);
  expect(site.store.keys()).toEqual([]);
});
