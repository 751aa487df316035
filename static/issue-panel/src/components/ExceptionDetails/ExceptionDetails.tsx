/**
 * An Exception issue as the panel shows it (ISSUE 8): status, tier and who must approve, the risk owner, the current
 * period and its days left, the next action the app will take, the recertification checklist, and what the policy
 * says about each transition the viewer could try.
 */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ExceptionSummary } from '@contracts/issue-panel';
import { ROUTE_LABELS, STATUS_APPEARANCE } from '../../format/labels';
import { NextAction } from '../NextAction';
import { PeriodProgress } from '../PeriodProgress';
import { RecertificationChecklist } from '../RecertificationChecklist';
import { ScannerFindings } from '../ScannerFindings';
import { TransitionChecks } from '../TransitionChecks';

export interface ExceptionDetailsProps {
  readonly summary: ExceptionSummary;
  readonly locale: string | undefined;
  readonly now: Date;
}

const stackStyle = { display: 'flex', flexDirection: 'column', gap: token('space.200') } as const;
const headingStyle = { font: token('font.heading.small'), color: token('color.text'), margin: 0 };
const subheadingStyle = {
  font: token('font.heading.xsmall'),
  color: token('color.text'),
  margin: `0 0 ${token('space.100')}`,
};
const termStyle = { color: token('color.text.subtle'), fontWeight: token('font.weight.medium') };
const listStyle = {
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  columnGap: token('space.200'),
  rowGap: token('space.100'),
  margin: 0,
};

function approversText(summary: ExceptionSummary): string {
  if (summary.approverGroups.length === 0)
    return 'No approver group is set for this tier; a Jira admin sets one in the policy.';
  const groups = summary.approverGroups.join(', ');
  return summary.approverGroups.length === 1 ? `Members of ${groups}` : `A member of any of: ${groups}`;
}

function RiskOwner({ owner }: { owner: ExceptionSummary['riskOwner'] }) {
  if (owner === null) return <>Not set</>;
  if (owner.active) return <>{owner.displayName}</>;
  return (
    <>
      {owner.displayName} <Lozenge appearance="removed">Inactive</Lozenge>
      <br />
      This account is deactivated: name an active risk owner.
    </>
  );
}

export function ExceptionDetails({ summary, locale, now }: ExceptionDetailsProps) {
  return (
    <div style={stackStyle}>
      <h1 style={headingStyle}>Security exception {summary.key}</h1>
      <dl style={listStyle}>
        <dt style={termStyle}>Status</dt>
        <dd style={{ margin: 0 }}>
          <Lozenge appearance={STATUS_APPEARANCE[summary.status]}>{summary.status}</Lozenge>
        </dd>
        <dt style={termStyle}>Tier</dt>
        <dd style={{ margin: 0 }}>{summary.tier}</dd>
        <dt style={termStyle}>Route</dt>
        <dd style={{ margin: 0 }}>{ROUTE_LABELS[summary.route]}</dd>
        <dt style={termStyle}>Who must approve</dt>
        <dd style={{ margin: 0 }}>{approversText(summary)}</dd>
        <dt style={termStyle}>Risk owner</dt>
        <dd style={{ margin: 0 }}>
          <RiskOwner owner={summary.riskOwner} />
        </dd>
      </dl>

      <section aria-labelledby="period-heading">
        <h2 id="period-heading" style={subheadingStyle}>
          Current period
        </h2>
        {summary.period === null ? (
          <p>Not approved yet: no period is running.</p>
        ) : (
          <PeriodProgress period={summary.period} locale={locale} />
        )}
      </section>

      <section aria-labelledby="next-action-heading">
        <h2 id="next-action-heading" style={subheadingStyle}>
          Next action by the app
        </h2>
        <NextAction nextAction={summary.nextAction} locale={locale} now={now} />
      </section>

      {summary.checklist !== null && (
        <section aria-labelledby="checklist-heading">
          <h2 id="checklist-heading" style={subheadingStyle}>
            Recertification checklist
          </h2>
          <RecertificationChecklist checklist={summary.checklist} />
        </section>
      )}

      {summary.findings !== undefined && summary.findings.length > 0 && (
        <section aria-labelledby="findings-heading">
          <h2 id="findings-heading" style={subheadingStyle}>
            Scanner findings
          </h2>
          <ScannerFindings findings={summary.findings} suppression={summary.suppression} />
        </section>
      )}

      <section aria-labelledby="transitions-heading">
        <h2 id="transitions-heading" style={subheadingStyle}>
          Next steps
        </h2>
        <TransitionChecks transitions={summary.transitions} />
      </section>
    </div>
  );
}
