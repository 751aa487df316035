/**
 * A simulated site with the app installed as Forge would run it: the REAL handlers of src/index.ts answer the
 * simulator's validator, post function and issue-created calls, over forgeDependencies() (with @forge/api,
 * @forge/kvs and @forge/events mapped onto the simulator by the test file's jest.mock lines), after one-click
 * setup has provisioned project SEC. People act through the app's own REST client as themselves, so their
 * requests retry under injected faults as any Jira client would.
 */
import { adfToText } from '../../../src/application/issue-mapping/adf-text';
import { JiraHttpError } from '../../../src/adapters/jira/jira-errors';
import { JiraHttpError as SimulatorHttpError } from '../../../simulator/http/jira-error';
import { JiraConfigurationClient } from '../../../src/adapters/jira/jira-configuration-client';
import type { JiraRestClient } from '../../../src/adapters/jira/jira-rest-client';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import {
  LIFECYCLE_PROPERTY_KEY,
  LifecyclePropertySchema,
  type LifecycleProperty,
} from '../../../src/application/lifecycle-property';
import type { AdfDocument } from '../../../src/application/ports/jira-port';
import { provisionProject } from '../../../src/application/setup/provision-project';
import { SITE_CONFIG_KEY, SiteConfigSchema, type SiteConfig } from '../../../src/application/site-config';
import * as handlers from '../../../src/index';
import {
  defaultPlatformHabits,
  createSimClient,
  extensionAri,
  type FaultSettings,
  type JiraSimulator,
} from '../../../simulator';
import { fastRetryPolicy } from '../../support/fast-retry-policy';
import { forgeRuntime } from '../../support/forge-on-simulator';
import {
  SEC_PROJECT,
  SITE_USERS,
  startSimulatedSite,
  type SimulatedSite,
} from '../../support/simulated-site';
import { simulatorFetcher } from '../../support/simulator-fetcher';
import { START, testClock } from './test-clock';
import { APP_ID, ENVIRONMENT_ID } from '../../support/app-modules';
import { installSecurityExceptionsApp } from '../../../simulator/seed/install-app';

/** The faults of the issue's "done when": 10 % 429 with Retry-After, 5 % 500, 50–300 ms latency. */
export const ISSUE_FAULTS: FaultSettings = {
  rate429: 0.1,
  retryAfterSeconds: 1,
  rate5xx: 0.05,
  status5xx: 500,
  latencyMs: [50, 300],
  seed: 20261121,
};

export const adf = (text: string): AdfDocument => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

export interface ExceptionRequest {
  readonly summary?: string;
  readonly type: string;
  readonly justification: string;
  readonly riskOwner: string;
  readonly compensatingControls?: string;
  readonly expirationDate: string;
  readonly affectedAssets: readonly string[];
  readonly urgency?: 'Urgent' | 'Standard';
  /** The Findings field, one entry a line (written as ADF, a paragraph a line). */
  readonly findings?: readonly string[];
}

/** What a person puts on a transition screen, in logical terms. */
export interface ScreenEdits {
  readonly riskRating?: string;
  readonly compensatingControls?: string;
  readonly justification?: string;
  readonly expirationDate?: string;
  readonly checklist?: readonly string[];
  /** The screen's comment box: sent as Jira's REST clients send it, `update.comment[].add.body` in ADF. */
  readonly comment?: string;
  /** The Decision Reason field of the Reject and Revert screens, in ADF as REST v3 writes a paragraph field. */
  readonly decisionReason?: string;
  /**
   * Who sends the transition: a REST client (default; its comment does not reach validators, FORGE_NOTES §16) or a
   * person on Jira's transition screen (its comment box reaches them in the simulator's screenCommentFormat).
   */
  readonly via?: 'rest' | 'screen';
}

