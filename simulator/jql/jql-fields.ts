import type { Principal } from '../state/permissions';
import type { SimField, SimIssue, SimProject } from '../state/model';
import type { PropertyIndexPath, SimState } from '../state/sim-state';
import type { JqlValue } from './jql-ast';
import { documentedPropertyDate, parseJqlDate, parsePropertyJqlDate } from './jql-dates';
import { JqlError } from './jql-error';
import { asText } from '../issues/field-values';

/** How a field compares: by identity (project, status, users…), by order (dates, numbers), or by text (~). */
export type JqlFieldType = 'id' | 'ordered' | 'text';

export interface JqlFieldSpec {
  readonly name: string;
  readonly type: JqlFieldType;
  /** The issue's values for this field; an empty list is EMPTY. */
  valuesOf(issue: SimIssue): (string | number)[];
  resolve(value: JqlValue): string | number;
  /** Sorting key, when the field can be sorted. */
  readonly sortKey?: (issue: SimIssue) => string | number;
}

export interface JqlEnvironment {
  readonly state: SimState;
  readonly principal: Principal;
  readonly now: Date;
  readonly visibleProjects: readonly SimProject[];
  readonly canSeeIssue: (issue: SimIssue) => boolean;
  /**
   * Indexed property dates stored in a format the entity-property page does not list are not indexed (default
   * true, habits.indexOnlyDocumentedPropertyDates); false reads any instant Date.parse understands.
   */
  readonly indexOnlyDocumentedPropertyDates?: boolean;
}

export const fieldDoesNotExist = (name: string): JqlError =>
  new JqlError(`Field '${name}' does not exist or you do not have permission to view it.`);

const valueDoesNotExist = (value: string, field: string): JqlError =>
  new JqlError(`The value '${value}' does not exist for the field '${field}'.`);

const literalOrFunction = (env: JqlEnvironment, value: JqlValue, field: string): string => {
  if (value.kind === 'literal') return value.text;
  const name = value.name.toLowerCase();
  if (name === 'currentuser' && value.args.length === 0) return env.principal.user.accountId;
  if (name === 'now' && value.args.length === 0) return env.now.toISOString();
  throw new JqlError(
    `Unable to find JQL function '${value.name}(${value.args.join(', ')})'. (field '${field}')`,
  );
};

const idField = (
  name: string,
  valuesOf: (issue: SimIssue) => (string | number)[],
  resolveText: (text: string) => string | undefined,
  env: JqlEnvironment,
  sortKey?: (issue: SimIssue) => string | number,
  notFound: (text: string) => JqlError = (text) => valueDoesNotExist(text, name),
): JqlFieldSpec => ({
  name,
  type: 'id',
  valuesOf,
  resolve: (value) => {
    const text = literalOrFunction(env, value, name);
    const resolved = resolveText(text);
    if (resolved === undefined) throw notFound(text);
    return resolved;
  },
  ...(sortKey === undefined ? {} : { sortKey }),
});

const dateField = (
  name: string,
  read: (issue: SimIssue) => string | undefined,
  env: JqlEnvironment,
): JqlFieldSpec => ({
  name,
  type: 'ordered',
  valuesOf: (issue) => {
    const value = read(issue);
    return value === undefined ? [] : [Date.parse(value)];
  },
  resolve: (value) => parseJqlDate(literalOrFunction(env, value, name), name, env.now),
  sortKey: (issue) => Date.parse(read(issue) ?? '1970-01-01'),
});

const numberField = (
  name: string,
  valuesOf: (issue: SimIssue) => number[],
  env: JqlEnvironment,
): JqlFieldSpec => ({
  name,
  type: 'ordered',
  valuesOf,
  resolve: (value) => {
    const text = literalOrFunction(env, value, name);
    const number = Number(text);
    if (text.trim() === '' || Number.isNaN(number))
      throw new JqlError(`The value '${text}' is not a valid number for the field '${name}'.`);
    return number;
  },
});

const textField = (
  name: string,
  valuesOf: (issue: SimIssue) => string[],
  env: JqlEnvironment,
): JqlFieldSpec => ({
  name,
  type: 'text',
  valuesOf,
  resolve: (value) => literalOrFunction(env, value, name).toLowerCase(),
});

const adfText = (node: unknown): string => {
  if (typeof node !== 'object' || node === null) return '';
  const record = node as { text?: unknown; content?: unknown };
  const own = typeof record.text === 'string' ? record.text : '';
  const children = Array.isArray(record.content) ? record.content.map(adfText).join(' ') : '';
  return `${own} ${children}`.trim();
};

