/**
 * Counting exceptions straight from Jira as the viewer, for what the KPI read model does not hold yet (a project not
 * built yet, issues a JQL finds that no change has reached yet). Read like the audit export reads them (mapping and
 * whole history), so a number counted live is the number the read model will give once built.
 */
import { kpiFactsOf, type KpiFacts } from '../../domain/kpi/kpi-facts';
import type { IssuesPort } from '../ports/jira-port';
import { readSiteRegister } from '../register/read-site-register';
import { withArchivedHistory } from '../register/whole-history';
import type { SiteConfig } from '../site-config';

export interface CountedLive {
  readonly facts: KpiFacts[];
  /** Exception issues the app's mapping cannot read: not counted, and said so. */
  readonly unreadable: number;
}

export const countLive = async (jira: IssuesPort, site: SiteConfig, jql: string): Promise<CountedLive> => {
  const register = await readSiteRegister(jira, site, jql);
  const exceptions = await withArchivedHistory(jira, register.exceptions, register.archivePages);
  return { facts: exceptions.map(kpiFactsOf), unreadable: register.unreadable.length };
};
