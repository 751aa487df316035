import type { FieldValueKind, SimField } from './model';

const CF = 'com.atlassian.jira.plugin.system.customfieldtypes';

interface CustomFieldType {
  readonly kind: FieldValueKind;
  readonly schema: { type: string; items?: string };
  readonly searcherKey: string;
}

/** The classic custom field types an app like this provisions (POST /rest/api/3/field `type`). */
export const CUSTOM_FIELD_TYPES: Readonly<Record<string, CustomFieldType>> = {
  [`${CF}:select`]: { kind: 'option', schema: { type: 'option' }, searcherKey: `${CF}:multiselectsearcher` },
  [`${CF}:radiobuttons`]: {
    kind: 'option',
    schema: { type: 'option' },
    searcherKey: `${CF}:multiselectsearcher`,
  },
  [`${CF}:multiselect`]: {
    kind: 'options',
    schema: { type: 'array', items: 'option' },
    searcherKey: `${CF}:multiselectsearcher`,
  },
  [`${CF}:multicheckboxes`]: {
    kind: 'options',
    schema: { type: 'array', items: 'option' },
    searcherKey: `${CF}:multiselectsearcher`,
  },
  [`${CF}:textarea`]: { kind: 'adf', schema: { type: 'string' }, searcherKey: `${CF}:textsearcher` },
  [`${CF}:textfield`]: { kind: 'string', schema: { type: 'string' }, searcherKey: `${CF}:textsearcher` },
  [`${CF}:url`]: { kind: 'string', schema: { type: 'string' }, searcherKey: `${CF}:exacttextsearcher` },
  [`${CF}:userpicker`]: {
    kind: 'user',
    schema: { type: 'user' },
    searcherKey: `${CF}:userpickergroupsearcher`,
  },
  [`${CF}:datepicker`]: { kind: 'date', schema: { type: 'date' }, searcherKey: `${CF}:daterange` },
  [`${CF}:datetime`]: { kind: 'datetime', schema: { type: 'datetime' }, searcherKey: `${CF}:datetimerange` },
  [`${CF}:labels`]: {
    kind: 'labels',
    schema: { type: 'array', items: 'string' },
    searcherKey: `${CF}:labelsearcher`,
  },
  [`${CF}:float`]: { kind: 'number', schema: { type: 'number' }, searcherKey: `${CF}:exactnumber` },
};

/** Short names accepted by the seed helpers: 'select' → com.atlassian…:select. */
export const customFieldTypeKey = (type: string): string => (type.includes(':') ? type : `${CF}:${type}`);

/** Forge custom field `type`s (manifest jira:customField) and how the simulator stores them. */
export const FORGE_FIELD_KINDS: Readonly<Record<string, FieldValueKind>> = {
  string: 'string',
  number: 'number',
  user: 'user',
  group: 'any',
  date: 'date',
  datetime: 'datetime',
  object: 'any',
};

const system = (
  id: string,
  name: string,
  kind: FieldValueKind,
  schema: SimField['schema'] | undefined,
  options: { editable?: boolean; navigable?: boolean; clauseNames?: string[] } = {},
): SimField => ({
  id,
  key: id,
  name,
  description: '',
  custom: false,
  schema: schema ?? { type: 'string', system: id },
  searcherKey: undefined,
  kind,
  editable: options.editable ?? false,
  navigable: options.navigable ?? true,
  clauseNames: options.clauseNames ?? [id],
});

/** The system fields the simulator knows; GET /field lists them before the custom fields. */
export const systemFields = (): SimField[] => [
  system('summary', 'Summary', 'string', { type: 'string', system: 'summary' }, { editable: true }),
  system('description', 'Description', 'adf', { type: 'string', system: 'description' }, { editable: true }),
  system(
    'issuetype',
    'Issue Type',
    'any',
    { type: 'issuetype', system: 'issuetype' },
    {
      clauseNames: ['issuetype', 'type'],
    },
  ),
  system('project', 'Project', 'any', { type: 'project', system: 'project' }),
  system('status', 'Status', 'any', { type: 'status', system: 'status' }),
  system('reporter', 'Reporter', 'user', { type: 'user', system: 'reporter' }, { editable: true }),
  system('creator', 'Creator', 'user', { type: 'user', system: 'creator' }),
  system('assignee', 'Assignee', 'user', { type: 'user', system: 'assignee' }, { editable: true }),
  system(
    'created',
    'Created',
    'datetime',
    { type: 'datetime', system: 'created' },
    {
      clauseNames: ['created', 'createdDate'],
    },
  ),
  system(
    'updated',
    'Updated',
    'datetime',
    { type: 'datetime', system: 'updated' },
    {
      clauseNames: ['updated', 'updatedDate'],
    },
  ),
  system(
    'labels',
    'Labels',
    'labels',
    { type: 'array', items: 'string', system: 'labels' },
    { editable: true },
  ),
  system('duedate', 'Due date', 'date', { type: 'date', system: 'duedate' }, { editable: true }),
  system('attachment', 'Attachment', 'any', { type: 'array', items: 'attachment', system: 'attachment' }),
  system('issuelinks', 'Linked Issues', 'any', { type: 'array', items: 'issuelinks', system: 'issuelinks' }),
  system(
    'security',
    'Security Level',
    'any',
    { type: 'securitylevel', system: 'security' },
    {
      clauseNames: ['level'],
    },
  ),
  system('comment', 'Comment', 'any', { type: 'comments-page', system: 'comment' }, { navigable: false }),
];