export interface ExceptionSite {
  readonly site: SimulatedSite;
  readonly sim: JiraSimulator;
  readonly config: SiteConfig;
  /** Files an exception as `requester` and waits for triage; answers the issue key. */
  raise(request: ExceptionRequest, requester?: string): Promise<string>;
  /** Makes the named transition as `actor` with screen edits; waits for the post function. */
  transition(issueKey: string, name: string, actor: string, edits?: ScreenEdits): Promise<void>;
  /** The transition's refusal messages (Jira's errorMessages), or throws if it went through. */
  refusal(issueKey: string, name: string, actor: string, edits?: ScreenEdits): Promise<string[]>;
  /**
   * A person's edit outside any transition (PUT /rest/api/3/issue/{key}, as the issue's Edit screen sends it);
   * waits for the events it causes.
   */
  edit(issueKey: string, actor: string, edits: ScreenEdits & Partial<ExceptionRequest>): Promise<void>;
  /** Names of the transitions `actor` is offered. */
  offered(issueKey: string, actor: string): Promise<string[]>;
  /** A person uploads a file (the simulator has no multipart upload; this is the upload's effect). */
  attachEvidence(issueKey: string, filename: string): void;
  statusOf(issueKey: string): string;
  /** What the lifecycle says; its `revision` (the count of the app's writes, bookkeeping for the sweep) left out. */
  lifecycle(issueKey: string): Promise<LifecycleProperty>;
  /** Status changes in the issue's changelog, as `from → to`. */
  statusChanges(issueKey: string): string[];
  /** Comments on the issue, as their authors. */
  commentAuthors(issueKey: string): string[];
  /** The plain text of the issue's `index`-th comment, a line per block. */
  commentText(issueKey: string, index: number): string;
  close(): Promise<void>;
}

/** Installs the app as manifest.yml declares it, with the real handlers; the simulator's habits vary what they receive. */
const installApp = (sim: JiraSimulator): void => {
  installSecurityExceptionsApp(sim, {
    validate: (payload, context) => handlers.validateTransition(payload, context),
    postFunction: (event, context) => handlers.recordTransition(event, context),
    onEvent: async (name, event) => {
      if (name === 'avi:jira:created:issue') await handlers.triageOnCreate(event);
      if (name === 'avi:jira:updated:issue') await handlers.reviewDecisionEdit(event);
    },
  });
};

export const writeFields = (
  config: SiteConfig,
  edits: ScreenEdits & Partial<ExceptionRequest>,
): Record<string, unknown> => {
  const F = config.fields;
  const fields: Record<string, unknown> = {};
  if (edits.type !== undefined) fields[F.exceptionType] = { value: edits.type };
  if (edits.justification !== undefined) fields[F.justification] = adf(edits.justification);
  if (edits.riskOwner !== undefined) fields[F.riskOwner] = { accountId: edits.riskOwner };
  if (edits.compensatingControls !== undefined)
    fields[F.compensatingControls] =
      edits.compensatingControls === '' ? null : adf(edits.compensatingControls);
  if (edits.expirationDate !== undefined) fields[F.expirationDate] = edits.expirationDate;
  if (edits.affectedAssets !== undefined) fields[F.affectedAssets] = edits.affectedAssets;
  if (edits.urgency !== undefined) fields[F.urgency] = { value: edits.urgency };
  if (edits.riskRating !== undefined) fields[F.riskRating] = { value: edits.riskRating };
  if (edits.checklist !== undefined)
    fields[F.recertificationChecklist] = edits.checklist.map((value) => ({ value }));
  if (edits.findings !== undefined) {
    if (F.findings === undefined) throw new Error('setup recorded no Findings field');
    fields[F.findings] = {
      type: 'doc',
      version: 1,
      content: edits.findings.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
    };
  }
  if (edits.decisionReason !== undefined) {
    if (F.decisionReason === undefined) throw new Error('setup recorded no Decision Reason field');
    fields[F.decisionReason] = adf(edits.decisionReason);
  }
  return fields;
};

