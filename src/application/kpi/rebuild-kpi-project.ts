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
import { jqlLiteral } from '../jql-literal';
import { z } from 'zod';
import { kpiFactsOf, summarizeFacts } from '../../domain/kpi';
import type { ExceptionRecord } from '../../domain/register-schema';
import { exceptionFieldIds, toExceptionRecord } from '../issue-mapping/to-exception-record';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import { withLock } from '../locks/with-lock';
import type { Clock } from '../ports/clock';
import type { InvocationBudget } from '../ports/invocation-budget';
import type { IssuesPort, JiraIssue } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';
import type { SiteConfig } from '../site-config';
import { readSiteConfig } from '../transitions/site-config-of';
import { planFresh } from './kpi-document';
import {
  bucketCountFor,
  bucketOf,
  BucketSchema,
  inParallel,
  KPI_LOCK,
  KPI_WRITE_CONCURRENCY,
  KpiManifestSchema,
  KpiRebuildStateSchema,
  kpiKeys,
  NumericIdSchema,
  PinSchema,
  writePlan,
  type Bucket,
  type BucketEntry,
  type KpiManifest,
  type KpiRebuildState,
} from './kpi-store-layout';

/** The largest page the enhanced search gives when fields are asked for. */
export const KPI_REBUILD_PAGE_SIZE = 100;
/** Stop paging with this much time left: the flush and the swap write every bucket once. */
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

export const kpiRebuildJql = (config: SiteConfig, projectId: string): string =>
  `project = ${NumericIdSchema.parse(projectId)} AND issuetype = ${jqlLiteral(config.issueTypeId)} ORDER BY id ASC`;

/** The fields a rebuild (and a single-issue refresh) reads. */
export const kpiFieldIds = (config: SiteConfig): string[] => [...exceptionFieldIds(config), 'security'];

/** Jira answers `security: null` (or leaves it out) for an issue without a security level. */
export const isSecured = (issue: JiraIssue): boolean => {
  const security = issue.fields.security;
  return security !== null && security !== undefined;
};

/**
 * The issue's record, mapped as the register export maps it, and whether it is secured; undefined when the
 * mapping cannot read it (the export leaves such an issue out, so the KPIs do too).
 */
export const entryOf = (
  issue: JiraIssue,
  config: SiteConfig,
): { readonly record: ExceptionRecord; readonly secured: boolean } | undefined => {
  const mapped = toExceptionRecord(issue, config, { typeWhenMissing: 'Other' });
  return mapped.ok ? { record: mapped.record, secured: isSecured(issue) } : undefined;
};

/** Cursor: the generation being built and Jira's page token, so a stale event cannot feed another generation. */
const cursorOf = (generation: number, token: string): string => `${String(generation)}:${token}`;
const parseCursor = (cursor: string): { generation: number; token: string } | null => {
  const match = /^(\d{1,9}):(.*)$/s.exec(cursor);
  return match === null ? null : { generation: Number(match[1]), token: match[2] ?? '' };
};

/**
 * Issues an invocation holds in memory before it writes them out: bounds its memory (a fact is a few hundred bytes)
 * while a project of up to this many issues is written bucket by bucket exactly once.
 */
const ISSUES_PER_FLUSH = 50_000;

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

const byBucket = (entries: ReadonlyMap<string, BucketEntry>, bucketCount: number): Map<number, Bucket> => {
  const buckets = new Map<number, Bucket>();
  for (const [issueId, entry] of entries) {
    const bucket = bucketOf(issueId, bucketCount);
    const held = buckets.get(bucket) ?? {};
    held[issueId] = entry;
    buckets.set(bucket, held);
  }
  return buckets;
};

/**
 * Writes what this invocation read into the staging buckets: each bucket once, merged with what an earlier
 * invocation of the same rebuild wrote there. The first flush fixes the bucket count, from the issues read so far
 * and the live generation's size. Answers the rebuild state (with its bucket count), or undefined when the rebuild
 * is over (another invocation finished it).
 */
const flush = async (
  deps: RebuildKpiDependencies,
  projectId: string,
  generation: number,
  read: ReadonlyMap<string, BucketEntry>,
): Promise<KpiRebuildState | undefined> =>
  lockOf(deps.store, projectId).run(async () => {
    const state = await deps.store.get(kpiKeys.rebuild(projectId), KpiRebuildStateSchema);
    if (state?.generation !== generation) return undefined;
    if (state.bucketCount !== undefined) {
      const touched = byBucket(read, state.bucketCount);
      const keys = [...touched.keys()].map((bucket) => kpiKeys.bucket(projectId, generation, bucket));
      const stored = await deps.store.getMany(keys, BucketSchema);
      await inParallel([...touched], KPI_WRITE_CONCURRENCY, ([bucket, entries]) => {
        const key = kpiKeys.bucket(projectId, generation, bucket);
        return deps.store.set(key, { ...(stored.get(key) ?? {}), ...entries });
      });
      return state;
    }
    const live = await deps.store.get(kpiKeys.manifest(projectId), KpiManifestSchema);
    const bucketCount = bucketCountFor(Math.max(read.size, live?.issues ?? 0));
    const settled = { ...state, bucketCount };
    await deps.store.set(kpiKeys.rebuild(projectId), settled);
    await inParallel([...byBucket(read, bucketCount)], KPI_WRITE_CONCURRENCY, ([bucket, entries]) =>
      deps.store.set(kpiKeys.bucket(projectId, generation, bucket), entries),
    );
    return settled;
  });

