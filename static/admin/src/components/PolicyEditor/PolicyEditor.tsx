/**
 * Every setting of the policy document (DESIGN.md §4, src/domain/policy-schema.ts), field by field: tiers, triage
 * and evidence rules, decision SLAs, caps, chronic escalation, reminders, KPI settings and each exception type's
 * pack. The document's version stamp (version, updatedAt, updatedBy) is the server's and is shown, not edited.
 */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import {
  EXCEPTION_TYPES,
  findingsRequiredByDefault,
  POLICY_BOUNDS,
  RISK_RATINGS,
} from '@contracts/policy-document';
import type { ReactNode } from 'react';
import {
  CheckboxField,
  ChoiceField,
  ControlsField,
  ListField,
  NumberField,
  TextAreaField,
  TextField,
} from '../PolicyFields';

const range = (bounds: { min: number; max: number }, unit: string): string =>
  `${bounds.min} to ${bounds.max} ${unit}`;

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <section style={{ marginBlockEnd: token('space.300') }}>
      <Heading as="h3" size="small">
        {title}
      </Heading>
      <div style={{ marginBlockStart: token('space.100') }}>{children}</div>
    </section>
  );
}

const B = POLICY_BOUNDS;

export function PolicyEditor() {
  return (
    <div>
      <Section title="Approval tiers">
        {RISK_RATINGS.map((rating) => (
          <div key={rating} style={{ marginBlockEnd: token('space.200') }}>
            <Heading as="h4" size="xsmall">
              {rating}
            </Heading>
            <NumberField
              path={['tiers', rating, 'maxDurationDays']}
              label={`${rating}: longest approval period (days)`}
              hint={range(B.periodDays, 'days')}
            />
            <ListField
              path={['tiers', rating, 'approverGroups']}
              label={`${rating}: approver groups`}
              hint="Jira group names, one a line; a member of any one may approve."
            />
          </div>
        ))}
      </Section>

      <Section title="Triage and requirements">
        <CheckboxField path={['autoApproveLow']} label="Auto-approve Low requests whose type allows it" />
        <NumberField
          path={['urgentAssetThreshold']}
          label="Urgent requests touching more than this many assets are raised one rating"
          hint={range(B.urgentAssetThreshold, 'assets')}
        />
        <ChoiceField
          path={['compensatingControlsFromTier']}
          label="Compensating controls required from"
          choices={RISK_RATINGS}
        />
        <ChoiceField path={['evidenceFromTier']} label="Evidence required from" choices={RISK_RATINGS} />
        <NumberField
          path={['justificationMinLength']}
          label="Shortest justification (letters or digits)"
          hint={range(B.justificationMinLength, 'letters or digits')}
        />
        <TextAreaField
          path={['justificationTemplate']}
          label="Justification template"
          hint="Submitting the template untouched is not a justification."
        />
        <CheckboxField path={['riskOwnerMayBeRequester']} label="The risk owner may be the requester" />
      </Section>

      <Section title="Decision SLA">
        <NumberField
          path={['decisionSlaHours', 'Urgent']}
          label="Urgent: decision within (hours)"
          hint={range(B.slaHours, 'hours')}
        />
        <NumberField
          path={['decisionSlaHours', 'Standard']}
          label="Standard: decision within (hours)"
          hint={range(B.slaHours, 'hours')}
        />
      </Section>

      <Section title="Reminders">
        <NumberField
          path={['reminders', 'fractionOfPeriod']}
          label="Remind at this fraction of the approval period"
          hint="Between 0 and 1, for example 0.75."
        />
        <NumberField
          path={['reminders', 'daysBeforeExpiry']}
          label="Remind this many days before expiry"
          hint={range(B.daysBeforeExpiry, 'days')}
        />
      </Section>

      <Section title="Caps and chronic cases">
        <NumberField
          path={['cumulativeCapDays']}
          label="Cumulative cap across renewals (days)"
          hint={range(B.cumulativeDays, 'days')}
        />
        <NumberField
          path={['chronic', 'recertifications']}
          label="Chronic after this many recertifications"
          hint={range(B.recertifications, 'recertifications')}
        />
        <NumberField
          path={['chronic', 'cumulativeDays']}
          label="Chronic after this many cumulative days"
          hint="At most the cumulative cap."
        />
        <TextField
          path={['escalation', 'projectKey']}
          label="Escalation project key"
          hint="Where chronic cases get a linked engineering issue; empty for none."
          nullable
        />
        <TextField path={['escalation', 'issueType']} label="Escalation issue type" />
      </Section>

      <Section title="KPI settings">
        <NumberField
          path={['kpi', 'assetInventorySize']}
          label="Assets in scope"
          hint="Empty when unknown: the assets-excepted share then shows no data."
          nullable
        />
        <NumberField
          path={['kpi', 'assetsExceptedTarget']}
          label="Target share of assets excepted"
          hint="From 0 to 1, for example 0.05."
        />
        <NumberField
          path={['kpi', 'decisionTargetHours']}
          label="Target decision time (hours)"
          hint={range(B.slaHours, 'hours')}
        />
      </Section>

      <Section title="Exception type packs">
        {EXCEPTION_TYPES.map((type) => (
          <div key={type} style={{ marginBlockEnd: token('space.300') }}>
            <Heading as="h4" size="xsmall">
              {type}
            </Heading>
            <ChoiceField
              path={['packs', type, 'defaultRating']}
              label={`${type}: provisional rating`}
              choices={RISK_RATINGS}
            />
            <CheckboxField
              path={['packs', type, 'autoApprovalAllowed']}
              label={`${type}: auto-approval allowed`}
            />
            <NumberField
              path={['packs', type, 'maxDurationDays']}
              label={`${type}: longest period (days)`}
              hint="Empty for the tier's cap; otherwise the smaller of the two applies."
              nullable
            />
            <CheckboxField path={['packs', type, 'evidenceRequired']} label={`${type}: evidence required`} />
            <CheckboxField
              path={['packs', type, 'findingsRequired']}
              label={`${type}: findings required (the vulnerabilities it suppresses)`}
              fallback={findingsRequiredByDefault(type)}
            />
            <TextAreaField
              path={['packs', type, 'restoreText']}
              label={`${type}: what to restore on revert`}
            />
            <ControlsField path={['packs', type, 'controls', 'cisV8']} label={`${type} CIS Controls v8`} />
            <ControlsField path={['packs', type, 'controls', 'iso27001']} label={`${type} ISO 27001`} />
            <ControlsField path={['packs', type, 'controls', 'soc2']} label={`${type} SOC 2`} />
          </div>
        ))}
      </Section>
    </div>
  );
}
