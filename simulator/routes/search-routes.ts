import { createHash } from 'node:crypto';
import { z } from 'zod';
import { selectFieldIds } from '../issues/issue-renderer';
import { compileJql, type CompiledJql } from '../jql/jql-evaluator';
import { JqlError } from '../jql/jql-error';
import { parseJql } from '../jql/jql-parser';
import { jiraError } from '../http/jira-error';
import type { RouteContext, RouteResult, RouteTable } from '../http/route-types';
import type { SimIssue } from '../state/model';
import { canSeeIssue, canSeeProject, parseBody } from './route-helpers';
import { renderIssueForCaller } from './issue-expansions';

/** "It returns max 5000 issues" when only id/key are requested (SPEC POST /search/jql). */
const MAX_RESULTS_ID_ONLY = 5000;
/**
 * The document only says pages shrink "where a large number of fields or properties are requested";
 * Jira Cloud returns at most 100 then, and so does the simulator.
 */
const MAX_RESULTS_WITH_FIELDS = 100;
const MAX_PROPERTIES = 5;
const MAX_RECONCILE_ISSUES = 50;

export const UNBOUNDED_JQL_MESSAGE =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

interface SearchParameters {
  jql: string;
  nextPageToken: string | undefined;
  maxResults: number;
  fields: string[];
  properties: string[];
  expand: string[];
  reconcileIssues: number[];
}

const queryFingerprint = (jql: string): string =>
  createHash('sha256').update(jql).digest('base64url').slice(0, 16);

const encodeToken = (offset: number, jql: string): string =>
  Buffer.from(JSON.stringify({ offset, query: queryFingerprint(jql) })).toString('base64url');

const decodeToken = (token: string, jql: string): number => {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      offset?: unknown;
      query?: unknown;
    };
    if (typeof decoded.offset === 'number' && decoded.query === queryFingerprint(jql)) return decoded.offset;
  } catch {
    // fall through to the refusal below
  }
  throw jiraError(400, ['The provided next page token is invalid or expired.']);
};

/** Parses, checks (bounded, known fields and values) and runs a query; the visible matches, sorted. */
const matchingIssues = (ctx: RouteContext, jql: string): SimIssue[] => {
  const { state } = ctx.core;
  let compiled: CompiledJql;
  try {
    const query = parseJql(jql);
    if (query.where === undefined) throw new JqlError(UNBOUNDED_JQL_MESSAGE);
    compiled = compileJql(query, {
      state,
      principal: ctx.principal,
      now: new Date(state.nowIso()),
      visibleProjects: [...state.projects.values()].filter((project) => canSeeProject(ctx, project)),
      canSeeIssue: (issue) => canSeeIssue(ctx, issue),
      indexOnlyDocumentedPropertyDates: ctx.core.habits.indexOnlyDocumentedPropertyDates,
    });
  } catch (error) {
    if (error instanceof JqlError) throw jiraError(400, [error.message]);
    throw error;
  }
  return [...state.issues.values()]
    .filter((issue) => canSeeIssue(ctx, issue) && compiled.matches(issue))
    .sort(compiled.compare);
};

const search = (ctx: RouteContext, parameters: SearchParameters): RouteResult => {
  if (parameters.properties.length > MAX_PROPERTIES) {
    throw jiraError(400, [`A maximum of ${MAX_PROPERTIES} issue properties can be requested.`]);
  }
  if (parameters.reconcileIssues.length > MAX_RECONCILE_ISSUES) {
    throw jiraError(400, [`A maximum of ${MAX_RECONCILE_ISSUES} issues can be reconciled.`]);
  }
  if (parameters.maxResults < 1) throw jiraError(400, ['maxResults must be a positive number.']);
  const { state } = ctx.core;
  const fieldsRequested = parameters.fields.filter((field) => field !== 'id' && field !== 'key');
  const idOnly = fieldsRequested.length === 0 && parameters.properties.length === 0;
  const pageSize = Math.min(parameters.maxResults, idOnly ? MAX_RESULTS_ID_ONLY : MAX_RESULTS_WITH_FIELDS);

  const matching = matchingIssues(ctx, parameters.jql);
  const offset =
    parameters.nextPageToken === undefined ? 0 : decodeToken(parameters.nextPageToken, parameters.jql);
  const page = matching.slice(offset, offset + pageSize);
  const isLast = offset + page.length >= matching.length;
  const fieldIds =
    parameters.fields.length === 0 || (parameters.fields.length === 1 && parameters.fields[0] === 'id')
      ? null
      : selectFieldIds(state, parameters.fields);
  const expand = new Set(parameters.expand);
  const issues = page.map((issue) =>
    renderIssueForCaller(ctx, issue, { fieldIds, properties: parameters.properties, expand }),
  );
  return {
    status: 200,
    body: {
      issues,
      isLast,
      // The document: nextPageToken is "not included in the response for the last page".
      ...(isLast ? {} : { nextPageToken: encodeToken(offset + page.length, parameters.jql) }),
    },
  };
};

const SearchBody = z.object({
  jql: z.string().optional(),
  nextPageToken: z.string().optional(),
  maxResults: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  properties: z.array(z.string()).optional(),
  expand: z.string().optional(),
  reconcileIssues: z.array(z.number()).optional(),
});

const splitList = (values: readonly string[] | undefined): string[] =>
  (values ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');

export const searchRoutes: RouteTable = {
  searchAndReconsileIssuesUsingJqlPost: (ctx) => {
    const body = parseBody(SearchBody, ctx.body);
    return search(ctx, {
      jql: body.jql ?? '',
      nextPageToken: body.nextPageToken,
      maxResults: body.maxResults ?? 50,
      fields: splitList(body.fields),
      properties: splitList(body.properties),
      expand: splitList(body.expand === undefined ? [] : [body.expand]),
      reconcileIssues: body.reconcileIssues ?? [],
    });
  },
  /** Exact here: the simulator has no index lag, so the "approximate" count is the search's total. */
  countIssues: (ctx) => {
    const body = parseBody(z.object({ jql: z.string().optional() }), ctx.body);
    return { status: 200, body: { count: matchingIssues(ctx, body.jql ?? '').length } };
  },
  searchAndReconsileIssuesUsingJql: (ctx) =>
    search(ctx, {
      jql: ctx.query.string('jql') ?? '',
      nextPageToken: ctx.query.string('nextPageToken'),
      maxResults: ctx.query.int('maxResults', 50),
      fields: ctx.query.list('fields'),
      properties: ctx.query.list('properties'),
      expand: ctx.query.list('expand'),
      reconcileIssues: ctx.query.list('reconcileIssues').map(Number),
    }),
};