const userId = (env: JqlEnvironment) => (text: string) =>
  env.state.user(text) === undefined ? undefined : text;

/** PROJ-7 sorts before PROJ-10: the project key, then the number. */
const keySortKey = (issue: SimIssue): string => {
  const dash = issue.key.lastIndexOf('-');
  return `${issue.key.slice(0, dash)}-${issue.key.slice(dash + 1).padStart(12, '0')}`;
};

/** Walks a dot path through a property value; arrays fan out, so any element can match. */
const valuesAtPath = (value: unknown, path: readonly string[]): unknown[] => {
  if (path.length === 0)
    return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAtPath(item, path));
  if (typeof value !== 'object' || value === null) return [];
  const [head, ...rest] = path;
  return valuesAtPath((value as Record<string, unknown>)[head ?? ''], rest);
};

const propertyField = (
  name: string,
  propertyKey: string,
  index: PropertyIndexPath,
  env: JqlEnvironment,
): JqlFieldSpec => {
  const raw = (issue: SimIssue): unknown[] =>
    valuesAtPath(issue.properties.get(propertyKey), index.path.split('.'));
  switch (index.type) {
    case 'number':
      return numberField(
        name,
        (issue) => raw(issue).filter((value): value is number => typeof value === 'number'),
        env,
      );
    case 'date': {
      const strict = env.indexOnlyDocumentedPropertyDates ?? true;
      return {
        ...dateField(name, () => undefined, env),
        valuesOf: (issue) =>
          raw(issue)
            .filter((value): value is string => typeof value === 'string')
            .map((value) => (strict ? (documentedPropertyDate(value) ?? Number.NaN) : Date.parse(value)))
            .filter((ms) => !Number.isNaN(ms)),
        resolve: (value) => parsePropertyJqlDate(literalOrFunction(env, value, name), name),
      };
    }
    case 'text':
      return textField(name, (issue) => raw(issue).map((value) => asText(value).toLowerCase()), env);
    case 'string':
    case 'user':
      return idField(
        name,
        (issue) => raw(issue).map(asText),
        (text) => text,
        env,
      );
  }
};

const customField = (field: SimField, env: JqlEnvironment): JqlFieldSpec => {
  const name = field.name;
  const stored = (issue: SimIssue): unknown => issue.fields.get(field.id);
  switch (field.kind) {
    case 'option':
    case 'options': {
      const allOptions = [...env.state.fieldContexts.values()]
        .filter((context) => context.fieldId === field.id)
        .flatMap((context) => context.options);
      return idField(
        name,
        (issue) => {
          const value = stored(issue);
          return value === null || value === undefined
            ? []
            : Array.isArray(value)
              ? value.map(asText)
              : [asText(value)];
        },
        (text) =>
          allOptions.find((option) => option.value.toLowerCase() === text.toLowerCase() || option.id === text)
            ?.id,
        env,
        undefined,
        (text) => new JqlError(`The option '${text}' for field '${name}' does not exist.`),
      );
    }
    case 'user':
      return idField(
        name,
        (issue) => (typeof stored(issue) === 'string' ? [asText(stored(issue))] : []),
        userId(env),
        env,
      );
    case 'labels':
      return idField(
        name,
        (issue) => (Array.isArray(stored(issue)) ? (stored(issue) as string[]) : []),
        (text) => text,
        env,
      );
    case 'number':
      return numberField(
        name,
        (issue) => (typeof stored(issue) === 'number' ? [stored(issue) as number] : []),
        env,
      );
    case 'date':
    case 'datetime':
      return dateField(
        name,
        (issue) => (typeof stored(issue) === 'string' ? asText(stored(issue)) : undefined),
        env,
      );
    case 'adf':
      return textField(
        name,
        (issue) => (stored(issue) == null ? [] : [adfText(stored(issue)).toLowerCase()]),
        env,
      );
    default:
      return textField(
        name,
        (issue) => (stored(issue) == null ? [] : [asText(stored(issue)).toLowerCase()]),
        env,
      );
  }
};

/**
 * issue.property[<key>].<path>: the Forge page documents the key in single quotes (`['stats']`), Jira's
 * entity-properties guide unquoted; double quotes are JQL's other string quote. A search alias also works.
 */