/** The site with the app installed (and its install trigger run), before any setup. */
export const startSiteWithApp = async (): Promise<SimulatedSite> => {
  testClock.set(START);
  const site = await startSimulatedSite({
    retryPolicy: fastRetryPolicy(),
    simulator: {
      now: () => new Date(testClock.now()),
      // The platform's harsh habits stay on (duplicates, retries); only their delays shrink to keep tests fast.
      habits: {
        duplicateDelivery: { ...defaultPlatformHabits().duplicateDelivery, delayMs: 20 },
        msPerRetryAfterSecond: 10,
      },
    },
  });
  forgeRuntime.reset();
  forgeRuntime.sim = site.sim;
  installApp(site.sim);
  await handlers.storeDefaultPolicy();
  return site;
};

/** The resolver context Forge gives the admin page's resolver function: its module's extension ARI. */
export const ADMIN_PAGE_CONTEXT = {
  localId: extensionAri(APP_ID, ENVIRONMENT_ID, 'exception-admin'),
  moduleKey: 'exception-admin',
};

/** The admin page's `invoke(name, payload)` as Forge delivers it to the resolver function, for `accountId`. */
export const invokeAdminResolver = (
  functionKey: string,
  payload: unknown,
  accountId: string,
): Promise<unknown> => {
  forgeRuntime.actingUser = accountId;
  return handlers.adminResolver(
    { call: { functionKey, payload }, context: ADMIN_PAGE_CONTEXT },
    { principal: { accountId } },
  );
};

/** The issue panel's `invoke(name, payload)` as Forge delivers it, for `accountId` viewing `issueKey`. */
export const invokeIssuePanelResolver = (
  functionKey: string,
  payload: unknown,
  accountId: string,
): Promise<unknown> => {
  forgeRuntime.actingUser = accountId;
  return handlers.issuePanelResolver(
    {
      call: { functionKey, payload },
      context: {
        localId: extensionAri(APP_ID, ENVIRONMENT_ID, 'exception-panel'),
        moduleKey: 'exception-panel',
      },
    },
    { principal: { accountId } },
  );
};

/** The KPI gadget's `invoke(name, payload)` as Forge delivers it, for `accountId`. */
export const invokeGadgetResolver = (
  functionKey: string,
  payload: unknown,
  accountId: string,
): Promise<unknown> => {
  forgeRuntime.actingUser = accountId;
  return handlers.gadgetResolver(
    {
      call: { functionKey, payload },
      context: {
        localId: extensionAri(APP_ID, ENVIRONMENT_ID, 'exception-kpis'),
        moduleKey: 'exception-kpis',
      },
    },
    { principal: { accountId } },
  );
};

