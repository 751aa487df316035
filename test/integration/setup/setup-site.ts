/**
 * A simulated Jira site for setup's integration tests: project SEC, a site admin (Ada) and a user who is not
 * one (Bo), the default policy's approver groups, and the app installed with the workflow modules of manifest.yml, so `workflows/capabilities`
 * reports them as Jira would. Setup talks to it through the real JiraConfigurationClient over HTTP.
 */
import { JiraConfigurationClient } from '../../../src/adapters/jira/jira-configuration-client';
import { httpFetcher } from '../../../src/adapters/jira/http-fetcher';
import type { JiraFetcher } from '../../../src/adapters/jira/jira-fetcher';
import { defaultRetryPolicy, type RetryPolicy } from '../../../src/adapters/jira/send-with-retries';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import type { SetupDependencies } from '../../../src/application/setup/setup-context';
import {
  AS_USER_HEADER,
  createJiraSimulator,
  createSimClient,
  type JiraSimulator,
  type SimClient,
} from '../../../simulator';
import { APP_ID, APP_NAME, ENVIRONMENT_ID, WORKFLOW_RULE_MODULES } from '../../support/app-modules';

export interface SetupSite {
  readonly sim: JiraSimulator;
  readonly store: MemoryStore;
  readonly deps: SetupDependencies;
  /** Ada, a site admin, reading Jira with her own API token (to read back what setup made). */
  readonly ada: SimClient;
  /** Every wait the client's retries made, in milliseconds. */
  readonly waits: number[];
  /** What Jira handed the app's validator and post function: the rule's configuration, per transition run. */
  readonly ruleCalls: { rule: 'validator' | 'postFunction'; configuration: unknown }[];
}

/** Retries as in production, except that waits are recorded and cut short so a test does not sleep for real. */
const fastRetries = (waits: number[]): RetryPolicy => ({
  ...defaultRetryPolicy(),
  sleep: (ms) => {
    waits.push(ms);
    return new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5)));
  },
  random: () => 0.5,
});

const appFetcher = (sim: JiraSimulator, asUser?: string) =>
  httpFetcher({
    siteUrl: sim.baseUrl,
    email: 'unused',
    apiToken: 'unused',
    headers: {
      Authorization: `Bearer ${sim.appToken}`,
      ...(asUser === undefined ? {} : { [AS_USER_HEADER]: asUser }),
    },
  });

export interface SetupSiteOptions {
  /** Wraps the app's fetcher, e.g. to lose an answer after Jira applied the write. */
  readonly wrapFetcher?: (fetcher: JiraFetcher) => JiraFetcher;
  /** The groups the site has, by name with their ids: by default the default policy's approver groups. */
  readonly groups?: Readonly<Record<string, string>>;
}

/** The default policy's approver groups, with the ids the site gives them. */
export const APPROVER_GROUP_IDS = {
  'security-reviewers': '6e87dc72-4f1f-421f-9382-2fee8b652487',
  'c-level': '276f955c-63d7-42c8-9520-92d01dca0625',
} as const;

export const startSetupSite = async (options: SetupSiteOptions = {}): Promise<SetupSite> => {
  const sim = await createJiraSimulator();
  const ruleCalls: SetupSite['ruleCalls'] = [];
  sim.state.addUser({ accountId: 'ada', displayName: 'Ada', siteAdmin: true });
  sim.state.addUser({ accountId: 'bo', displayName: 'Bo' });
  sim.state.addProject({ key: 'SEC', name: 'Security' });
  for (const [name, groupId] of Object.entries(options.groups ?? APPROVER_GROUP_IDS))
    sim.state.addGroup({ name, groupId });
  sim.installApp({
    appId: APP_ID,
    environmentId: ENVIRONMENT_ID,
    name: APP_NAME,
    modules: WORKFLOW_RULE_MODULES,
    validate: (payload) => {
      ruleCalls.push({ rule: 'validator', configuration: payload.configuration });
      return Promise.resolve({ result: true });
    },
    postFunction: (event) => {
      ruleCalls.push({ rule: 'postFunction', configuration: event.configuration });
      return Promise.resolve();
    },
  });
  const waits: number[] = [];
  const store = new MemoryStore();
  return {
    sim,
    store,
    waits,
    ruleCalls,
    ada: createSimClient(sim.baseUrl, { authorization: sim.authorizationFor('ada') }),
    deps: {
      configuration: new JiraConfigurationClient(
        (options.wrapFetcher ?? ((fetcher) => fetcher))(appFetcher(sim)),
        fastRetries(waits),
      ),
      store,
      appId: APP_ID,
    },
  };
};

/** DirectoryPort.callerIsJiraAdmin as the adapter answers it under asUser: GET /mypermissions?permissions=ADMINISTER. */
export const callerAs = (sim: JiraSimulator, accountId: string) => ({
  callerIsJiraAdmin: async (): Promise<boolean> => {
    const response = await appFetcher(sim, accountId).requestJira(
      { value: '/rest/api/3/mypermissions?permissions=ADMINISTER' },
      { method: 'GET' },
    );
    const body = JSON.parse(await response.text()) as {
      permissions: Record<string, { havePermission: boolean }>;
    };
    return body.permissions.ADMINISTER?.havePermission === true;
  },
});

/** POSTs that only read: the workflow read and the workflow validation. */
const READING_POSTS = ['POST /rest/api/3/workflows', 'POST /rest/api/3/workflows/create/validation'];

/** Requests that change Jira, by call key. */
export const writeCalls = (sim: JiraSimulator): Record<string, number> =>
  Object.fromEntries(
    Object.entries(sim.calls.snapshot()).filter(
      ([call]) => !call.startsWith('GET ') && !READING_POSTS.includes(call),
    ),
  );

export const totalOf = (calls: Record<string, number>): number =>
  Object.values(calls).reduce((sum, count) => sum + count, 0);

/**
 * A fresh site for every test of the file (registers its beforeEach/afterEach); after each test, no contract
 * violation. Answers the current test's site.
 */
export const setupSitePerTest = (options: SetupSiteOptions = {}): (() => SetupSite) => {
  let site: SetupSite | undefined;
  const current = (): SetupSite => {
    if (site === undefined) throw new Error('the site is started in beforeEach: use it inside a test');
    return site;
  };
  beforeEach(async () => {
    site = await startSetupSite(options);
  });
  afterEach(async () => {
    try {
      current().sim.assertNoContractViolations();
    } finally {
      await current().sim.close();
    }
  });
  return current;
};

export { APP_ID, ENVIRONMENT_ID };
