/**
 * The screens setup creates (DESIGN.md §2–§3): the requester's create screen, the screen that shows the whole
 * exception (view and edit), the reviewer's transition screen for Approve, the recertification screen, the
 * decision screen of Reject and Revert (a Decision Reason field besides the comment box), and a comment-only
 * transition screen.
 */
import type { LogicalField } from '../site-config';
import { FIELD_SPECS } from './field-specs';

export type ScreenKey = 'create' | 'default' | 'review' | 'recertify' | 'decision' | 'comment';

/** A form field, or a system field by its Jira id. */
export type ScreenField = LogicalField | 'summary' | 'attachment';

export interface ScreenDefinition {
  readonly name: string;
  readonly description: string;
  readonly fields: readonly ScreenField[];
}

const REQUESTER_FIELDS: readonly ScreenField[] = [
  'summary',
  'exceptionType',
  'justification',
  'riskOwner',
  'compensatingControls',
  'expirationDate',
  'affectedAssets',
  'urgency',
  'remediationPlan',
  'findings',
];

export const SCREENS: Readonly<Record<ScreenKey, ScreenDefinition>> = {
  create: {
    name: 'Security Exception Create Screen',
    description: 'what a requester fills in to raise an exception (evidence as attachments).',
    fields: [...REQUESTER_FIELDS, 'attachment'],
  },
  default: {
    name: 'Security Exception Screen',
    description: 'the whole exception, for viewing and editing.',
    fields: [...REQUESTER_FIELDS, 'riskRating', 'recertificationChecklist'],
  },
  review: {
    name: 'Security Exception Review Screen',
    description: 'what an approver sets to approve.',
    fields: ['riskRating', 'compensatingControls', 'expirationDate'],
  },
  recertify: {
    name: 'Security Exception Recertify Screen',
    description: 'the checklist, a fresh justification and the new expiry, to recertify.',
    fields: ['recertificationChecklist', 'justification', 'expirationDate'],
  },
  /**
   * A REST `update.comment` is reported not to reach a validator's modifiedFields (FORGE_NOTES §16); a paragraph
   * field on the screen does (it is on the documented list), so the reason has a field of its own.
   */
  decision: {
    name: 'Security Exception Decision Screen',
    description: 'the reason for rejecting or reverting (Decision Reason, or the comment).',
    fields: ['decisionReason'],
  },
  comment: {
    name: 'Security Exception Comment Screen',
    description: 'the comment of a transition that asks for one (what information is missing).',
    fields: [],
  },
};

export const SCREEN_KEYS = Object.keys(SCREENS) as ScreenKey[];

const SYSTEM_FIELD_NAMES: Readonly<Record<'summary' | 'attachment', string>> = {
  summary: 'Summary',
  attachment: 'Attachment',
};

export const screenFieldName = (field: ScreenField): string =>
  field === 'summary' || field === 'attachment' ? SYSTEM_FIELD_NAMES[field] : FIELD_SPECS[field].name;

/** The Jira field id of a screen field: system fields by their own id, form fields by the site's. */
export const screenFieldId = (
  field: ScreenField,
  fieldIds: Readonly<Record<LogicalField, string>>,
): string => (field === 'summary' || field === 'attachment' ? field : fieldIds[field]);
