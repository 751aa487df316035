/**
 * A gadget scoped to set-up projects (all of them, or those chosen): the read model's summary of each project the
 * viewer may browse, plus the secured issues (issue security levels) the viewer may see.
 *
 * Secured issues are kept out of the project summaries (kpi-read-model.ts), so a summary never holds an issue some
 * browser of the project may not see. Because a level can be set on an issue after the read model last heard of it,
 * the levels are asked of Jira on every view: one id-only search as the app finds every secured exception now, one as
 * the viewer finds those they may see. An issue secured now that the summary still counts is taken out of it for
 * this viewer; one the read model holds as secured that no longer is, counted for anyone who may browse its project.
 */
import { addFacts, removeFacts, summarizeFacts, type KpiSummary } from '../../domain/kpi/kpi-summary';
import type { KpiFacts } from '../../domain/kpi/kpi-facts';
import { jqlLiteral } from '../jql-literal';
import type { SiteConfig } from '../site-config';
import { countLive } from './count-live';
import type { Counted, CountedProject } from './counted';
import type { GetKpisDependencies } from './get-kpis';
import { readKpiFacts, readKpiProjects } from './kpi-read-model';
import { requestKpiRebuild } from './request-kpi-rebuild';
import { searchIssueIds, searchIssueProjects } from './search-issue-ids';

/** A project not built yet is counted live as the viewer up to this many exceptions (a few seconds of reading). */
export const LIVE_LIMIT = 2000;

type Project = SiteConfig['projects'][number];

const plural = (count: number, one: string, many: string): string =>
  `${String(count)} ${count === 1 ? one : many}`;

const exceptionsJql = (site: SiteConfig, projects: readonly Project[], more = ''): string =>
  `project in (${projects.map((project) => jqlLiteral(project.key)).join(', ')}) AND issuetype = ${jqlLiteral(site.issueTypeId)}${more}`;

const browsableOf = async (deps: GetKpisDependencies, projects: readonly Project[]): Promise<Project[]> => {
  const seen = await Promise.all(
    projects.map(async (project) =>
      (await deps.jiraAsUser.callerCanBrowseProject(project.key)) ? project : null,
    ),
  );
  return seen.filter((project): project is Project => project !== null);
};

/** The project's summary as this viewer may see it, given the secured issues Jira reports now. */
const summaryForViewer = async (
  deps: GetKpisDependencies,
  project: Project,
  model: { summary: KpiSummary; securedFacts: ReadonlyMap<string, KpiFacts> },
  securedNow: ReadonlyMap<string, string>,
  visibleSecured: ReadonlySet<string>,
): Promise<KpiSummary> => {
  let summary = model.summary;
  for (const [issueId, facts] of model.securedFacts)
    if (!securedNow.has(issueId) || visibleSecured.has(issueId)) summary = addFacts(summary, facts);
  const hiddenInSummary = [...securedNow]
    .filter(([, projectId]) => projectId === project.id)
    .map(([issueId]) => issueId)
    .filter((issueId) => !visibleSecured.has(issueId) && !model.securedFacts.has(issueId));
  if (hiddenInSummary.length === 0) return summary;
  // Secured since the read model last heard of the issue: read its facts to take it out (rare, so read only now).
  const stored = await readKpiFacts(deps.store, project.id);
  for (const issueId of hiddenInSummary) {
    const entry = stored.get(issueId);
    if (entry !== undefined && !entry.secured) summary = removeFacts(summary, entry.facts);
  }
  return summary;
};

export const countProjects = async (
  projectKeys: readonly string[] | undefined,
  site: SiteConfig,
  deps: GetKpisDependencies,
): Promise<Counted> => {
  const notes: string[] = [];
  const requested =
    projectKeys === undefined
      ? site.projects
      : site.projects.filter((project) => projectKeys.includes(project.key));
  const browsable = await browsableOf(deps, requested);
  if (projectKeys !== undefined) {
    // Not set up and not browsable read alike, so the note reveals nothing about projects the viewer cannot see.
    const leftOut = new Set(projectKeys).size - browsable.length;
    if (leftOut > 0)
      notes.push(
        `${plural(leftOut, 'chosen project is', 'chosen projects are')} not counted: the app is not set up in them, or you may not browse them.`,
      );
  }
  if (browsable.length === 0) return { summaries: [], projects: [], notes };

  const models = await readKpiProjects(
    deps.store,
    browsable.map((project) => project.id),
  );
  const built = browsable.filter((project) => models.get(project.id) != null);
  const securedJql = exceptionsJql(site, built, ' AND level is not EMPTY');
  const securedNow =
    built.length === 0 ? new Map<string, string>() : await searchIssueProjects(deps.jiraAsApp, securedJql);
  const visibleSecured =
    securedNow.size === 0 ? new Set<string>() : await searchIssueIds(deps.jiraAsUser, securedJql);

  const summaries: KpiSummary[] = [];
  const projects: CountedProject[] = [];
  for (const project of built) {
    const model = models.get(project.id);
    if (model == null) continue;
    summaries.push(await summaryForViewer(deps, project, model, securedNow, visibleSecured));
    projects.push({ key: project.key, source: 'read-model', asOf: model.asOf });
  }

  const unbuilt = browsable.filter((project) => models.get(project.id) == null);
  if (unbuilt.length > 0)
    await requestKpiRebuild(
      deps,
      unbuilt.map((project) => project.id),
    );
  for (const project of unbuilt) {
    const ids = await searchIssueIds(deps.jiraAsUser, exceptionsJql(site, [project]));
    if (ids.size > LIVE_LIMIT) {
      notes.push(
        `${project.key} is being counted for the first time (${plural(ids.size, 'exception', 'exceptions')}); its numbers appear here within a few minutes.`,
      );
      continue;
    }
    const live = await countLive(deps.jiraAsUser, site, `${exceptionsJql(site, [project])} ORDER BY id ASC`);
    summaries.push(summarizeFacts(live.facts));
    projects.push({ key: project.key, source: 'live', asOf: deps.clock.now() });
    if (live.unreadable > 0)
      notes.push(
        `${plural(live.unreadable, 'Exception issue', 'Exception issues')} in ${project.key} cannot be read by the app and ${live.unreadable === 1 ? 'is' : 'are'} not counted.`,
      );
  }
  return { summaries, projects, notes };
};
