/**
 * JiraFetchers onto the simulator, as Forge's would be onto a site: the app's credentials (asApp), or the app's
 * credentials acting as a user through the simulator's impersonation header (asUser). They are the plain-HTTP
 * fetcher of src/adapters/jira, so the requests are the ones the command line would send.
 */
import { httpFetcher } from '../../src/adapters/jira/http-fetcher';
import type { JiraFetcher } from '../../src/adapters/jira/jira-fetcher';
import type { JiraSimulator } from '../create-jira-simulator';
import { AS_USER_HEADER } from '../http/authenticate';

export const simulatorFetcher = (sim: JiraSimulator, actingUser?: string): JiraFetcher =>
  httpFetcher({
    siteUrl: sim.baseUrl,
    // httpFetcher builds Basic auth from these; the Authorization header below replaces it with the app's token.
    email: 'app@simulator.invalid',
    apiToken: 'unused',
    headers: {
      Authorization: `Bearer ${sim.appToken}`,
      ...(actingUser === undefined ? {} : { [AS_USER_HEADER]: actingUser }),
    },
  });
