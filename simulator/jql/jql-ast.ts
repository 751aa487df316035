export type JqlValue =
  | { readonly kind: 'literal'; readonly text: string; readonly quoted: boolean }
  | { readonly kind: 'function'; readonly name: string; readonly args: readonly string[] };

export type JqlComparison = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~';

export type JqlClause =
  | { readonly kind: 'and' | 'or'; readonly clauses: readonly JqlClause[] }
  | { readonly kind: 'not'; readonly clause: JqlClause }
  | {
      readonly kind: 'compare';
      readonly field: string;
      readonly operator: JqlComparison;
      readonly value: JqlValue;
    }
  | {
      readonly kind: 'in';
      readonly field: string;
      readonly negated: boolean;
      readonly values: readonly JqlValue[];
    }
  | { readonly kind: 'empty'; readonly field: string; readonly negated: boolean };

export interface JqlOrderBy {
  readonly field: string;
  readonly direction: 'ASC' | 'DESC';
}

export interface JqlQuery {
  /** Undefined for a query with no restriction (only ORDER BY, or empty): an unbounded query. */
  readonly where: JqlClause | undefined;
  readonly orderBy: readonly JqlOrderBy[];
}
