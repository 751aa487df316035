/** What getKpis and its ways of counting need: Jira as the viewer and as the app, the store, the queue, the clock. */
import type { Clock } from '../ports/clock';
import type { IssuesPort, ProjectBrowsingPort } from '../ports/jira-port';
import type { QueuePort } from '../ports/queue-port';
import type { StorePort } from '../ports/store-port';

export interface GetKpisDependencies {
  /** Jira as the viewer: their Browse permission, their searches. */
  readonly jiraAsUser: IssuesPort & ProjectBrowsingPort;
  /** Jira as the app, only to learn which exceptions carry an issue security level now (count-projects.ts). */
  readonly jiraAsApp: IssuesPort;
  readonly store: StorePort;
  readonly queue: QueuePort;
  readonly clock: Clock;
}
