/**
 * The KPI read model (ISSUE 7 item 3): per project, the KPI summary kept in the app's store and updated one issue
 * at a time, so the gadget reads a few keys instead of 50,000 issues. The layout is in kpi-store-layout.ts; the
 * background rebuild in rebuild-kpi-project.ts. Issues with an issue security level are kept out of the summary
 * (their facts are returned apart), so a reader adds only those its viewer may see.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { addFacts, kpiFactsOf, removeFacts, type KpiFacts, type KpiSummary } from '../../domain/kpi';
import type { ExceptionRecord } from '../../domain/register-schema';
import { withLock } from '../locks/with-lock';
import type { Clock } from '../ports/clock';
import type { StorePort } from '../ports/store-port';
import {
  bucketOf,
  BucketSchema,
  ChunkSchema,
  documentOf,
  KPI_BUCKET_COUNT,
  KPI_LOCK,
  writeDocument,
  KpiManifestSchema,
  KpiRebuildStateSchema,
  kpiKeys,
  type Bucket,
  type BucketEntry,
  type KpiManifest,
  type ProjectDocument,
} from './kpi-store-layout';

export { rebuildKpiProject, type RebuildKpiDependencies, type RebuildKpiResult } from './rebuild-kpi-project';

export interface KpiProjectView {
  readonly summary: KpiSummary;
  readonly asOf: string;
  /** Facts of the project's issues with an issue security level, by issue id: not in `summary`. */
  readonly securedFacts: Map<string, KpiFacts>;
}

const chunkKeys = (manifest: KpiManifest): string[] =>
  Array.from({ length: manifest.summaryChunks }, (_, index) =>
    kpiKeys.chunk(manifest.projectId, manifest.generation, index),
  );

const readDocument = (chunks: ReadonlyMap<string, string>, manifest: KpiManifest): ProjectDocument =>
  documentOf(chunkKeys(manifest).map((key) => chunks.get(key)));

/** Null for a project whose model was never built. Two store requests for up to 25 projects' manifests and chunks. */
export const readKpiProjects = async (
  store: StorePort,
  projectIds: readonly string[],
): Promise<Map<string, KpiProjectView | null>> => {
  const manifests = await store.getMany(projectIds.map(kpiKeys.manifest), KpiManifestSchema);
  const built = projectIds.flatMap((projectId) => {
    const manifest = manifests.get(kpiKeys.manifest(projectId));
    return manifest === undefined ? [] : [manifest];
  });
  const chunks = await store.getMany(built.flatMap(chunkKeys), ChunkSchema);
  const views = new Map<string, KpiProjectView | null>(projectIds.map((projectId) => [projectId, null]));
  for (const manifest of built) {
    const document = readDocument(chunks, manifest);
    views.set(manifest.projectId, {
      summary: document.summary,
      asOf: manifest.asOf,
      securedFacts: new Map(Object.entries(document.secured)),
    });
  }
  return views;
};

export interface IssueKpiFacts {
  readonly facts: KpiFacts;
  readonly secured: boolean;
}

/** Every issue's facts in the project (for a JQL-scoped gadget); empty for a project never built. */
export const readKpiFacts = async (
  store: StorePort,
  projectId: string,
): Promise<Map<string, IssueKpiFacts>> => {
  const manifest = await store.get(kpiKeys.manifest(projectId), KpiManifestSchema);
  const facts = new Map<string, IssueKpiFacts>();
  if (manifest === undefined) return facts;
  const keys = Array.from({ length: manifest.bucketCount }, (_, bucket) =>
    kpiKeys.bucket(projectId, manifest.generation, bucket),
  );
  for (const bucket of (await store.getMany(keys, BucketSchema)).values()) {
    for (const [issueId, entry] of Object.entries(bucket)) {
      if (entry.facts !== null) facts.set(issueId, { facts: entry.facts, secured: entry.secured });
    }
  }
  return facts;
};

export interface KpiChange {
  readonly projectId: string;
  readonly issueId: string;
  /** The issue's record now; null when it left: deleted, moved away, no longer an Exception. */
  readonly record: ExceptionRecord | null;
  /** The issue has an issue security level. */
  readonly secured: boolean;
}

export interface KpiChangeDependencies {
  readonly store: StorePort;
  readonly clock: Clock;
}

export type KpiChangeOutcome =
  /** Nothing stored for the project yet: the hourly sweep queues its rebuild (a missing manifest asks for one). */
  'not-built' | 'unchanged' | 'applied';

const withoutIssue = (bucket: Bucket, issueId: string): Bucket =>
  Object.fromEntries(Object.entries(bucket).filter(([id]) => id !== issueId));

const writeBucket = async (store: StorePort, key: string, bucket: Bucket): Promise<void> => {
  if (Object.keys(bucket).length === 0) await store.delete(key);
  else await store.set(key, bucket);
};

