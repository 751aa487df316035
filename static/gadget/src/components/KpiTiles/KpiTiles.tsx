/**
 * A tile for each KPI of DESIGN.md §6, in the order §6 lists them. Numbers with a query that finds exactly (or,
 * as said in kpi-jql.ts, nearly) their issues link to it; the others (approval time, auto-approved, assets excepted,
 * within SLA) are computed from the lifecycle history or the asset inventory, which JQL cannot reach.
 */
import { token } from '@atlaskit/tokens';
import type { KpiReport, KpiShare } from '../../api/get-kpis';
import {
  NO_DATA,
  formatCount,
  formatHours,
  formatMonth,
  formatPercent,
  formatShare,
} from '../../format/format-kpi';
import { kpiJql, type JqlScope } from '../../jql/kpi-jql';
import { KpiLink } from '../KpiLink';
import { KpiTile } from '../KpiTile';

export interface KpiTilesProps {
  readonly report: KpiReport;
  readonly scope: JqlScope;
  readonly siteUrl: string;
}

const totalVolume = (report: KpiReport): number =>
  Object.values(report.volumeByMonth).reduce((sum, count) => sum + count, 0);

/** "3 of 24 open", each count linked when a query finds it. */
function ShareDetail({
  share,
  noun,
  numeratorJql,
  denominatorJql,
  siteUrl,
  what,
}: {
  readonly share: KpiShare;
  readonly noun: string;
  readonly numeratorJql?: string;
  readonly denominatorJql?: string;
  readonly siteUrl: string;
  readonly what: string;
}) {
  if (share.denominator === 0) return <>Nothing to count yet</>;
  const numerator = formatCount(share.numerator);
  const denominator = formatCount(share.denominator);
  return (
    <>
      {numeratorJql === undefined ? (
        numerator
      ) : (
        <KpiLink jql={numeratorJql} siteUrl={siteUrl} label={`Open the ${numerator} ${what} in Jira`}>
          {numerator}
        </KpiLink>
      )}{' '}
      of{' '}
      {denominatorJql === undefined ? (
        denominator
      ) : (
        <KpiLink jql={denominatorJql} siteUrl={siteUrl} label={`Open all ${denominator} ${noun} in Jira`}>
          {denominator}
        </KpiLink>
      )}{' '}
      {noun}
    </>
  );
}

export function KpiTiles({ report, scope, siteUrl }: KpiTilesProps) {
  const { period, approvalHours, targets } = report;
  const volume = formatCount(totalVolume(report));
  const periodText = `${formatMonth(period.from)} – ${formatMonth(period.to)}`;
  const overdueValue = formatShare(report.overdueShare);
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
        gap: token('space.100'),
      }}
    >
      <KpiTile
        title="Volume"
        value={
          <KpiLink
            jql={kpiJql.created(scope, period.from, period.to)}
            siteUrl={siteUrl}
            label={`Open the ${volume} exceptions created ${periodText} in Jira`}
          >
            {volume}
          </KpiLink>
        }
        detail={`Created ${periodText}`}
      />
      <KpiTile
        title="Approval time (mean)"
        value={formatHours(approvalHours.mean)}
        detail={
          approvalHours.count === 0
            ? 'No approvals in the period'
            : `Median ${formatHours(approvalHours.median)} · p90 ${formatHours(approvalHours.p90)} · ${formatCount(approvalHours.count)} approved`
        }
        target={`Target: mean ≤ ${formatHours(targets.decisionHours.target)}`}
        met={targets.decisionHours.met}
      />
      <KpiTile
        title="Auto-approved"
        value={formatCount(report.autoApproved)}
        detail="Approved by policy, left out of approval time"
      />
      <KpiTile
        title="Overdue"
        value={
          report.overdueShare.value === null ? (
            NO_DATA
          ) : (
            <KpiLink
              jql={kpiJql.overdue(scope)}
              siteUrl={siteUrl}
              label={`Open the ${formatCount(report.overdueShare.numerator)} overdue exceptions in Jira`}
            >
              {overdueValue}
            </KpiLink>
          )
        }
        detail={
          <ShareDetail
            share={report.overdueShare}
            noun="open"
            what="overdue exceptions"
            numeratorJql={kpiJql.overdue(scope)}
            denominatorJql={kpiJql.open(scope)}
            siteUrl={siteUrl}
          />
        }
        target={`Target: ${formatPercent(targets.overdue.target)}`}
        met={targets.overdue.met}
      />
      <KpiTile
        title="Controls coverage"
        value={formatShare(report.controlsCoverage)}
        detail={
          <ShareDetail
            share={report.controlsCoverage}
            noun="in force"
            what="in-force exceptions with compensating controls"
            numeratorJql={kpiJql.inForceWithControls(scope)}
            denominatorJql={kpiJql.inForce(scope)}
            siteUrl={siteUrl}
          />
        }
      />
      <KpiTile
        title="Assets excepted"
        value={formatShare(report.assetsExcepted)}
        detail={<ShareDetail share={report.assetsExcepted} noun="assets" what="assets" siteUrl={siteUrl} />}
        target={`Target: below ${formatPercent(targets.assetsExcepted.target)}`}
        met={targets.assetsExcepted.met}
      />
      <KpiTile
        title="Decided within SLA"
        value={formatShare(report.withinSla)}
        detail={<ShareDetail share={report.withinSla} noun="decided" what="decisions" siteUrl={siteUrl} />}
      />
      <KpiTile
        title="Open-ended"
        value={
          <KpiLink
            jql={kpiJql.openEnded(scope)}
            siteUrl={siteUrl}
            label={`Open the ${formatCount(report.openEnded)} open-ended exceptions in Jira`}
          >
            {formatCount(report.openEnded)}
          </KpiLink>
        }
        detail="In force without an expiration date"
        target={`Target: ${formatCount(targets.openEnded.target)}`}
        met={targets.openEnded.met}
      />
    </div>
  );
}
