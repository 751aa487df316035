/**
 * The background rebuild of a project's KPI model (ISSUE 7 item 3), run by the queue worker with a cursor.
 *
 * One JQL search as the app over the project's Exception issues in id order, asking only for what the mapping
 * reads (exceptionFieldIds), `security` and the lifecycle property, at 100 a page: the most the enhanced search
 * returns once fields beyond id/key are asked for (FORGE_NOTES: "max 5000 when requesting id/key only"; the
 * simulator caps at 100 like Jira Cloud). So a rebuild of n issues makes ceil(n / 100) searches, the lower bound.
 *
 * The issues' facts go to the buckets of a new generation beside the live one (staging), written under the
 * project lock; when the last page is in, the project document is summed up from those buckets, written, and the
 * manifest switched to the new generation last. A change applied meanwhile (applyKpiChange) is pinned in staging,
 * so the rebuild's own (older or newer) read of that issue never overwrites it: no change is lost.
 */
import { z } from 'zod';
import { kpiFactsOf, summarizeFacts } from '../../domain/kpi';
import { exceptionFieldIds, toExceptionRecord } from '../issue-mapping/to-exception-record';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import { withLock } from '../locks/with-lock';
import type { Clock } from '../ports/clock';
import type { InvocationBudget } from '../ports/invocation-budget';
import type { IssuesPort, JiraIssue } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';
import type { SiteConfig } from '../site-config';
import { readSiteConfig } from '../transitions/site-config-of';
import {
  bucketOf,
  BucketSchema,
  ChunkSchema,
  KPI_BUCKET_COUNT,
  KPI_LOCK,
  KpiManifestSchema,
  KpiRebuildStateSchema,
  kpiKeys,
  NumericIdSchema,
  type Bucket,
  type BucketEntry,
  type KpiManifest,
  type KpiRebuildState,
  writeDocument,
} from './kpi-store-layout';

/** The largest page the enhanced search gives when fields are asked for. */
export const KPI_REBUILD_PAGE_SIZE = 100;
/** Stop paging with this much time left: the flush and the swap read and write every bucket once. */
export const KPI_REBUILD_RESERVE_MS = 60_000;
/** A rebuild started longer ago than this and asked for again from the start begins a fresh generation. */
const STALE_REBUILD_MS = 24 * 3_600_000;

export interface RebuildKpiDependencies {
  readonly jiraAsApp: IssuesPort;
  readonly store: StorePort;
  readonly clock: Clock;
  readonly budget: InvocationBudget;
}

export type RebuildKpiResult = { readonly done: true } | { readonly done: false; readonly cursor: string };

/** JQL string literal: quotes and backslashes escaped. */
const quoted = (text: string): string => `"${text.replace(/[\\"]/g, (character) => `\\${character}`)}"`;

export const kpiRebuildJql = (config: SiteConfig, projectId: string): string =>
  `project = ${NumericIdSchema.parse(projectId)} AND issuetype = ${quoted(config.issueTypeId)} ORDER BY id ASC`;

/** The fields a rebuild (and a single-issue refresh) reads. */
export const kpiFieldIds = (config: SiteConfig): string[] => [...exceptionFieldIds(config), 'security'];

/** Jira answers `security: null` (or leaves it out) for an issue without a security level. */
export const isSecured = (issue: JiraIssue): boolean => {
  const security = issue.fields.security;
  return security !== null && security !== undefined;
};

/** The bucket entry of an issue as read; undefined when the mapping cannot read it (left out, as the export does). */
export const entryOf = (issue: JiraIssue, config: SiteConfig): BucketEntry | undefined => {
  const mapped = toExceptionRecord(issue, config, { typeWhenMissing: 'Other' });
  return mapped.ok ? { facts: kpiFactsOf(mapped.record), secured: isSecured(issue) } : undefined;
};

/** Cursor: the generation being built and Jira's page token, so a stale event cannot feed another generation. */
const cursorOf = (generation: number, token: string): string => `${String(generation)}:${token}`;
const parseCursor = (cursor: string): { generation: number; token: string } | null => {
  const match = /^(\d{1,9}):(.*)$/s.exec(cursor);
  return match === null ? null : { generation: Number(match[1]), token: match[2] ?? '' };
};

/** Pages read between two flushes: bounds what an invocation holds in memory and redoes after a crash. */
const PAGES_PER_FLUSH = 20;

const lockOf = (store: StorePort, projectId: string) => ({
  run: <T>(work: () => Promise<T>): Promise<T> => withLock(store, kpiKeys.lock(projectId), KPI_LOCK, work),
});

/** Starts (or joins) the rebuild: the generation it builds. */
const startRebuild = async (deps: RebuildKpiDependencies, projectId: string): Promise<KpiRebuildState> =>
  lockOf(deps.store, projectId).run(async () => {
    const now = deps.clock.now();
    const held = await deps.store.get(kpiKeys.rebuild(projectId), KpiRebuildStateSchema);
    if (held !== undefined && Date.parse(now) - Date.parse(held.startedAt) < STALE_REBUILD_MS) return held;
    const manifest = await deps.store.get(kpiKeys.manifest(projectId), KpiManifestSchema);
    const generation = Math.max(manifest?.generation ?? 0, held?.generation ?? 0) + 1;
    const state: KpiRebuildState = { generation, startedAt: now };
    await deps.store.set(kpiKeys.rebuild(projectId), state);
    return state;
  });

const bucketKeys = (projectId: string, generation: number): string[] =>
  Array.from({ length: KPI_BUCKET_COUNT }, (_, bucket) => kpiKeys.bucket(projectId, generation, bucket));

