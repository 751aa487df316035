/**
 * A simulated site seeded from a register (DESIGN.md §7) as if its exceptions had gone through the app: the
 * register's people and projects, a site admin, the app installed from manifest.yml, the default policy stored as
 * the install trigger stores it, the app's real setup (provisionProject) run for every project over HTTP, and each
 * exception created directly in the simulator's state under its own key with the fields, status, reporter,
 * creation time, attachments and lifecycle property the app would have left (exception-issue.ts).
 *
 * The one seeding module of the standalone server (simulator/server), the tests and the benchmarks.
 */
import { randomBytes } from 'node:crypto';
import { JiraConfigurationClient } from '../../src/adapters/jira/jira-configuration-client';
import { JiraRestClient } from '../../src/adapters/jira/jira-rest-client';
import { defaultRetryPolicy } from '../../src/adapters/jira/send-with-retries';
import { MemoryStore } from '../../src/adapters/memory/memory-store';
import { appendToArchive } from '../../src/application/lifecycle/lifecycle-archive';
import { LIFECYCLE_PROPERTY_KEY } from '../../src/application/lifecycle-property';
import { policyInForce } from '../../src/application/policy/policy-store';
import { storeDefaultPolicy } from '../../src/application/policy/store-default-policy';
import type { StorePort } from '../../src/application/ports/store-port';
import { provisionProject } from '../../src/application/setup/provision-project';
import { SITE_CONFIG_KEY, SiteConfigSchema, type SiteConfig } from '../../src/application/site-config';
import type { Policy } from '../../src/domain/policy-schema';
import type { Register } from '../../src/domain/register-schema';
import { allApproverGroups } from '../../src/domain/rules/actor';
import type { InstalledApp, JiraSimulator } from '../create-jira-simulator';
import { FieldValueError } from '../issues/field-values';
import type { SimUser } from '../state/model';
import { APP_ID } from './app-modules';
import { exceptionIssueSeed } from './exception-issue';
import { SeedError } from './seed-error';
import { installSecurityExceptionsApp, type AppHooks } from './install-app';
import { PARTICIPANTS_GROUP, registerPeople, registerProjects } from './register-people';
import { simulatorFetcher } from './simulator-fetcher';

export const SITE_ADMIN_ACCOUNT_ID = 'simulator-admin';
export const SITE_ADMIN_EMAIL = 'admin@simulator.invalid';

export interface SeedOptions {
  /** The site admin's API token; random unless given. */
  readonly adminToken?: string;
  /** What runs when Jira calls the app's modules (install-app.ts); none by default. */
  readonly hooks?: AppHooks;
  /** The app's storage (KVS); a MemoryStore on the simulator's clock by default. */
  readonly store?: StorePort;
}

export interface SeededSite {
  readonly config: SiteConfig;
  readonly policy: Policy;
  readonly store: StorePort;
  readonly app: InstalledApp;
  /** A site admin (Basic auth with `adminToken`): the credentials to give a script. */
  readonly admin: SimUser;
  readonly adminToken: string;
  /** Issue keys seeded, per project key. */
  readonly issueKeys: ReadonlyMap<string, readonly string[]>;
}

const issueNumber = (key: string): number => Number(key.slice(key.lastIndexOf('-') + 1));

const setUp = async (
  sim: JiraSimulator,
  store: StorePort,
  projects: readonly string[],
): Promise<SiteConfig> => {
  const configuration = new JiraConfigurationClient(simulatorFetcher(sim), defaultRetryPolicy());
  for (const projectKey of projects) {
    const report = await provisionProject({ configuration, store, appId: APP_ID }, { projectKey });
    if (report.problems !== undefined && report.problems.length > 0)
      throw new Error(`setup of ${projectKey} reported: ${report.problems.join(' ')}`);
  }
  const config = await store.get(SITE_CONFIG_KEY, SiteConfigSchema);
  if (config === undefined) throw new Error('setup wrote no site config');
  return config;
};

/** Puts the seeded issue `key` where the register has it: issue numbers are the register's, not a sequence. */
const addIssueUnderKey = (sim: JiraSimulator, key: string, add: () => void): void => {
  const projectKey = key.slice(0, key.lastIndexOf('-'));
  const project = sim.state.project(projectKey);
  if (project === undefined) throw new Error(`no project ${projectKey}`);
  const next = project.nextIssueNumber;
  project.nextIssueNumber = issueNumber(key);
  add();
  project.nextIssueNumber = Math.max(next, issueNumber(key) + 1);
};

export const seedSiteFromRegister = async (
  sim: JiraSimulator,
  register: Register,
  options: SeedOptions = {},
): Promise<SeededSite> => {
  const { state } = sim;
  const store = options.store ?? new MemoryStore(() => Date.parse(state.nowIso()));
  await storeDefaultPolicy({ store });
  const policy = await policyInForce(store);

  // Hex after a fixed prefix, as Atlassian's own tokens begin "ATATT": a base64url token starts with "-" one time in
  // 64, and a command line then reads `--token -…` as a missing value.
  const adminToken = options.adminToken ?? `SBXT${randomBytes(18).toString('hex')}`;
  const admin = state.addUser({
    accountId: SITE_ADMIN_ACCOUNT_ID,
    displayName: 'Simulator Admin',
    emailAddress: SITE_ADMIN_EMAIL,
    apiTokens: [adminToken],
    siteAdmin: true,
  });
  // Every approver group exists, members or not, so setup restricts the decisions to them as on a real site.
  for (const name of [PARTICIPANTS_GROUP, ...allApproverGroups(policy)]) state.addGroup({ name });
  for (const person of registerPeople(register, policy))
    state.addUser({
      accountId: person.accountId,
      displayName: person.displayName,
      active: person.active,
      groups: [...person.groups],
    });
  const projects = registerProjects(register);
  for (const key of projects) state.addProject({ key, name: key, browse: [PARTICIPANTS_GROUP] });

  const app = installSecurityExceptionsApp(sim, options.hooks);
  const config = await setUp(sim, store, projects);

  const now = state.nowIso();
  const asApp = new JiraRestClient(simulatorFetcher(sim), defaultRetryPolicy());
  const issueKeys = new Map<string, string[]>(projects.map((key) => [key, []]));
  for (const record of register.exceptions) {
    const seed = exceptionIssueSeed(record, config, policy, now);
    addIssueUnderKey(sim, seed.key, () => {
      try {
        state.addIssue({ ...seed.issue, properties: { [LIFECYCLE_PROPERTY_KEY]: seed.lifecycle } });
      } catch (error) {
        if (!(error instanceof FieldValueError)) throw error;
        const field = Object.entries(config.fields).find(([, id]) => id === error.fieldId)?.[0];
        // Jira's own message quotes the value; the register's values are not echoed.
        throw new SeedError(record.key, field ?? error.fieldId, 'Jira refuses this value for the field');
      }
    });
    if (seed.archived.length > 0) {
      // Archive pages go through the app's own writer, over HTTP, exactly as a long-lived exception's would.
      const pages = await appendToArchive(asApp, seed.key, undefined, seed.archived);
      const { lifecycle } = seed;
      state.setIssueProperty(seed.key, LIFECYCLE_PROPERTY_KEY, {
        ...lifecycle,
        archived: { entries: lifecycle.archived?.entries ?? seed.archived.length, pages },
      });
    }
    issueKeys.get(seed.issue.project)?.push(seed.key);
  }
  return { config, policy, store, app, admin, adminToken, issueKeys };
};
