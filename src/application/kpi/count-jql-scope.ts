/**
 * A gadget scoped by a JQL filter: the Exception issues the filter finds when run AS THE VIEWER (so exactly what
 * they may browse, issue security included), counted from the read model's per-issue facts; those the read model
 * does not hold yet (a project not built, a change not applied yet, a project the app is not set up in) are read
 * live as the viewer, up to LIVE_LIMIT, and said in a note beyond it.
 */
import { summarizeFacts } from '../../domain/kpi/kpi-summary';
import type { KpiFacts } from '../../domain/kpi/kpi-facts';
import { boundMessage } from '../../domain/message-bounds';
import { jqlLiteral } from '../jql-literal';
import { JqlRejectedError } from '../ports/jira-port';
import { RefusalError } from '../refusal-error';
import type { SiteConfig } from '../site-config';
import { countLive } from './count-live';
import { LIVE_LIMIT } from './count-projects';
import type { Counted, CountedProject } from './counted';
import type { GetKpisDependencies } from './get-kpis';
import { readKpiFacts, readKpiProjects } from './kpi-read-model';
import { requestKpiRebuild } from './request-kpi-rebuild';
import { searchIssueIds } from './search-issue-ids';

/** Ids per `id in (…)` query when reading issues live: one page of fields each. */
const IDS_PER_QUERY = 100;

/**
 * The filter's own ORDER BY would make `(filter) AND …` invalid; the order does not matter to a count. Only an ORDER
 * BY with no quote after it is taken off, so text inside a quoted value is never touched.
 */
export const withoutOrderBy = (jql: string): string => jql.replace(/\s+order\s+by\s+[^"']*$/i, '').trim();

const refusedFilter = (error: JqlRejectedError): RefusalError =>
  new RefusalError(
    'invalid-request',
    boundMessage(
      `Jira refused the gadget's JQL filter. Check it in Jira's issue search and save the gadget again.${
        error.jiraMessages.length === 0 ? '' : ` Jira said: ${error.jiraMessages.join(' ')}`
      }`,
    ),
  );

export const countJqlScope = async (
  jql: string,
  site: SiteConfig,
  deps: GetKpisDependencies,
): Promise<Counted> => {
  const notes: string[] = [];
  const filter = `(${withoutOrderBy(jql)}) AND issuetype = ${jqlLiteral(site.issueTypeId)}`;
  let found: Set<string>;
  try {
    found = await searchIssueIds(deps.jiraAsUser, filter);
  } catch (error) {
    if (error instanceof JqlRejectedError) throw refusedFilter(error);
    throw error;
  }

  // The filter's issues can only be in projects the viewer browses; the read model is asked for the set-up ones.
  const models = await readKpiProjects(
    deps.store,
    site.projects.map((project) => project.id),
  );
  const facts: KpiFacts[] = [];
  const projects: CountedProject[] = [];
  const held = new Set<string>();
  for (const project of site.projects) {
    const model = models.get(project.id);
    if (model == null) continue;
    let used = false;
    for (const [issueId, entry] of await readKpiFacts(deps.store, project.id))
      if (found.has(issueId)) {
        facts.push(entry.facts);
        held.add(issueId);
        used = true;
      }
    if (used) projects.push({ key: project.key, source: 'read-model', asOf: model.asOf });
  }
  const unbuilt = site.projects.filter((project) => models.get(project.id) == null);
  if (unbuilt.length > 0)
    await requestKpiRebuild(
      deps,
      unbuilt.map((project) => project.id),
    );

  const missing = [...found].filter((issueId) => !held.has(issueId) && /^\d+$/.test(issueId));
  const readNow = missing.slice(0, LIVE_LIMIT);
  let unreadable = 0;
  for (let start = 0; start < readNow.length; start += IDS_PER_QUERY) {
    const ids = readNow.slice(start, start + IDS_PER_QUERY).join(', ');
    const live = await countLive(
      deps.jiraAsUser,
      site,
      `id in (${ids}) AND issuetype = ${jqlLiteral(site.issueTypeId)} ORDER BY id ASC`,
    );
    facts.push(...live.facts);
    unreadable += live.unreadable;
  }
  if (readNow.length > 0)
    notes.push(`${String(readNow.length)} of the filter's exceptions were counted straight from Jira.`);
  if (missing.length > readNow.length)
    notes.push(
      `${String(missing.length - readNow.length)} of the filter's exceptions are not counted yet; the app is still counting them for the first time.`,
    );
  if (unreadable > 0)
    notes.push(
      `${String(unreadable)} of the filter's exceptions cannot be read by the app and are not counted.`,
    );
  return { summaries: [summarizeFacts(facts)], projects, notes };
};
