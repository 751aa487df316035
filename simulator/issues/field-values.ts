import type { SimField, SimFieldOption, SimUser } from '../state/model';

/** A value Jira would refuse for one field; routes answer 400 {errors: {[fieldId]: message}}. */
export class FieldValueError extends Error {
  constructor(
    readonly fieldId: string,
    message: string,
  ) {
    super(message);
    this.name = 'FieldValueError';
  }
}

export interface FieldValueLookup {
  user(accountId: string): SimUser | undefined;
  /** Whether a value is a valid Atlassian Document Format document. */
  isValidAdf(value: unknown): boolean;
  /** The options of the field's contexts that apply to the issue's project and type. */
  optionsFor(field: SimField, where: { projectId: string; issueTypeId: string }): SimFieldOption[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A value as text for messages and changelogs: strings as they are, anything else as JSON. */
export const asText = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);

const isAdfDocument = (value: unknown): boolean =>
  isRecord(value) && value.type === 'doc' && value.version === 1 && Array.isArray(value.content);

/** Jira's answer to a document that is ADF-shaped but breaks the ADF schema. */
export const INVALID_ADF = 'INVALID_INPUT';

const resolveOption = (field: SimField, options: SimFieldOption[], value: unknown): string => {
  if (isRecord(value) && typeof value.id === 'string') {
    const byId = options.find((option) => option.id === value.id);
    if (byId === undefined) throw new FieldValueError(field.id, `Option id '${value.id}' is not valid`);
    return byId.id;
  }
  if (isRecord(value) && typeof value.value === 'string') {
    const byValue = options.find((option) => option.value === value.value && !option.disabled);
    if (byValue === undefined)
      throw new FieldValueError(field.id, `Option value '${value.value}' is not valid`);
    return byValue.id;
  }
  throw new FieldValueError(field.id, `Specify a valid value for ${field.name}`);
};

/**
 * Turns a REST v3 input value (the `fields` of create/edit/transition) into the stored form, refusing what
 * Jira Cloud refuses: plain strings in rich-text fields (v3 takes Atlassian Document Format only), unknown
 * users and options, labels with spaces.
 */
export const normalizeFieldValue = (
  lookup: FieldValueLookup,
  field: SimField,
  where: { projectId: string; issueTypeId: string },
  value: unknown,
): unknown => {
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case 'string':
      if (typeof value !== 'string') throw new FieldValueError(field.id, 'Operation value must be a string');
      return value;
    case 'adf':
      if (!isAdfDocument(value)) {
        throw new FieldValueError(
          field.id,
          'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
        );
      }
      if (!lookup.isValidAdf(value)) throw new FieldValueError(field.id, INVALID_ADF);
      return value;
    case 'number':
      if (typeof value !== 'number') throw new FieldValueError(field.id, 'Operation value must be a number');
      return value;
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
        throw new FieldValueError(field.id, `Error parsing date string: ${asText(value)}`);
      }
      return value;
    case 'datetime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
        throw new FieldValueError(field.id, `Error parsing date string: ${asText(value)}`);
      }
      return new Date(value).toISOString();
    case 'user': {
      const accountId = isRecord(value) ? value.accountId : undefined;
      if (typeof accountId !== 'string')
        throw new FieldValueError(field.id, `Specify a valid value for ${field.name}`);
      if (lookup.user(accountId) === undefined)
        throw new FieldValueError(field.id, `User '${accountId}' does not exist.`);
      return accountId;
    }
    case 'option':
      return resolveOption(field, lookup.optionsFor(field, where), value);
    case 'options': {
      if (!Array.isArray(value))
        throw new FieldValueError(field.id, `Specify a valid value for ${field.name}`);
      const options = lookup.optionsFor(field, where);
      const ids = value.map((item) => resolveOption(field, options, item));
      return ids.length === 0 ? null : ids;
    }
    case 'labels': {
      if (!Array.isArray(value) || !value.every((label): label is string => typeof label === 'string')) {
        throw new FieldValueError(field.id, 'Operation value must be a string array');
      }
      const withSpace = value.find((label) => /\s/.test(label));
      if (withSpace !== undefined) {
        throw new FieldValueError(field.id, `The label '${withSpace}' contains spaces which is invalid.`);
      }
      return [...value];
    }
    case 'any':
      return value;
  }
};

