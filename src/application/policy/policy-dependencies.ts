/** What the policy administration use cases need: the caller's Jira identity (asUser), the store and the clock. */
import type { Clock } from '../ports/clock';
import type { DirectoryPort } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';

export interface PolicyDependencies {
  /** Jira under the calling user: their admin permission and their account. */
  readonly jiraAsUser: DirectoryPort;
  readonly store: StorePort;
  readonly clock: Clock;
}
