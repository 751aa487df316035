/**
 * What the transition use cases need: Jira as the app (the reads and writes the app makes whoever acts), Jira as
 * the acting user (only to learn who that is), the app's store and the clock. The Forge composition root's
 * dependencies have this shape, so a handler passes them as they are.
 */
import type { Clock } from '../ports/clock';
import type { DirectoryPort, IssuesPort } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';

export interface TransitionDependencies {
  readonly jiraAsApp: IssuesPort & DirectoryPort;
  /** Under the acting user (Forge `asUser()`); its `myself()` is the fallback for the actor's identity. */
  readonly jiraAsUser: DirectoryPort;
  readonly store: StorePort;
  readonly clock: Clock;
}
