/**
 * The gadget's view mode: the KPIs of DESIGN.md §6 for the configured scope and period, how fresh they are, what
 * they leave out, and the loading, empty, refused and failed states.
 */
import { lazy, Suspense, useMemo } from 'react';
import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { GadgetConfig } from '@contracts/gadget-kpis';
import { ErrorState } from '@shared/components/ErrorState';
import { LoadingState } from '@shared/components/LoadingState';
import { RefusalMessage } from '@shared/components/RefusalMessage';
import type { KpiAnswer, KpiReport } from '../../api/get-kpis';
import { formatInstant, formatMonth } from '../../format/format-kpi';
import { useKpis } from '../../hooks/use-kpis';
import { kpiJql, type JqlScope } from '../../jql/kpi-jql';
import { KpiTiles } from '../KpiTiles';
import { TopList } from '../TopList';

// visx and d3 are the heaviest part of the view: the tiles show while the chart's chunk arrives (ISSUE 9 budget).
const VolumeChart = lazy(() => import('../VolumeChart').then((module) => ({ default: module.VolumeChart })));

export interface KpiViewProps {
  readonly config: GadgetConfig;
  readonly gadgetId: string | undefined;
  readonly siteUrl: string;
  /** The saved configuration could not be read, so the default is shown. */
  readonly configUnreadable: boolean;
}

/** Nothing at all to count: no exception created, open, in force or decided. */
const isEmpty = (report: KpiReport): boolean =>
  Object.values(report.volumeByMonth).every((count) => count === 0) &&
  report.overdueShare.denominator === 0 &&
  report.controlsCoverage.denominator === 0 &&
  report.withinSla.denominator === 0 &&
  report.approvalHours.count === 0 &&
  report.autoApproved === 0 &&
  report.openEnded === 0;

const SOURCE_WORDS = { 'read-model': 'counted', live: 'counted live' } as const;

function Freshness({ answer }: { readonly answer: KpiAnswer }) {
  const projects = answer.projects.map((project) => project.key);
  return (
    <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtle') }}>
      As of {formatInstant(answer.asOf)} ·{' '}
      {projects.length === 0 ? 'No project counted' : `Projects: ${projects.join(', ')}`}
      {answer.projects.some((project) => project.source === 'live') &&
        ` (${answer.projects
          .filter((project) => project.source === 'live')
          .map((project) => `${project.key} ${SOURCE_WORDS.live}`)
          .join(', ')})`}
    </p>
  );
}

function Report({
  answer,
  config,
  siteUrl,
}: {
  readonly answer: KpiAnswer;
  readonly config: GadgetConfig;
  readonly siteUrl: string;
}) {
  const { report } = answer;
  const scope: JqlScope = useMemo(
    () => ({ scope: config.scope, projectKeys: answer.projects.map((project) => project.key) }),
    [config.scope, answer.projects],
  );
  const { from, to } = report.period;
  const heading = `Security exceptions, ${formatMonth(from)} – ${formatMonth(to)}`;
  return (
    <>
      <h1 style={{ margin: 0, font: token('font.heading.small') }}>{heading}</h1>
      <Freshness answer={answer} />
      {answer.notes.length > 0 && (
        <SectionMessage appearance="information" title="About these numbers">
          <ul style={{ margin: 0 }}>
            {answer.notes.map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        </SectionMessage>
      )}
      {isEmpty(report) ? (
        <EmptyState
          headingLevel={2}
          header="No security exceptions yet"
          description="Nothing in this gadget's projects or filter has been raised, decided or is in force. Exceptions appear here as soon as they are created."
        />
      ) : (
        <>
          <h2 style={{ margin: 0, font: token('font.heading.xsmall') }}>Key indicators</h2>
          <KpiTiles report={report} scope={scope} siteUrl={siteUrl} />
          <h2 style={{ margin: 0, font: token('font.heading.xsmall') }}>Volume by month</h2>
          <Suspense fallback={<LoadingState label="Loading the chart" />}>
            <VolumeChart volumeByMonth={report.volumeByMonth} />
          </Suspense>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
              gap: token('space.200'),
            }}
          >
            <TopList
              title="Top exception types"
              items={report.topTypes}
              jqlFor={(name) => kpiJql.typeCreated(scope, name, from, to)}
              trend={report.trend.types}
              siteUrl={siteUrl}
              emptyText="No exception created in the period"
            />
            <TopList
              title="Top assets"
              items={report.topAssets}
              jqlFor={(name) => kpiJql.assetCreated(scope, name, from, to)}
              trend={report.trend.assets}
              siteUrl={siteUrl}
              emptyText="No exception created in the period"
            />
          </div>
        </>
      )}
    </>
  );
}

export function KpiView({ config, gadgetId, siteUrl, configUnreadable }: KpiViewProps) {
  const { state, reload } = useKpis(config, gadgetId);
  return (
    <main
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.150'),
        padding: token('space.100'),
        color: token('color.text'),
      }}
    >
      {configUnreadable && (
        <SectionMessage appearance="warning" title="Showing the default settings">
          <p>
            This gadget&apos;s saved settings could not be read, so it shows every set-up project over the
            last 12 months. Edit the gadget to choose its settings again.
          </p>
        </SectionMessage>
      )}
      {state.status === 'loading' && <LoadingState label="Loading the KPIs" />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'refused' && <RefusalMessage refusal={state.refusal} />}
      {state.status === 'answered' && (
        <>
          {state.refreshing && <LoadingState label="Refreshing the KPIs" />}
          <Report answer={state.answer} config={config} siteUrl={siteUrl} />
        </>
      )}
    </main>
  );
}
