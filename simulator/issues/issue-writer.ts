import type { SimState } from '../state/sim-state';
import type { SimChangeHistory, SimChangeItem, SimComment, SimField, SimIssue } from '../state/model';
import { asText, displayFieldValue, FieldValueError, INVALID_ADF, normalizeFieldValue } from './field-values';

/** Every field Jira refused in one request, as Jira lists them: {errors: {fieldId: message}}. */
export class FieldErrors extends Error {
  constructor(readonly errors: Readonly<Record<string, string>>) {
    super(
      Object.entries(errors)
        .map(([field, message]) => `${field}: ${message}`)
        .join('; '),
    );
    this.name = 'FieldErrors';
  }
}

export interface FieldEdits {
  /** field id → new stored value */
  readonly values: Map<string, unknown>;
  /** ADF bodies of comments added through update.comment */
  readonly comments: unknown[];
}

export interface IssueWhere {
  readonly projectId: string;
  readonly issueTypeId: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const cannotBeSet = (fieldId: string): string =>
  `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;

const currentStored = (issue: SimIssue | undefined, fieldId: string): unknown => {
  if (issue === undefined) return null;
  if (fieldId === 'reporter') return issue.reporterAccountId;
  return issue.fields.get(fieldId) ?? null;
};

/** Applies update operations ({add}, {remove}, {set}) on top of the current stored value. */
const applyOperations = (
  state: SimState,
  field: SimField,
  where: IssueWhere,
  current: unknown,
  operations: readonly unknown[],
): unknown => {
  let value = current;
  for (const operation of operations) {
    if (!isRecord(operation)) throw new FieldValueError(field.id, 'Operation must be an object');
    if ('set' in operation) {
      value = normalizeFieldValue(state, field, where, operation.set);
    } else if (
      (field.kind === 'labels' || field.kind === 'options') &&
      ('add' in operation || 'remove' in operation)
    ) {
      const list = Array.isArray(value) ? (value as string[]) : [];
      const item = 'add' in operation ? operation.add : operation.remove;
      const [normalized] = normalizeFieldValue(state, field, where, [item]) as string[];
      if (normalized === undefined)
        throw new FieldValueError(field.id, `Specify a valid value for ${field.name}`);
      value =
        'add' in operation
          ? [...new Set([...list, normalized])]
          : list.filter((entry) => entry !== normalized);
    } else {
      const verb = Object.keys(operation)[0] ?? '(none)';
      throw new FieldValueError(field.id, `Operation '${verb}' is not supported for field '${field.id}'.`);
    }
  }
  return value;
};

/**
 * Reads the `fields` and `update` of create / edit / transition into stored values, collecting every refusal.
 * Fields are addressed by id (or a Forge field's key); `allowed` lists non-editable fields a create may set.
 */
export const prepareEdits = (
  state: SimState,
  issue: SimIssue | undefined,
  where: IssueWhere,
  input: { fields?: Record<string, unknown> | undefined; update?: Record<string, unknown> | undefined },
): FieldEdits => {
  const errors: Record<string, string> = {};
  const values = new Map<string, unknown>();
  const comments: unknown[] = [];
  const fieldFor = (id: string): SimField | undefined => {
    const field =
      state.fields.get(id) ?? [...state.fields.values()].find((candidate) => candidate.key === id);
    return field?.editable === true ? field : undefined;
  };
  for (const [id, value] of Object.entries(input.fields ?? {})) {
    const field = fieldFor(id);
    if (field === undefined) {
      errors[id] = cannotBeSet(id);
      continue;
    }
    try {
      values.set(field.id, normalizeFieldValue(state, field, where, value));
    } catch (error) {
      if (!(error instanceof FieldValueError)) throw error;
      errors[field.id] = error.message;
    }
  }
  for (const [id, operations] of Object.entries(input.update ?? {})) {
    if (id === 'comment') {
      for (const operation of Array.isArray(operations) ? operations : []) {
        const body = isRecord(operation) && isRecord(operation.add) ? operation.add.body : undefined;
        if (body === undefined || !state.isValidAdf(body)) errors.comment = INVALID_ADF;
        else comments.push(body);
      }
      continue;
    }
    const field = fieldFor(id);
    if (field === undefined || values.has(field.id)) {
      errors[id] =
        field === undefined ? cannotBeSet(id) : `Field '${id}' cannot be set in both fields and update.`;
      continue;
    }
    try {
      values.set(
        field.id,
        applyOperations(
          state,
          field,
          where,
          currentStored(issue, field.id),
          Array.isArray(operations) ? operations : [],
        ),
      );
    } catch (error) {
      if (!(error instanceof FieldValueError)) throw error;
      errors[field.id] = error.message;
    }
  }
  if (Object.keys(errors).length > 0) throw new FieldErrors(errors);
  return { values, comments };
};

export const changeItem = (
  state: SimState,
  field: SimField,
  where: IssueWhere,
  before: unknown,
  after: unknown,
): SimChangeItem => {
  const from = displayFieldValue(state, field, where, before);
  const to = displayFieldValue(state, field, where, after);
  return {
    field: field.custom ? field.name : field.id,
    fieldtype: field.custom ? 'custom' : 'jira',
    fieldId: field.id,
    from: from.id,
    fromString: from.text,
    to: to.id,
    toString: to.text,
  };
};

export const addComment = (
  state: SimState,
  issue: SimIssue,
  authorAccountId: string,
  body: unknown,
  visibility?: unknown,
): SimComment => {
  const now = state.nowIso();
  const comment: SimComment = {
    id: state.ids.nextString('comment'),
    authorAccountId,
    body,
    created: now,
    updated: now,
    visibility,
  };
  issue.comments.push(comment);
  issue.updated = now;
  return comment;
};

/**
 * Writes the edits (and any extra items such as a status change) and records one change history when
 * something changed. Unchanged values leave no trace, as in Jira.
 */
export const applyEdits = (
  state: SimState,
  issue: SimIssue,
  edits: FieldEdits,
  authorAccountId: string,
  extraItems: readonly SimChangeItem[] = [],
): { history: SimChangeHistory | undefined; comments: SimComment[] } => {
  const where = { projectId: issue.projectId, issueTypeId: issue.issueTypeId };
  const items: SimChangeItem[] = [...extraItems];
  for (const [fieldId, value] of edits.values) {
    const field = state.fields.get(fieldId);
    if (field === undefined) continue;
    const before = currentStored(issue, fieldId);
    if (JSON.stringify(before) === JSON.stringify(value)) continue;
    items.push(changeItem(state, field, where, before, value));
    if (fieldId === 'reporter') issue.reporterAccountId = value === null ? null : asText(value);
    else issue.fields.set(fieldId, value);
  }
  const comments = edits.comments.map((body) => addComment(state, issue, authorAccountId, body));
  if (items.length === 0) return { history: undefined, comments };
  const history: SimChangeHistory = {
    id: state.ids.nextString('changelog'),
    authorAccountId,
    created: state.nowIso(),
    items,
  };
  issue.changelog.push(history);
  issue.updated = history.created;
  return { history, comments };
};