const PROPERTY_FIELD = /^issue\.property\[(?:'([^'\]]+)'|"([^"\]]+)"|([^'"\]]+))\]\.(.+)$/i;
const CF_FIELD = /^cf\[(\d+)\]$/i;

/** The JQL fields the simulator understands; anything else is refused as Jira refuses an unknown field. */
export const resolveJqlField = (rawName: string, env: JqlEnvironment): JqlFieldSpec => {
  const { state } = env;
  const name = rawName.toLowerCase();
  const sortByName = (read: (issue: SimIssue) => string) => read;
  switch (name) {
    case 'project':
      return idField(
        'project',
        (issue) => [issue.projectId],
        (text) =>
          env.visibleProjects.find(
            (project) =>
              project.id === text ||
              project.key.toLowerCase() === text.toLowerCase() ||
              project.name.toLowerCase() === text.toLowerCase(),
          )?.id,
        env,
        sortByName((issue) => state.projects.get(issue.projectId)?.key ?? ''),
      );
    case 'issuetype':
    case 'type':
      return idField(
        'issuetype',
        (issue) => [issue.issueTypeId],
        (text) => state.issueType(text)?.id,
        env,
        sortByName((issue) => state.issueTypes.get(issue.issueTypeId)?.name ?? ''),
      );
    case 'status':
      return idField(
        'status',
        (issue) => [issue.statusId],
        (text) => state.status(text)?.id,
        env,
        sortByName((issue) => state.statuses.get(issue.statusId)?.name ?? ''),
      );
    case 'key':
    case 'issuekey':
    case 'id': {
      const found = (text: string) => {
        const issue = state.issue(text);
        return issue !== undefined && env.canSeeIssue(issue) ? issue.id : undefined;
      };
      return idField(
        name === 'id' ? 'id' : 'key',
        (issue) => [issue.id],
        found,
        env,
        name === 'id' ? (issue) => Number(issue.id) : keySortKey,
        (text) =>
          new JqlError(
            `An issue with key '${text}' does not exist for field '${name === 'id' ? 'id' : 'key'}'.`,
          ),
      );
    }
    case 'reporter':
    case 'assignee':
    case 'creator': {
      const read = (issue: SimIssue): string | null =>
        name === 'reporter'
          ? issue.reporterAccountId
          : name === 'creator'
            ? issue.creatorAccountId
            : ((issue.fields.get('assignee') as string | null | undefined) ?? null);
      return idField(name, (issue) => (read(issue) === null ? [] : [read(issue) ?? '']), userId(env), env);
    }
    case 'level':
      return idField(
        'level',
        (issue) => (issue.securityLevelId === undefined ? [] : [issue.securityLevelId]),
        (text) =>
          [...state.securityLevels.values()].find(
            (level) => level.id === text || level.name.toLowerCase() === text.toLowerCase(),
          )?.id,
        env,
      );
    case 'labels':
      return idField(
        'labels',
        (issue) => (issue.fields.get('labels') as string[] | undefined) ?? [],
        (text) => text,
        env,
      );
    case 'created':
    case 'createddate':
      return dateField('created', (issue) => issue.created, env);
    case 'updated':
    case 'updateddate':
      return dateField('updated', (issue) => issue.updated, env);
    case 'summary':
      return {
        ...textField('summary', (issue) => [asText(issue.fields.get('summary') ?? '').toLowerCase()], env),
        sortKey: (issue) => asText(issue.fields.get('summary') ?? ''),
      };
    default:
      break;
  }
  const property = PROPERTY_FIELD.exec(rawName);
  if (property !== null) {
    const [, singleQuoted, doubleQuoted, bare, path = ''] = property;
    const propertyKey = singleQuoted ?? doubleQuoted ?? bare ?? '';
    const index = state.propertyIndexes.get(propertyKey)?.find((candidate) => candidate.path === path);
    if (index === undefined) throw fieldDoesNotExist(rawName);
    return propertyField(rawName, propertyKey, index, env);
  }
  for (const [propertyKey, paths] of state.propertyIndexes) {
    const aliased = paths.find((candidate) => candidate.searchAlias?.toLowerCase() === name);
    if (aliased !== undefined) return propertyField(rawName, propertyKey, aliased, env);
  }
  const cf = CF_FIELD.exec(rawName);
  const field = cf === null ? state.field(rawName) : state.fields.get(`customfield_${cf[1] ?? ''}`);
  if (field?.custom === true) return customField(field, env);
  throw fieldDoesNotExist(rawName);
};
