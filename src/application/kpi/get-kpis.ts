/**
 * getKpis (DESIGN.md §6, ISSUE 7 item 3): the KPI gadget's numbers for its scope and period, over only what the
 * viewer may browse, from the KPI read model instead of every issue (kpi-read-model.ts), computed by the same pure
 * function as `security-exceptions kpi` (kpiReportFromSummary), so both print the same JSON for the same data.
 *
 * What the viewer may see is decided by Jira as the viewer, never by the app: the projects by their Browse
 * permission; the issues of a project that carry an issue security level (kept out of the project summaries) by an
 * id-only search as the viewer; a JQL scope by running the JQL as the viewer. A project whose read model is not
 * built yet is counted live as the viewer when small, and otherwise left out with a note, while a rebuild is
 * requested: never counted from data the viewer could not read.
 */
import type { GadgetConfig, GetKpisRequest, GetKpisResponse } from '../../contracts/gadget-kpis';
import { DEFAULT_GADGET_CONFIG } from '../../contracts/gadget-kpis';
import type { Answered } from '../../contracts/refusal';
import { KpiOptionsError } from '../../domain/kpi/kpi-options-error';
import { resolveKpiPeriod, type KpiOptions } from '../../domain/kpi/kpi-period';
import { kpiReportFromSummary } from '../../domain/kpi/report-from-summary';
import { mergeKpiSummaries } from '../../domain/kpi/kpi-summary';
import type { Policy } from '../../domain/policy-schema';
import { addMonths, monthOf } from '../../domain/utc-days';
import { policyInForce } from '../policy/policy-store';
import type { Clock } from '../ports/clock';
import type { IssuesPort, ProjectBrowsingPort } from '../ports/jira-port';
import type { QueuePort } from '../ports/queue-port';
import type { StorePort } from '../ports/store-port';
import { RefusalError } from '../refusal-error';
import { readSiteConfig } from '../transitions/site-config-of';
import { openUseCase } from '../use-case';
import { countJqlScope } from './count-jql-scope';
import { countProjects } from './count-projects';
import type { Counted } from './counted';

export interface GetKpisDependencies {
  /** Jira as the viewer: their Browse permission, their searches. */
  readonly jiraAsUser: IssuesPort & ProjectBrowsingPort;
  /** Jira as the app, only to learn which exceptions carry an issue security level now (count-projects.ts). */
  readonly jiraAsApp: IssuesPort;
  readonly store: StorePort;
  readonly queue: QueuePort;
  readonly clock: Clock;
}

export const NOT_SET_UP_KPIS =
  "The Security Exceptions app is not set up on this site yet, so there are no numbers to show. A Jira admin can run the setup on the app's admin page.";

/** The gadget's period as the `kpi` command's options (DESIGN.md §6: calendar months, UTC). */
const kpiOptionsOf = (period: GadgetConfig['period'], now: string): KpiOptions =>
  period.kind === 'fixed'
    ? { from: period.from, to: period.to }
    : { from: addMonths(monthOf(now), 1 - period.months), to: monthOf(now) };

/** The policy with the gadget's own targets, where its edit mode set any. */
const withTargets = (policy: Policy, targets: GadgetConfig['targets'] = {}): Policy => {
  const { assetsExceptedTarget, decisionTargetHours } = targets;
  return {
    ...policy,
    kpi: {
      ...policy.kpi,
      ...(assetsExceptedTarget === undefined ? {} : { assetsExceptedTarget }),
      ...(decisionTargetHours === undefined ? {} : { decisionTargetHours }),
    },
  };
};

const oldest = (instants: readonly string[], fallback: string): string =>
  instants.reduce(
    (earliest, instant) => (Date.parse(instant) < Date.parse(earliest) ? instant : earliest),
    fallback,
  );

export const getKpis = openUseCase(async (request: GetKpisRequest, deps: GetKpisDependencies) => {
  const config = request.config ?? DEFAULT_GADGET_CONFIG;
  const site = await readSiteConfig(deps.store);
  if (site === undefined) throw new RefusalError('blocked', NOT_SET_UP_KPIS);
  const now = deps.clock.now();
  const options = kpiOptionsOf(config.period, now);
  try {
    resolveKpiPeriod(now, options);
  } catch (error) {
    if (error instanceof KpiOptionsError)
      throw new RefusalError('invalid-request', `period: ${error.message}`);
    throw error;
  }
  const policy = withTargets(await policyInForce(deps.store), config.targets);
  const counted: Counted =
    config.scope.kind === 'jql'
      ? await countJqlScope(config.scope.jql, site, deps)
      : await countProjects(config.scope.kind === 'all' ? undefined : config.scope.projectKeys, site, deps);
  return {
    ok: true,
    report: kpiReportFromSummary(mergeKpiSummaries(counted.summaries), policy, now, options),
    asOf: oldest(
      counted.projects.map((project) => project.asOf),
      now,
    ),
    projects: counted.projects,
    notes: counted.notes,
  } satisfies Answered<GetKpisResponse>;
});