/** The document with `old` taken out and `next` put in (each as counted: in the summary, or apart if secured). */
export const replaceInDocument = (
  document: ProjectDocument,
  issueId: string,
  old: BucketEntry | undefined,
  next: BucketEntry | undefined,
): ProjectDocument => {
  let summary = document.summary;
  const secured = new Map(Object.entries(document.secured));
  if (old?.facts != null) {
    if (old.secured) secured.delete(issueId);
    else summary = removeFacts(summary, old.facts);
  }
  if (next?.facts != null) {
    if (next.secured) secured.set(issueId, next.facts);
    else summary = addFacts(summary, next.facts);
  }
  const sortedSecured = [...secured].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { summary, secured: Object.fromEntries(sortedSecured) };
};

const applyToLive = async (
  deps: KpiChangeDependencies,
  manifest: KpiManifest,
  change: KpiChange,
  next: BucketEntry | undefined,
): Promise<boolean> => {
  const { store } = deps;
  const bucketKey = kpiKeys.bucket(
    change.projectId,
    manifest.generation,
    bucketOf(change.issueId, manifest.bucketCount),
  );
  // One batch read: the bucket and the document's chunks.
  const read = await store.getMany([bucketKey, ...chunkKeys(manifest)], z.unknown());
  const bucket = BucketSchema.parse(read.get(bucketKey) ?? {});
  const old = Object.hasOwn(bucket, change.issueId) ? bucket[change.issueId] : undefined;
  const counted = (entry: BucketEntry | undefined): BucketEntry | undefined =>
    entry?.facts == null ? undefined : { facts: entry.facts, secured: entry.secured };
  if (isDeepStrictEqual(counted(old), counted(next))) return false;

  const stored = chunkKeys(manifest).map((key) =>
    read.has(key) ? ChunkSchema.parse(read.get(key)) : undefined,
  );
  const document = replaceInDocument(documentOf(stored), change.issueId, counted(old), counted(next));
  await writeBucket(
    store,
    bucketKey,
    next === undefined ? withoutIssue(bucket, change.issueId) : { ...bucket, [change.issueId]: next },
  );
  const summaryChunks = await writeDocument(store, change.projectId, manifest.generation, document, stored);
  const written: KpiManifest = {
    ...manifest,
    asOf: deps.clock.now(),
    summaryChunks,
    secured: Object.keys(document.secured).length,
  };
  await store.set(kpiKeys.manifest(change.projectId), written);
  return true;
};

/** A rebuild under way reads the issues later or earlier than this change: the change is pinned in its staging. */
const applyToStaging = async (
  store: StorePort,
  change: KpiChange,
  generation: number,
  facts: KpiFacts | null,
): Promise<boolean> => {
  const key = kpiKeys.bucket(change.projectId, generation, bucketOf(change.issueId, KPI_BUCKET_COUNT));
  const bucket = (await store.get(key, BucketSchema)) ?? {};
  const entry: BucketEntry = { facts, secured: change.secured, pinned: true };
  const held = Object.hasOwn(bucket, change.issueId) ? bucket[change.issueId] : undefined;
  if (isDeepStrictEqual(held, entry)) return false;
  await store.set(key, { ...bucket, [change.issueId]: entry });
  return true;
};

/**
 * Brings the project's model up to date with one issue, under the per-project lock. Idempotent: the same change
 * applied twice leaves the store as once (the second finds its facts already there and writes nothing).
 */
export const applyKpiChange = (deps: KpiChangeDependencies, change: KpiChange): Promise<KpiChangeOutcome> =>
  withLock(deps.store, kpiKeys.lock(change.projectId), KPI_LOCK, async () => {
    const { store } = deps;
    const manifestKey = kpiKeys.manifest(change.projectId);
    const rebuildKey = kpiKeys.rebuild(change.projectId);
    // One batch read: the manifest and the rebuild under way, if any.
    const read = await store.getMany([manifestKey, rebuildKey], z.unknown());
    const manifest = read.has(manifestKey) ? KpiManifestSchema.parse(read.get(manifestKey)) : undefined;
    const rebuild = read.has(rebuildKey) ? KpiRebuildStateSchema.parse(read.get(rebuildKey)) : undefined;
    if (manifest === undefined && rebuild === undefined) return 'not-built';
    const facts = change.record === null ? null : kpiFactsOf(change.record);
    const next: BucketEntry | undefined = facts === null ? undefined : { facts, secured: change.secured };
    const live = manifest === undefined ? false : await applyToLive(deps, manifest, change, next);
    const staged =
      rebuild === undefined ? false : await applyToStaging(store, change, rebuild.generation, facts);
    return live || staged ? 'applied' : 'unchanged';
  });