/** Writes what the pages read into the staging buckets, never over an entry a change pinned. */
const flush = async (
  deps: RebuildKpiDependencies,
  projectId: string,
  generation: number,
  read: ReadonlyMap<string, BucketEntry>,
): Promise<void> => {
  if (read.size === 0) return;
  const byBucket = new Map<number, [string, BucketEntry][]>();
  for (const [issueId, entry] of read) {
    const bucket = bucketOf(issueId, KPI_BUCKET_COUNT);
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), [issueId, entry]]);
  }
  await lockOf(deps.store, projectId).run(async () => {
    const keys = [...byBucket.keys()].map((bucket) => kpiKeys.bucket(projectId, generation, bucket));
    const stored = await deps.store.getMany(keys, BucketSchema);
    for (const [bucket, entries] of byBucket) {
      const key = kpiKeys.bucket(projectId, generation, bucket);
      const next: Bucket = { ...(stored.get(key) ?? {}) };
      let changed = false;
      for (const [issueId, entry] of entries) {
        const held = Object.hasOwn(next, issueId) ? next[issueId] : undefined;
        if (held?.pinned === true || JSON.stringify(held) === JSON.stringify(entry)) continue;
        next[issueId] = entry;
        changed = true;
      }
      if (changed) await deps.store.set(key, next);
    }
  });
};

/** Sums the staging buckets into the project document and switches the manifest to them; old keys dropped. */
const swapIn = async (deps: RebuildKpiDependencies, projectId: string, generation: number): Promise<void> => {
  const old = await lockOf(deps.store, projectId).run(async () => {
    const state = await deps.store.get(kpiKeys.rebuild(projectId), KpiRebuildStateSchema);
    // Another invocation of the same rebuild finished first.
    if (state?.generation !== generation) return undefined;
    const stored = await deps.store.getMany(bucketKeys(projectId, generation), BucketSchema);
    const facts = [];
    const secured: [string, NonNullable<BucketEntry['facts']>][] = [];
    for (const bucket of stored.values()) {
      for (const [issueId, entry] of Object.entries(bucket)) {
        if (entry.facts === null) continue;
        if (entry.secured) secured.push([issueId, entry.facts]);
        else facts.push(entry.facts);
      }
    }
    secured.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const document = { summary: summarizeFacts(facts), secured: Object.fromEntries(secured) };
    const summaryChunks = await writeDocument(deps.store, projectId, generation, document, []);
    const previous = await deps.store.get(kpiKeys.manifest(projectId), KpiManifestSchema);
    const now = deps.clock.now();
    const manifest: KpiManifest = {
      version: 1,
      projectId,
      asOf: now,
      rebuiltAt: now,
      summaryChunks,
      bucketCount: KPI_BUCKET_COUNT,
      secured: secured.length,
      generation,
    };
    await deps.store.set(kpiKeys.manifest(projectId), manifest);
    await deps.store.delete(kpiKeys.rebuild(projectId));
    return previous;
  });
  if (old === undefined || old.generation === generation) return;
  // Outside the lock: nobody reads the old generation any more. Listed, so only keys that exist are deleted.
  for (;;) {
    const leftovers = await deps.store.listByPrefix(
      kpiKeys.generation(projectId, old.generation),
      ChunkOrBucket,
      100,
    );
    if (leftovers.length === 0) break;
    for (const { key } of leftovers) await deps.store.delete(key);
  }
};

const ChunkOrBucket = z.union([ChunkSchema, BucketSchema]);

/**
 * Rebuilds the project's model from Jira, from `cursor` (a previous call's answer) or from the start. Stops
 * paging when the budget runs short and answers a cursor to go on from; done once the new model is in place.
 */
export const rebuildKpiProject = async (
  deps: RebuildKpiDependencies,
  projectId: string,
  cursor?: string,
): Promise<RebuildKpiResult> => {
  const config = await readSiteConfig(deps.store);
  if (config === undefined || !config.projects.some((project) => project.id === projectId))
    return { done: true };

  let generation: number;
  let token: string | undefined;
  if (cursor === undefined) generation = (await startRebuild(deps, projectId)).generation;
  else {
    const parsed = parseCursor(cursor);
    const state = await deps.store.get(kpiKeys.rebuild(projectId), KpiRebuildStateSchema);
    // The rebuild this cursor belongs to is over (finished, or superseded): nothing left to do.
    if (parsed === null || state?.generation !== parsed.generation) return { done: true };
    generation = parsed.generation;
    token = parsed.token === '' ? undefined : parsed.token;
  }

  const jql = kpiRebuildJql(config, projectId);
  const fields = kpiFieldIds(config);
  const read = new Map<string, BucketEntry>();
  for (let pages = 1; ; pages += 1) {
    if (deps.budget.remainingMs() < KPI_REBUILD_RESERVE_MS) {
      await flush(deps, projectId, generation, read);
      return { done: false, cursor: cursorOf(generation, token ?? '') };
    }
    const page = await deps.jiraAsApp.search(jql, {
      fields,
      properties: [LIFECYCLE_PROPERTY_KEY],
      maxResults: KPI_REBUILD_PAGE_SIZE,
      ...(token === undefined ? {} : { nextPageToken: token }),
    });
    for (const issue of page.issues) {
      const entry = entryOf(issue, config);
      // An issue the mapping cannot read is left out, as the register export leaves it out.
      read.set(issue.id, entry ?? { facts: null, secured: false });
    }
    if (page.isLast || page.nextPageToken === null) break;
    token = page.nextPageToken;
    if (pages % PAGES_PER_FLUSH === 0) {
      await flush(deps, projectId, generation, read);
      read.clear();
    }
  }
  await flush(deps, projectId, generation, read);
  await swapIn(deps, projectId, generation);
  return { done: true };
};