export const startExceptionSite = async (): Promise<ExceptionSite> => {
  const site = await startSiteWithApp();
  const { sim } = site;
  const store = new KvsStore();
  await provisionProject(
    {
      configuration: new JiraConfigurationClient(simulatorFetcher(sim), fastRetryPolicy()),
      store,
      appId: APP_ID,
    },
    { projectKey: SEC_PROJECT },
  );
  const config = await store.get(SITE_CONFIG_KEY, SiteConfigSchema);
  if (config === undefined) throw new Error('setup wrote no site config');
  const issueOf = (key: string) => {
    const issue = sim.state.issue(key);
    if (issue === undefined) throw new Error(`no issue ${key}`);
    return issue;
  };
  /** A person on the transition screen; a refusal comes back as the REST call's would (a 400 with Jira's messages). */
  const onScreen = async (
    issueKey: string,
    id: string,
    actor: string,
    input: { fields: Record<string, unknown>; comment?: string },
  ): Promise<void> => {
    try {
      await sim.transitionOnScreen(issueKey, id, actor, input);
    } catch (error) {
      if (!(error instanceof SimulatorHttpError)) throw error;
      const { errorMessages, errors } = error.body;
      throw new JiraHttpError('POST /rest/api/3/issue/{issueIdOrKey}/transitions', error.status, [
        ...errorMessages,
        ...Object.values(errors),
      ]);
    }
  };
  const transitionId = async (client: JiraRestClient, issueKey: string, name: string): Promise<string> => {
    const offered = await client.getTransitions(issueKey);
    const found = offered.find((candidate) => candidate.name === name);
    if (found === undefined)
      throw new Error(
        `${name} is not offered on ${issueKey} (offered: ${offered.map((t) => t.name).join(', ')})`,
      );
    return found.id;
  };
  const transition = async (issueKey: string, name: string, actor: string, edits: ScreenEdits = {}) => {
    const client = site.asUser(actor);
    const id = await transitionId(client, issueKey, name);
    const fields = writeFields(config, edits);
    if (edits.via === 'screen')
      await onScreen(issueKey, id, actor, {
        fields,
        ...(edits.comment === undefined ? {} : { comment: edits.comment }),
      });
    else
      await client.transitionIssue(issueKey, id, {
        fields,
        ...(edits.comment === undefined ? {} : { comment: adf(edits.comment) }),
      });
    await sim.idle();
  };
  return {
    site,
    sim,
    config,
    raise: async (request, requester = SITE_USERS.requester) => {
      const { key } = await site.asUser(requester).createIssue({
        project: { key: SEC_PROJECT },
        issuetype: { id: config.issueTypeId },
        summary: request.summary ?? `${request.type} for ${request.affectedAssets.join(', ')}`,
        ...writeFields(config, { urgency: 'Standard', ...request }),
      });
      await sim.idle();
      return key;
    },
    transition,
    edit: async (issueKey, actor, edits) => {
      const { summary, ...fieldEdits } = edits;
      const response = await createSimClient(sim.baseUrl, sim.appHeaders(actor)).put(
        `/rest/api/3/issue/${issueKey}`,
        { fields: { ...writeFields(config, fieldEdits), ...(summary === undefined ? {} : { summary }) } },
      );
      if (response.status !== 204)
        throw new Error(`editing ${issueKey} as ${actor} answered ${String(response.status)}`);
      await sim.idle();
    },
    refusal: async (issueKey, name, actor, edits) => {
      try {
        await transition(issueKey, name, actor, edits);
      } catch (error) {
        if (error instanceof JiraHttpError && error.status === 400) return [...error.jiraMessages];
        throw error;
      }
      throw new Error(`${name} on ${issueKey} by ${actor} went through`);
    },
    offered: async (issueKey, actor) =>
      (await site.asUser(actor).getTransitions(issueKey)).map((candidate) => candidate.name),
    attachEvidence: (issueKey, filename) => {
      const issue = issueOf(issueKey);
      issue.attachments.push({
        id: String(10_000 + issue.attachments.length),
        filename,
        mimeType: 'application/pdf',
        size: 48_213,
        authorAccountId: issue.reporterAccountId ?? 'unknown',
        created: testClock.now(),
      });
    },
    statusOf: (issueKey) => sim.state.statuses.get(issueOf(issueKey).statusId)?.name ?? '(none)',
    lifecycle: async (issueKey) =>
      LifecyclePropertySchema.omit({ revision: true }).parse(
        await site.asApp.getIssueProperty(issueKey, LIFECYCLE_PROPERTY_KEY),
      ),
    statusChanges: (issueKey) =>
      issueOf(issueKey).changelog.flatMap((history) =>
        history.items
          .filter((item) => item.field === 'status')
          .map((item) => `${item.fromString ?? ''} → ${item.toString ?? ''}`),
      ),
    commentAuthors: (issueKey) => issueOf(issueKey).comments.map((comment) => comment.authorAccountId),
    commentText: (issueKey, index) => adfToText(issueOf(issueKey).comments[index]?.body),
    close: () => site.close(),
  };
};

/** After each test: the simulator saw only requests and responses the document allows, and no hook failed. */
export const assertCleanRun = (exceptionSite: ExceptionSite): void => {
  exceptionSite.sim.assertNoContractViolations();
  expect(exceptionSite.sim.hookFailures).toEqual([]);
};

export { APP_ID };
