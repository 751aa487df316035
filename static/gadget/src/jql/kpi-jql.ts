/**
 * The JQL behind each KPI (DESIGN.md §6), for the gadget's links to Jira's issue navigator. One place, so the words
 * of §6 and the queries cannot drift apart. Where a KPI has no JQL that finds exactly its issues, there is no
 * builder here (see KPI_WITHOUT_JQL for why), and the gadget shows the number without a link.
 *
 * Field names are the ones setup creates (DESIGN.md §2). JQL reads dates in the viewer's time zone, the KPIs in
 * UTC: near midnight a month or "today" can differ by a few hours (said in the link's title).
 */
import type { GadgetScope } from '@contracts/gadget-kpis';

export const EXCEPTION_ISSUE_TYPE = 'Exception';
/** Open: every status but the closed ones (DESIGN.md §6 overdue share). */
export const CLOSED_STATUSES = ['Rejected', 'Reverted', 'Retired'] as const;
/** In force: Approved or Recertification (DESIGN.md §6). */
export const IN_FORCE_STATUSES = ['Approved', 'Recertification'] as const;

/** What every KPI query is narrowed by: the gadget's scope and the projects the answer counted. */
export interface JqlScope {
  readonly scope: GadgetScope;
  /** The projects the answer counted (only ones the viewer may browse). */
  readonly projectKeys: readonly string[];
}

/** A JQL string literal: double quotes, with `"` and `\` escaped (Jira's JQL grammar). */
export const quote = (text: string): string => `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;

const list = (values: readonly string[]): string => `(${values.map(quote).join(', ')})`;

/** A person's filter may end with ORDER BY, which cannot stand inside parentheses. */
const withoutOrderBy = (jql: string): string => jql.replace(/\s*\border\s+by\b[^"]*$/i, '').trim();

const scopeClause = ({ scope, projectKeys }: JqlScope): string => {
  const type = `issuetype = ${quote(EXCEPTION_ISSUE_TYPE)}`;
  if (scope.kind === 'jql') return `${type} AND (${withoutOrderBy(scope.jql)})`;
  return projectKeys.length === 0 ? type : `${type} AND project in ${list(projectKeys)}`;
};

const and = (scope: JqlScope, ...clauses: string[]): string => [scopeClause(scope), ...clauses].join(' AND ');

/** The first day of the month after `month` (YYYY-MM), as a JQL date. */
export const monthAfter = (month: string): string => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const next = monthNumber === 12 ? { y: year + 1, m: 1 } : { y: year, m: monthNumber + 1 };
  return `${String(next.y)}-${String(next.m).padStart(2, '0')}-01`;
};

/** Created from the first day of `from` up to (not including) the month after `to`. */
const createdIn = (from: string, to: string): string =>
  `created >= ${quote(`${from}-01`)} AND created < ${quote(monthAfter(to))}`;

const open = `status not in ${list(CLOSED_STATUSES)}`;
const inForce = `status in ${list(IN_FORCE_STATUSES)}`;

export const kpiJql = {
  /** Volume: exceptions created in the months from–to. */
  created: (scope: JqlScope, from: string, to: string): string => and(scope, createdIn(from, to)),
  /** Overdue share, numerator: open exceptions whose expiration date is before today. */
  overdue: (scope: JqlScope): string => and(scope, open, `"Expiration Date" < startOfDay()`),
  /** Overdue share, denominator: every open exception. */
  open: (scope: JqlScope): string => and(scope, open),
  /** Controls coverage and assets excepted, denominator: every in-force exception. */
  inForce: (scope: JqlScope): string => and(scope, inForce),
  /** Controls coverage, numerator (nearly: JQL cannot tell "n/a" or blanks from a described control). */
  inForceWithControls: (scope: JqlScope): string =>
    and(scope, inForce, `"Compensating Controls" is not EMPTY`),
  /** Open-ended: in-force exceptions with no expiration date. */
  openEnded: (scope: JqlScope): string => and(scope, inForce, `"Expiration Date" is EMPTY`),
  /** Top types: exceptions of one type created in the period. */
  typeCreated: (scope: JqlScope, type: string, from: string, to: string): string =>
    and(scope, `"Exception Type" = ${quote(type)}`, createdIn(from, to)),
  /** Top assets: exceptions naming one asset created in the period. */
  assetCreated: (scope: JqlScope, asset: string, from: string, to: string): string =>
    and(scope, `"Affected Assets" = ${quote(asset)}`, createdIn(from, to)),
} as const;

/** The issue navigator's address for a query, relative to the site (for router.navigate) or absolute. */
export const issueNavigatorPath = (jql: string): string => `/issues/?jql=${encodeURIComponent(jql)}`;
