import type { SimIssue } from '../state/model';
import type { JqlClause, JqlQuery } from './jql-ast';
import { JqlError } from './jql-error';
import { fieldDoesNotExist, resolveJqlField, type JqlEnvironment, type JqlFieldSpec } from './jql-fields';

export type IssuePredicate = (issue: SimIssue) => boolean;

const OPERATORS_BY_TYPE: Readonly<Record<JqlFieldSpec['type'], readonly string[]>> = {
  id: ['=', '!=', 'in', 'not in', 'is', 'is not'],
  ordered: ['=', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'is', 'is not'],
  text: ['~', '!~', 'is', 'is not'],
};

const requireOperator = (field: JqlFieldSpec, operator: string): void => {
  if (!OPERATORS_BY_TYPE[field.type].includes(operator)) {
    throw new JqlError(`The operator '${operator}' is not supported by the '${field.name}' field.`);
  }
};

const ORDERED: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** Jira semantics: a negative clause (!=, NOT IN, !~) never matches an issue whose field is EMPTY. */
const compileClause = (clause: JqlClause, env: JqlEnvironment): IssuePredicate => {
  switch (clause.kind) {
    case 'and': {
      const parts = clause.clauses.map((part) => compileClause(part, env));
      return (issue) => parts.every((part) => part(issue));
    }
    case 'or': {
      const parts = clause.clauses.map((part) => compileClause(part, env));
      return (issue) => parts.some((part) => part(issue));
    }
    case 'not': {
      const inner = compileClause(clause.clause, env);
      return (issue) => !inner(issue);
    }
    case 'empty': {
      const field = resolveJqlField(clause.field, env);
      requireOperator(field, clause.negated ? 'is not' : 'is');
      return (issue) => (field.valuesOf(issue).length === 0) !== clause.negated;
    }
    case 'in': {
      const field = resolveJqlField(clause.field, env);
      requireOperator(field, clause.negated ? 'not in' : 'in');
      const wanted = clause.values.map((value) => field.resolve(value));
      return (issue) => {
        const values = field.valuesOf(issue);
        const hit = values.some((value) => wanted.includes(value));
        return clause.negated ? values.length > 0 && !hit : hit;
      };
    }
    case 'compare': {
      const field = resolveJqlField(clause.field, env);
      requireOperator(field, clause.operator);
      const wanted = field.resolve(clause.value);
      const { operator } = clause;
      if (operator === '=') return (issue) => field.valuesOf(issue).includes(wanted);
      if (operator === '!=') {
        return (issue) => {
          const values = field.valuesOf(issue);
          return values.length > 0 && !values.includes(wanted);
        };
      }
      if (operator === '~' || operator === '!~') {
        const needle = String(wanted);
        return (issue) => {
          const values = field.valuesOf(issue).map(String);
          const hit = values.some((value) => value.includes(needle));
          return operator === '~' ? hit : values.length > 0 && !hit;
        };
      }
      const test = ORDERED[operator];
      if (test === undefined) throw new JqlError(`The operator '${operator}' is not supported.`);
      return (issue) =>
        field.valuesOf(issue).some((value) => typeof value === 'number' && test(value, Number(wanted)));
    }
  }
};

const MAX_ORDER_BY_FIELDS = 7;

export interface CompiledJql {
  readonly bounded: boolean;
  readonly matches: IssuePredicate;
  readonly compare: (a: SimIssue, b: SimIssue) => number;
}

const compareValues = (a: string | number, b: string | number): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));

/**
 * Compiles a parsed query: every field, operator and value is checked now, so a bad query is refused even
 * when no issue would reach it. Without ORDER BY the simulator orders by created DESC (then id DESC).
 */
export const compileJql = (query: JqlQuery, env: JqlEnvironment): CompiledJql => {
  const matches = query.where === undefined ? () => true : compileClause(query.where, env);
  if (query.orderBy.length > MAX_ORDER_BY_FIELDS) {
    throw new JqlError(`The ORDER BY clause can contain a maximum of ${MAX_ORDER_BY_FIELDS} fields.`);
  }
  const orderBy =
    query.orderBy.length > 0 ? query.orderBy : [{ field: 'created', direction: 'DESC' as const }];
  const sorters = orderBy.map(({ field, direction }) => {
    let spec: JqlFieldSpec;
    try {
      spec = resolveJqlField(field, env);
    } catch {
      throw fieldDoesNotExist(field);
    }
    const key = spec.sortKey;
    if (key === undefined) throw new JqlError(`Not able to sort using field '${field}'.`);
    const sign = direction === 'ASC' ? 1 : -1;
    return (a: SimIssue, b: SimIssue) => sign * compareValues(key(a), key(b));
  });
  const tieBreak = query.orderBy.length > 0 ? 1 : -1;
  return {
    bounded: query.where !== undefined,
    matches,
    compare: (a, b) => {
      for (const sorter of sorters) {
        const order = sorter(a, b);
        if (order !== 0) return order;
      }
      return tieBreak * (Number(a.id) - Number(b.id));
    },
  };
};
