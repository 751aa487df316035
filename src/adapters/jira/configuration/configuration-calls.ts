/**
 * The one way the configuration client calls Jira (every area module of this folder goes through it): retries as
 * the call allows, each answer read against its schema, listings read to their last page.
 *
 * Reads, the workflow read (`POST /workflows`) and assignments (PUT, idempotent) are repeated on 5xx and lost
 * connections; creates are sent once (only a 429, which Jira answers before doing anything, is repeated), and
 * a create whose answer is lost fails with a typed error: setup then looks again by name before creating.
 * Callers pass the `requestJira` call itself, with a literal `route`, so Forge's linter can check its scope.
 */
import type { z } from 'zod';
import { pageSchema } from '../jira-configuration-schemas';
import { JiraResponseShapeError, JiraUnavailableError } from '../jira-errors';
import type { JiraFetcher, JiraResponse } from '../jira-fetcher';
import { readJson } from '../read-json';
import {
  defaultRetryPolicy,
  isNetworkFailure,
  sendWithRetries,
  type Repeatability,
  type RetryPolicy,
  type RetryStats,
} from '../send-with-retries';

/** A bound on paging, so a misbehaving `isLast` cannot loop forever (50 pages of 50 = 2,500 items). */
const MAX_PAGES = 50;
export const PAGE_SIZE = 50;

export const json = (body: unknown): string => JSON.stringify(body);

export class ConfigurationCalls {
  constructor(
    readonly fetcher: JiraFetcher,
    private readonly policy: RetryPolicy = defaultRetryPolicy(),
    private readonly stats?: RetryStats,
  ) {}

  /**
   * sendWithRetries, with a lost answer to a call sent once surfacing as a typed error (the network error itself
   * may carry the site's address, which is tenant data). Other failures pass through as they are.
   */
  async send(
    endpoint: string,
    repeatability: Repeatability,
    attempt: () => Promise<JiraResponse>,
  ): Promise<JiraResponse> {
    const stats: RetryStats = { attempts: 0, retries: 0, waitedMs: 0 };
    try {
      return await sendWithRetries(endpoint, repeatability, attempt, this.policy, stats);
    } catch (error) {
      if (isNetworkFailure(error)) throw new JiraUnavailableError(endpoint, stats.attempts, null);
      throw error;
    } finally {
      if (this.stats !== undefined) {
        this.stats.attempts += stats.attempts;
        this.stats.retries += stats.retries;
        this.stats.waitedMs += stats.waitedMs;
      }
    }
  }

  async read<T>(endpoint: string, schema: z.ZodType<T>, attempt: () => Promise<JiraResponse>): Promise<T> {
    return readJson(endpoint, await this.send(endpoint, 'safe', attempt), schema);
  }

  async createOnce<T>(
    endpoint: string,
    schema: z.ZodType<T>,
    attempt: () => Promise<JiraResponse>,
  ): Promise<T> {
    return readJson(endpoint, await this.send(endpoint, 'once', attempt), schema);
  }

  /** Every page of a startAt/maxResults listing. */
  async allPages<S extends z.ZodType>(
    endpoint: string,
    item: S,
    page: (startAt: number) => Promise<JiraResponse>,
  ): Promise<z.infer<S>[]> {
    const schema = pageSchema(item);
    const items: z.infer<S>[] = [];
    for (let pageNumber = 0; pageNumber < MAX_PAGES; pageNumber += 1) {
      const startAt = items.length;
      const body = await this.read(endpoint, schema, () => page(startAt));
      const values = (body.values ?? []) as z.infer<S>[];
      items.push(...values);
      const complete =
        body.isLast === true ||
        values.length === 0 ||
        (body.total !== undefined && items.length >= body.total);
      if (complete) return items;
    }
    throw new JiraResponseShapeError(endpoint, [`more than ${MAX_PAGES} pages`]);
  }
}
