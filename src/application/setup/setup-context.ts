/** What every setup step works with. */
import type { ConfigurationPort, ProjectSummary } from '../ports/configuration-port';
import type { StorePort } from '../ports/store-port';
import type { AdminCaller } from '../use-case';
import type { SetupReportBuilder } from './setup-report';

export interface SetupDependencies {
  /** Jira's administration APIs, as the app (asApp): the admin's own permission is checked before. */
  readonly configuration: ConfigurationPort;
  readonly store: StorePort;
  /** The app's id (or its ARI): whose workflow rules to wire, among the rules the site offers. */
  readonly appId: string;
  /** Mints the ids of new workflow rules (UUIDs); crypto.randomUUID unless a test fixes them. */
  readonly newId?: () => string;
}

/**
 * What the admin page's setup use cases are given: the caller (whose admin rights are checked as them) and setup's
 * dependencies, the app's id unknown when the invocation did not say it (then they refuse the request).
 */
export type SetupCaller = AdminCaller &
  Omit<SetupDependencies, 'appId'> & { readonly appId: string | undefined };

export interface SetupContext {
  readonly jira: ConfigurationPort;
  readonly report: SetupReportBuilder;
  readonly project: ProjectSummary;
  readonly newId: () => string;
}