export interface RenderOptions {
  readonly baseUrl: string;
  /** Forge validators receive user fields as {accountId} only (FORGE_NOTES §1). */
  readonly usersAsAccountIdOnly?: boolean;
}

const avatarUrls = (baseUrl: string, accountId: string): Record<string, string> =>
  Object.fromEntries(
    ['16x16', '24x24', '32x32', '48x48'].map((size) => [
      size,
      `${baseUrl}/avatar/${encodeURIComponent(accountId)}?s=${size}`,
    ]),
  );

/** UserDetails as Jira renders it in issue fields, comments and changelogs. */
export const renderUser = (baseUrl: string, user: SimUser): Record<string, unknown> => ({
  self: `${baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
  accountId: user.accountId,
  accountType: user.accountType,
  emailAddress: user.emailAddress,
  avatarUrls: avatarUrls(baseUrl, user.accountId),
  displayName: user.displayName,
  active: user.active,
  timeZone: user.timeZone,
});

const renderOption = (baseUrl: string, options: SimFieldOption[], id: string): Record<string, unknown> => ({
  self: `${baseUrl}/rest/api/3/customFieldOption/${id}`,
  value: options.find((option) => option.id === id)?.value ?? id,
  id,
});

/** Stored form → the REST v3 "Get issue" form. */
export const renderFieldValue = (
  lookup: FieldValueLookup,
  field: SimField,
  where: { projectId: string; issueTypeId: string },
  stored: unknown,
  options: RenderOptions,
): unknown => {
  if (field.kind === 'labels') return Array.isArray(stored) ? stored : [];
  if (stored === null || stored === undefined) return null;
  switch (field.kind) {
    case 'user': {
      const accountId = asText(stored);
      const user = lookup.user(accountId);
      if (options.usersAsAccountIdOnly === true || user === undefined) return { accountId };
      return renderUser(options.baseUrl, user);
    }
    case 'option':
      return renderOption(options.baseUrl, lookup.optionsFor(field, where), asText(stored));
    case 'options': {
      const all = lookup.optionsFor(field, where);
      return (stored as string[]).map((id) => renderOption(options.baseUrl, all, id));
    }
    default:
      return stored;
  }
};

/** The text Jira shows for a value in changelogs (fromString/toString). */
export const displayFieldValue = (
  lookup: FieldValueLookup,
  field: SimField,
  where: { projectId: string; issueTypeId: string },
  stored: unknown,
): { id: string | null; text: string | null } => {
  if (stored === null || stored === undefined || (Array.isArray(stored) && stored.length === 0)) {
    return { id: null, text: null };
  }
  switch (field.kind) {
    case 'user': {
      const accountId = asText(stored);
      return { id: accountId, text: lookup.user(accountId)?.displayName ?? accountId };
    }
    case 'option': {
      const id = asText(stored);
      return { id, text: lookup.optionsFor(field, where).find((option) => option.id === id)?.value ?? id };
    }
    case 'options': {
      const ids = stored as string[];
      const all = lookup.optionsFor(field, where);
      return {
        id: ids.join(','),
        text: ids.map((id) => all.find((option) => option.id === id)?.value ?? id).join(','),
      };
    }
    case 'labels':
      return { id: null, text: (stored as string[]).join(' ') };
    case 'string':
    case 'number':
    case 'date':
    case 'datetime':
      return { id: null, text: typeof stored === 'number' ? String(stored) : asText(stored) };
    default:
      return { id: null, text: asText(stored) };
  }
};
