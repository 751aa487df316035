/**
 * The fields of the form (DESIGN.md §2) as Jira custom fields: name, type and searcher setup creates them
 * with, the types it accepts when adopting an existing field, and the options select and checkbox fields need.
 */
import { EXCEPTION_TYPES, RECERTIFICATION_CHECKS, RISK_RATINGS, URGENCIES } from '../../domain/vocabulary';
import type { LogicalField } from '../site-config';

const CF = 'com.atlassian.jira.plugin.system.customfieldtypes';

export const FIELD_TYPES = {
  select: `${CF}:select`,
  radio: `${CF}:radiobuttons`,
  checkboxes: `${CF}:multicheckboxes`,
  paragraph: `${CF}:textarea`,
  userPicker: `${CF}:userpicker`,
  datePicker: `${CF}:datepicker`,
  labels: `${CF}:labels`,
} as const;

/** What Jira's field administration calls these types, for messages to the admin. */
export const FIELD_TYPE_LABELS: Readonly<Record<string, string>> = {
  [FIELD_TYPES.select]: 'Select List (single choice)',
  [FIELD_TYPES.radio]: 'Radio Buttons',
  [FIELD_TYPES.checkboxes]: 'Checkboxes',
  [FIELD_TYPES.paragraph]: 'Paragraph',
  [FIELD_TYPES.userPicker]: 'User Picker (single user)',
  [FIELD_TYPES.datePicker]: 'Date Picker',
  [FIELD_TYPES.labels]: 'Labels',
  [`${CF}:textfield`]: 'Short text',
  [`${CF}:datetime`]: 'Date Time Picker',
  [`${CF}:multiselect`]: 'Select List (multiple choices)',
  [`${CF}:float`]: 'Number',
  [`${CF}:url`]: 'URL',
};

/** "a Date Picker field", for messages. */
export const aFieldOfType = (type: string | null): string =>
  type === null ? 'a field of unknown type' : `a ${FIELD_TYPE_LABELS[type] ?? type} field`;

const SEARCHERS: Readonly<Record<string, string>> = {
  [FIELD_TYPES.select]: `${CF}:multiselectsearcher`,
  [FIELD_TYPES.checkboxes]: `${CF}:multiselectsearcher`,
  [FIELD_TYPES.paragraph]: `${CF}:textsearcher`,
  [FIELD_TYPES.userPicker]: `${CF}:userpickergroupsearcher`,
  [FIELD_TYPES.datePicker]: `${CF}:daterange`,
  [FIELD_TYPES.labels]: `${CF}:labelsearcher`,
};

export interface FieldSpec {
  readonly name: string;
  readonly description: string;
  /** The type setup creates the field with. */
  readonly type: string;
  readonly searcherKey: string;
  /** Types an existing field may have to be adopted: values of these read and write alike. */
  readonly acceptedTypes: readonly string[];
  /** Options the field's context must offer (select, radio, checkboxes); empty for other types. */
  readonly options: readonly string[];
}

const spec = (
  name: string,
  description: string,
  type: string,
  options: readonly string[] = [],
  alsoAccepted: readonly string[] = [],
): FieldSpec => ({
  name,
  description,
  type,
  searcherKey: SEARCHERS[type] ?? '',
  acceptedTypes: [type, ...alsoAccepted],
  options,
});

export const FIELD_SPECS: Readonly<Record<LogicalField, FieldSpec>> = {
  exceptionType: spec(
    'Exception Type',
    'What kind of control the exception sets aside; drives routing, maximum duration and evidence.',
    FIELD_TYPES.select,
    EXCEPTION_TYPES,
    [FIELD_TYPES.radio],
  ),
  justification: spec(
    'Business Justification',
    'Why the exception is needed and what it affects.',
    FIELD_TYPES.paragraph,
  ),
  riskOwner: spec(
    'Risk Owner',
    'The person accountable for the risk while the exception is in force.',
    FIELD_TYPES.userPicker,
  ),
  compensatingControls: spec(
    'Compensating Controls',
    'What limits the exposure while the control is set aside.',
    FIELD_TYPES.paragraph,
  ),
  expirationDate: spec('Expiration Date', 'The last day the exception is valid.', FIELD_TYPES.datePicker),
  affectedAssets: spec(
    'Affected Assets',
    'Identifiers of the assets the exception covers, e.g. prod-db-01.',
    FIELD_TYPES.labels,
  ),
  urgency: spec(
    'Urgency',
    'Urgent: decision within 24 hours; Standard: within 5 days.',
    FIELD_TYPES.select,
    URGENCIES,
    [FIELD_TYPES.radio],
  ),
  remediationPlan: spec(
    'Remediation Plan',
    'How and when the control will be restored; required for legacy system support.',
    FIELD_TYPES.paragraph,
  ),
  riskRating: spec(
    'Risk Rating',
    'Set by the reviewer; decides the tier, the approver and the maximum duration.',
    FIELD_TYPES.select,
    RISK_RATINGS,
    [FIELD_TYPES.radio],
  ),
  recertificationChecklist: spec(
    'Recertification Checklist',
    'All three must hold to recertify the exception.',
    FIELD_TYPES.checkboxes,
    RECERTIFICATION_CHECKS,
  ),
  decisionReason: spec(
    'Decision Reason',
    'Why the exception was rejected or reverted, and what must be restored; given on the Reject and Revert screens.',
    FIELD_TYPES.paragraph,
  ),
  findings: spec(
    'Findings',
    'What the exception suppresses in the scanners, one a line: an id (CVE-2024-1234, GHSA-…, SNYK-JS-…), optionally followed by a purl (pkg:npm/lodash@4.17.20) or a path.',
    FIELD_TYPES.paragraph,
  ),
};
