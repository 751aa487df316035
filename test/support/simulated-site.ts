/**
 * A simulated Jira site with the people of DESIGN.md §1 and the app's REST clients onto it: the starting point of
 * integration tests and benchmarks. Project SEC (the exceptions) is browsable by the participants only; ENG (where
 * chronic cases get an engineering issue) by everyone.
 */
import { JiraRestClient } from '../../src/adapters/jira/jira-rest-client';
import type { RetryPolicy } from '../../src/adapters/jira/send-with-retries';
import { createJiraSimulator, type JiraSimulator, type JiraSimulatorOptions } from '../../simulator';
import { fastRetryPolicy } from './fast-retry-policy';
import { simulatorFetcher } from './simulator-fetcher';

export const SITE_USERS = {
  requester: 'requester',
  riskOwner: 'risk-owner',
  securityReviewer: 'security-reviewer',
  ciso: 'ciso',
  jiraAdmin: 'jira-admin',
  /** Logged in, but without Browse projects on SEC. */
  outsider: 'outsider',
} as const;

export const SECURITY_REVIEWERS_GROUP = 'security-reviewers';
export const C_LEVEL_GROUP = 'c-level';
/** Holds Browse projects (and so create, comment, transition) on SEC. */
export const SEC_PARTICIPANTS_GROUP = 'security-exceptions-participants';
export const SEC_PROJECT = 'SEC';
export const ENG_PROJECT = 'ENG';

export interface SimulatedSite {
  readonly sim: JiraSimulator;
  readonly users: typeof SITE_USERS;
  /** The app's client as Forge's asApp() would give it. */
  readonly asApp: JiraRestClient;
  /** The app's client acting as a user, as Forge's asUser() would give it. */
  asUser(accountId: string): JiraRestClient;
  close(): Promise<void>;
}

export interface SimulatedSiteOptions {
  readonly retryPolicy?: RetryPolicy;
  readonly simulator?: JiraSimulatorOptions;
}

export const startSimulatedSite = async (options: SimulatedSiteOptions = {}): Promise<SimulatedSite> => {
  const sim = await createJiraSimulator(options.simulator);
  const { state } = sim;
  const participant = [SEC_PARTICIPANTS_GROUP];
  state.addUser({ accountId: SITE_USERS.requester, displayName: 'Rae Requester', groups: participant });
  state.addUser({ accountId: SITE_USERS.riskOwner, displayName: 'Owen Owner', groups: participant });
  state.addUser({
    accountId: SITE_USERS.securityReviewer,
    displayName: 'Sam Reviewer',
    groups: [...participant, SECURITY_REVIEWERS_GROUP],
  });
  state.addUser({
    accountId: SITE_USERS.ciso,
    displayName: 'Cleo Ciso',
    groups: [...participant, C_LEVEL_GROUP],
  });
  state.addUser({ accountId: SITE_USERS.jiraAdmin, displayName: 'Ada Admin', siteAdmin: true });
  state.addUser({ accountId: SITE_USERS.outsider, displayName: 'Otto Outsider' });
  state.addProject({ key: SEC_PROJECT, name: 'Security Exceptions', browse: participant });
  state.addProject({ key: ENG_PROJECT, name: 'Engineering', browse: 'everyone' });

  const retryPolicy = options.retryPolicy ?? fastRetryPolicy();
  return {
    sim,
    users: SITE_USERS,
    asApp: new JiraRestClient(simulatorFetcher(sim), retryPolicy),
    asUser: (accountId) => new JiraRestClient(simulatorFetcher(sim, accountId), retryPolicy),
    close: () => sim.close(),
  };
};