/** The changes pinned while the rebuild ran, by issue id. */
const readPins = async (
  deps: RebuildKpiDependencies,
  projectId: string,
  generation: number,
): Promise<Map<string, z.infer<typeof PinSchema>>> => {
  const prefix = kpiKeys.pins(projectId, generation);
  const pins = new Map<string, z.infer<typeof PinSchema>>();
  for (;;) {
    const page = await deps.store.listByPrefix(prefix, PinSchema, 100);
    const fresh = page.filter(({ key }) => !pins.has(key.slice(prefix.length)));
    for (const { key, value } of fresh) pins.set(key.slice(prefix.length), value);
    if (page.length < 100 || fresh.length === 0) return pins;
    // Listed in key order from the start each time: drop this page's keys so the next listing moves on.
    await inParallel(fresh, KPI_WRITE_CONCURRENCY, ({ key }) => deps.store.delete(key));
  }
};

/**
 * The last invocation: this invocation's reads, what earlier invocations flushed, and the pinned changes become the
 * new generation: each bucket written once, the document summed up and written, the manifest switched to it last;
 * then the old generation's keys are dropped.
 */
const finish = async (
  deps: RebuildKpiDependencies,
  projectId: string,
  generation: number,
  read: ReadonlyMap<string, BucketEntry>,
): Promise<void> => {
  const old = await lockOf(deps.store, projectId).run(async () => {
    const state = await deps.store.get(kpiKeys.rebuild(projectId), KpiRebuildStateSchema);
    // Another invocation of the same rebuild finished first.
    if (state?.generation !== generation) return undefined;
    const previous = await deps.store.get(kpiKeys.manifest(projectId), KpiManifestSchema);
    const entries = new Map<string, BucketEntry>();
    const flushed = new Map<number, string>();
    if (state.bucketCount !== undefined) {
      // Earlier invocations flushed their reads: gather them (this invocation's reads are newer).
      const keys = Array.from({ length: state.bucketCount }, (_, bucket) =>
        kpiKeys.bucket(projectId, generation, bucket),
      );
      const stored = await deps.store.getMany(keys, BucketSchema);
      for (const [index, key] of keys.entries()) {
        const bucket = stored.get(key);
        if (bucket === undefined) continue;
        flushed.set(index, JSON.stringify(bucket));
        for (const [issueId, entry] of Object.entries(bucket)) entries.set(issueId, entry);
      }
    }
    for (const [issueId, entry] of read) entries.set(issueId, entry);
    const pins = await readPins(deps, projectId, generation);
    for (const [issueId, pin] of pins) entries.set(issueId, pin);
    for (const [issueId, entry] of entries) if (entry.facts === null) entries.delete(issueId);

    const bucketCount = state.bucketCount ?? bucketCountFor(entries.size);
    const buckets = byBucket(entries, bucketCount);
    const changed = [...buckets].filter(([bucket, held]) => flushed.get(bucket) !== JSON.stringify(held));
    await inParallel(changed, KPI_WRITE_CONCURRENCY, ([bucket, held]) =>
      deps.store.set(kpiKeys.bucket(projectId, generation, bucket), held),
    );
    // Buckets an earlier flush wrote that hold nothing now (every issue in them left).
    const emptied = [...flushed.keys()].filter((bucket) => !buckets.has(bucket));
    await inParallel(emptied, KPI_WRITE_CONCURRENCY, (bucket) =>
      deps.store.delete(kpiKeys.bucket(projectId, generation, bucket)),
    );

    const facts = [];
    const secured: [string, NonNullable<BucketEntry['facts']>][] = [];
    for (const [issueId, entry] of entries) {
      if (entry.facts === null) continue;
      if (entry.secured) secured.push([issueId, entry.facts]);
      else facts.push(entry.facts);
    }
    secured.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const plan = planFresh({ summary: summarizeFacts(facts), secured: Object.fromEntries(secured) });
    await writePlan(deps.store, projectId, generation, plan);
    const now = deps.clock.now();
    const manifest: KpiManifest = {
      version: 1,
      projectId,
      asOf: now,
      rebuiltAt: now,
      summaryChunks: plan.layout.length,
      bucketCount,
      secured: secured.length,
      generation,
      chunks: plan.layout,
      nextChunk: plan.nextChunk,
      issues: entries.size,
    };
    await deps.store.set(kpiKeys.manifest(projectId), manifest);
    await deps.store.delete(kpiKeys.rebuild(projectId));
    await inParallel([...pins.keys()], KPI_WRITE_CONCURRENCY, (issueId) =>
      deps.store.delete(kpiKeys.pin(projectId, generation, issueId)),
    );
    return previous;
  });
  if (old === undefined || old.generation === generation) return;
  // Outside the lock: nobody reads the old generation any more. Listed, so only keys that exist are deleted.
  const stale = kpiKeys.generation(projectId, old.generation);
  for (;;) {
    const leftovers = await deps.store.listByPrefix(stale, z.unknown(), 100);
    if (leftovers.length === 0) break;
    await inParallel(leftovers, KPI_WRITE_CONCURRENCY, ({ key }) => deps.store.delete(key));
  }
};

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
  for (;;) {
    if (deps.budget.remainingMs() < KPI_REBUILD_RESERVE_MS) {
      if ((await flush(deps, projectId, generation, read)) === undefined) return { done: true };
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
      read.set(
        issue.id,
        entry === undefined
          ? { facts: null, secured: false }
          : { facts: kpiFactsOf(entry.record), secured: entry.secured },
      );
    }
    if (page.isLast || page.nextPageToken === null) break;
    token = page.nextPageToken;
    if (read.size >= ISSUES_PER_FLUSH) {
      if ((await flush(deps, projectId, generation, read)) === undefined) return { done: true };
      read.clear();
    }
  }
  await finish(deps, projectId, generation, read);
  return { done: true };
};
