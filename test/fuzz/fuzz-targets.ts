/**
 * Every handler and resolver of src/index.ts as a fuzz target: how it is called (as Forge calls it), with which
 * hostile inputs, and how its answer says "refused".
 */
import { IssueIdSchema, IssueKeySchema } from '../../src/application/issue-mapping/issue-key';
import fc from 'fast-check';
import { ADMIN_RESOLVERS } from '../../src/contracts/resolver-names';
import { LifecycleEventSchema } from '../../src/application/lifecycle/lifecycle-events';
import { defaultPolicy } from '../../src/domain/policy-schema';
import * as handlers from '../../src/index';
import { forgeRuntime } from '../support/forge-on-simulator';
import { SEC_PROJECT, SITE_USERS } from '../support/simulated-site';
import { adf, ADMIN_PAGE_CONTEXT, type ExceptionSite } from '../integration/transitions/exception-harness';
import { hostileInput } from './hostile-inputs';

export interface FuzzTarget {
  readonly name: string;
  readonly inputs: fc.Arbitrary<unknown>;
  readonly run: (input: unknown) => Promise<unknown>;
  /** Whether the answer (undefined when it threw) refuses the input: a refused input must change nothing. */
  readonly refused: (answer: unknown, input: unknown) => boolean;
  /** An admin resolver called by someone who is not a Jira admin. */
  readonly asNonAdmin?: boolean;
  /** A validator: it never writes to Jira, refused or not. */
  readonly validator?: boolean;
  /** The answer's expected shape, when there is one to check. */
  readonly wellFormed?: (answer: unknown) => boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Refusal codes after which nothing may have changed; `incomplete` is setup stopping part-way, by design. */
const refusedWithoutEffect = (answer: unknown): boolean =>
  isRecord(answer) && answer.ok === false && !(isRecord(answer.error) && answer.error.code === 'incomplete');

const resolverAnswer = (answer: unknown): boolean =>
  isRecord(answer) && typeof answer.ok === 'boolean' && (answer.ok || isRecord(answer.error));

type Definitions = typeof handlers.adminResolver;

const invoke =
  (handler: Definitions, name: string, accountId: string) =>
  (payload: unknown): Promise<unknown> => {
    forgeRuntime.actingUser = accountId;
    return handler(
      { call: { functionKey: name, payload }, context: ADMIN_PAGE_CONTEXT },
      { principal: { accountId } },
    );
  };

/** Seeds for the admin resolvers' near-valid payloads. */
const adminSeeds = (name: string): unknown[] => {
  const policy = defaultPolicy();
  switch (name) {
    case 'validatePolicy':
      return [{ policy }, { policy: { ...policy, slaHours: { Urgent: 1, Standard: 1 } } }];
    case 'savePolicy':
      return [
        { policy, baseVersion: 1 },
        { policy: { ...policy, autoApproveLow: false }, baseVersion: null },
      ];
    case 'getSetupStatus':
      return [{ projectKey: SEC_PROJECT }, {}];
    case 'runSetup':
      return [
        { projectKey: 'NOPE' },
        { projectKey: SEC_PROJECT, adoptFields: { justification: 'customfield_10020' } },
      ];
    case 'getJob':
      return [{ jobId: '6f1c0a4e-8d1a-4e22-9a57-0d5b3c1f2e3a' }];
    case 'getExportPart':
      return [{ jobId: '6f1c0a4e-8d1a-4e22-9a57-0d5b3c1f2e3a', part: 0 }];
    case 'startExport':
    case 'exportRegister':
      return [
        { from: '2026-01-01', to: '2026-12-31', format: 'json' },
        { from: '2026-01-01', to: '2027-12-31', format: 'csv', projectKeys: [SEC_PROJECT] },
      ];
    case 'getSweepStatus':
      return [{}, { limit: 5 }];
    default:
      return [{}];
  }
};

/** Whether an event names an issue of the site: then it is not a refused input, and may record. */
/**
 * Whether the input names an issue of the site the way the handlers read it: by a well-formed key, else by its
 * numeric id (src/application/issue-mapping/issue-key.ts). Only such an input may lead to a write.
 */
const namesIssueOf =
  (site: () => ExceptionSite) =>
  (input: unknown): boolean => {
    const issue = isRecord(input) && isRecord(input.issue) ? input.issue : undefined;
    const key = IssueKeySchema.safeParse(issue?.key);
    const id = IssueIdSchema.safeParse(issue?.id);
    const named = key.success ? key.data : id.success ? String(id.data) : undefined;
    return named !== undefined && site().sim.state.issue(named) !== undefined;
  };

export const fuzzTargets = (site: () => ExceptionSite, issueKey: () => string): FuzzTarget[] => {
  const { securityReviewer, jiraAdmin, requester } = SITE_USERS;
  const config = () => site().config;
  const status = (name: keyof ExceptionSite['config']['statuses']) => config().statuses[name];
  const validatorPayload = () => ({
    issue: { key: issueKey() },
    configuration: { transition: 'approve' },
    transition: {
      from: { id: status('Risk Review') },
      to: { id: status('Approved') },
      modifiedFields: {
        [config().fields.riskRating]: { value: 'Low' },
        [config().fields.compensatingControls]: adf('Lab VLAN, weekly scan.'),
        comment: { comments: [{ author: { accountId: securityReviewer }, body: adf('ok') }] },
      },
    },
  });
  const context = { principal: { accountId: securityReviewer }, installContext: 'ari:cloud:jira::site/1' };
  const postFunctionEvent = () => ({
    issue: { id: '10000', key: issueKey(), fields: {} },
    transition: {
      id: '31',
      name: 'Approve',
      from: { id: status('Risk Review'), name: 'Risk Review' },
      to: { id: status('Approved'), name: 'Approved' },
      executionId: 'b6b1d3f0-0000-4000-8000-000000000001',
    },
    workflow: { id: 'w', name: 'Security Exception Workflow' },
    atlassianId: securityReviewer,
    changelog: { id: '90000', items: [] },
    configuration: { transition: 'approve' },
    postFunction: { id: 'p' },
  });
  const createdEvent = () => ({
    issue: {
      id: '10000',
      key: issueKey(),
      fields: { issuetype: { id: config().issueTypeId }, project: { id: config().projects[0]?.id ?? '1' } },
    },
    atlassianId: requester,
  });
  // Seeds are built lazily: the site exists only once beforeAll has run.
  const lazy = (seeds: () => unknown[]) => fc.constant(null).chain(() => hostileInput(seeds()));
  const real = namesIssueOf(site);

  const handlerTargets: FuzzTarget[] = [
    {
      name: 'validateTransition',
      validator: true,
      inputs: fc.tuple(
        lazy(() => [validatorPayload()]),
        lazy(() => [context, {}]),
      ),
      run: (input) => {
        const [payload, ctx] = input as [unknown, unknown];
        return handlers.validateTransition(payload, ctx);
      },
      refused: (answer) => isRecord(answer) && answer.result === false,
      wellFormed: (answer) =>
        isRecord(answer) &&
        (answer.result === true || (answer.result === false && typeof answer.errorMessage === 'string')),
    },
    {
      name: 'recordTransition',
      inputs: lazy(() => [postFunctionEvent()]),
      run: (input) => handlers.recordTransition(input),
      refused: (_answer, input) => !real(input),
    },
    {
      name: 'triageOnCreate',
      inputs: lazy(() => [createdEvent()]),
      run: (input) => handlers.triageOnCreate(input),
      refused: (_answer, input) => !real(input),
    },
    {
      name: 'reviewDecisionEdit',
      inputs: lazy(() => [
        { ...createdEvent(), changelog: { id: '90001', items: [{ field: 'labels', fieldId: 'labels' }] } },
      ]),
      run: (input) => handlers.reviewDecisionEdit(input),
      // The seeded issue is no exception in force: whatever the event says, there is nothing to send back to review.
      refused: () => true,
    },
    {
      name: 'kpiIssueDeleted',
      inputs: lazy(() => [{ issue: { id: '10001', key: issueKey(), fields: { project: { id: '10000' } } } }]),
      run: (input) => handlers.kpiIssueDeleted(input),
      // No KPI model is built on the fuzzed site: whatever the event, there is nothing to remove.
      refused: () => true,
    },
    {
      name: 'storeDefaultPolicy',
      inputs: lazy(() => [{ id: 'e', installerAccountId: jiraAdmin, app: { id: 'a', version: '1' } }]),
      run: (input) => handlers.storeDefaultPolicy(input),
      // The policy is stored already: whatever the event, there is nothing to write.
      refused: () => true,
    },
    {
      name: 'lifecycleSweep',
      inputs: lazy(() => [{ context: { cloudId: 'c' } }]),
      run: (input) => handlers.lifecycleSweep(input),
      // The trigger's event is ignored: the sweep is never refused, and its lock is a legitimate write.
      refused: () => false,
    },
    {
      name: 'lifecycleWorker',
      inputs: lazy(() => [
        { body: { kind: 'sweep-issues', issueKeys: [issueKey()] } },
        { body: { kind: 'continue-sweep', skip: [] } },
        { body: { actions: [] } },
      ]),
      run: (input) => handlers.lifecycleWorker(input),
      // Only a lifecycle event is worked on; anything else is acknowledged without a write.
      refused: (_answer, input) => !(isRecord(input) && LifecycleEventSchema.safeParse(input.body).success),
    },
    {
      name: 'adminJobWorker',
      inputs: lazy(() => [
        { body: { kind: 'job-step', jobId: '6f1c0a4e-8d1a-4e22-9a57-0d5b3c1f2e3a', step: 0 } },
        { body: { kind: 'sweep-issues', issueKeys: [issueKey()] } },
      ]),
      run: (input) => handlers.adminJobWorker(input),
      // A step of a job that does not exist, or anything else, is acknowledged without a write.
      refused: () => true,
    },
    {
      name: 'gadgetResolver.getKpis',
      inputs: lazy(() => [{}]),
      run: invoke(handlers.gadgetResolver, 'getKpis', securityReviewer),
      refused: refusedWithoutEffect,
    },
    {
      name: 'issuePanelResolver.getExceptionSummary',
      inputs: lazy(() => [{ issueKey: issueKey() }]),
      run: invoke(handlers.issuePanelResolver, 'getExceptionSummary', requester),
      refused: refusedWithoutEffect,
    },
  ];

  const adminTargets = ADMIN_RESOLVERS.flatMap((name): FuzzTarget[] => [
    {
      name: `adminResolver.${name} as admin`,
      inputs: lazy(() => adminSeeds(name)),
      run: invoke(handlers.adminResolver, name, jiraAdmin),
      refused: refusedWithoutEffect,
      wellFormed: resolverAnswer,
    },
    {
      name: `adminResolver.${name} as non-admin`,
      asNonAdmin: true,
      inputs: lazy(() => adminSeeds(name)),
      run: invoke(handlers.adminResolver, name, requester),
      refused: refusedWithoutEffect,
      wellFormed: resolverAnswer,
    },
  ]);

  return [...handlerTargets, ...adminTargets];
};
