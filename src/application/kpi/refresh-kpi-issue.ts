/**
 * After the app changed an exception (a transition recorded, triage on create, a sweep action, a decision sent back
 * for review), bring the project's KPI model up to date with it: read the issue once as the app (the fields the
 * mapping reads, `security`, the lifecycle property) and apply it (applyKpiChange). An issue that is no longer an
 * Exception of a set-up project leaves the model of the project it is in.
 */
import { z } from 'zod';
import { KpiSummaryMismatchError } from '../../domain/kpi';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import type { Clock } from '../ports/clock';
import type { IssuesPort } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';
import { readSiteConfig } from '../transitions/site-config-of';
import { applyKpiChange, hasModel, type KpiChangeOutcome } from './kpi-read-model';
import { kpiKeys } from './kpi-store-layout';
import { entryOf, isSecured, kpiFieldIds } from './rebuild-kpi-project';

export interface RefreshKpiDependencies {
  readonly jiraAsApp: IssuesPort;
  readonly store: StorePort;
  readonly clock: Clock;
}

const RefSchema = z.object({ id: z.union([z.string(), z.number()]).transform(String) });

export const refreshKpiIssue = async (
  deps: RefreshKpiDependencies,
  issueIdOrKey: string,
): Promise<KpiChangeOutcome | 'not-ours'> => {
  const config = await readSiteConfig(deps.store);
  if (config === undefined) return 'not-ours';
  // A key names its project: while that project has no model (nor a rebuild under way) there is nothing to keep
  // up to date, so Jira is not even asked (the rebuild reads the issue as it is then).
  const keyProject = config.projects.find((project) =>
    issueIdOrKey.toUpperCase().startsWith(`${project.key.toUpperCase()}-`),
  );
  if (keyProject !== undefined && !(await hasModel(deps.store, keyProject.id))) return 'not-built';
  const issue = await deps.jiraAsApp.getIssue(issueIdOrKey, {
    fields: kpiFieldIds(config),
    properties: [LIFECYCLE_PROPERTY_KEY],
  });
  const project = RefSchema.safeParse(issue.fields.project);
  if (!project.success || !config.projects.some((known) => known.id === project.data.id)) return 'not-ours';
  const issueType = RefSchema.safeParse(issue.fields.issuetype);
  const isException = issueType.success && issueType.data.id === config.issueTypeId;
  const entry = isException ? entryOf(issue, config) : undefined;
  try {
    return await applyKpiChange(deps, {
      projectId: project.data.id,
      issueId: issue.id,
      record: entry === undefined ? null : entry.record,
      secured: isSecured(issue),
    });
  } catch (error) {
    // The stored summary does not hold what its buckets say it should (tampered with, or a bug): it cannot be
    // mended one issue at a time, so the project is unbuilt again. The gadget then counts it live and asks for a
    // rebuild, as the hourly sweep does for a project without a model.
    if (error instanceof KpiSummaryMismatchError) await deps.store.delete(kpiKeys.manifest(project.data.id));
    throw error;
  }
};

/**
 * refreshKpiIssue for the use cases that change an exception: their own work is done and must not fail for the
 * read model's sake. A refresh that fails leaves the model behind by this one issue until the next change to it or
 * the daily rebuild (request-kpi-rebuilds.ts), which the answer `failed` says.
 */
export const refreshKpiIssueQuietly = (
  deps: RefreshKpiDependencies,
  issueIdOrKey: string,
): Promise<KpiChangeOutcome | 'not-ours' | 'failed'> =>
  refreshKpiIssue(deps, issueIdOrKey).catch(() => 'failed' as const);
