import {
  createJiraSimulator,
  createSimClient,
  type JiraSimulator,
  type JiraSimulatorOptions,
  type SimClient,
} from '../../simulator';

/** A site with three people: Ana (security group), Bo (not in it), Cy (site admin), and project SEC browsable by security. */
export const startSeededSimulator = async (options: JiraSimulatorOptions = {}): Promise<JiraSimulator> => {
  const sim = await createJiraSimulator(options);
  sim.state.addUser({ accountId: 'ana', displayName: 'Ana', groups: ['security'] });
  sim.state.addUser({ accountId: 'bo', displayName: 'Bo', groups: ['engineering'] });
  sim.state.addUser({ accountId: 'cy', displayName: 'Cy', siteAdmin: true });
  sim.state.addProject({ key: 'SEC', name: 'Security Exceptions', browse: ['security'] });
  sim.state.addProject({ key: 'OPS', name: 'Operations', browse: 'everyone' });
  return sim;
};

export const clientAs = (sim: JiraSimulator, accountId: string): SimClient =>
  createSimClient(sim.baseUrl, { authorization: sim.authorizationFor(accountId) });

export const appClient = (sim: JiraSimulator, asUser?: string): SimClient =>
  createSimClient(sim.baseUrl, sim.appHeaders(asUser));

/** A one-paragraph Atlassian Document Format document. */
export const adf = (text: string): Record<string, unknown> => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

export interface SearchPage {
  issues: {
    id: string;
    key?: string;
    fields?: Record<string, unknown>;
    properties?: Record<string, unknown>;
  }[];
  isLast: boolean;
  nextPageToken?: string;
}

export interface ErrorCollection {
  errorMessages: string[];
  errors: Record<string, string>;
}
