/**
 * The KPI read model (ISSUE 7 item 3): per project, the KPI summary kept in the app's store and updated one issue
 * at a time, so the gadget reads a few keys instead of 50,000 issues. The layout is in kpi-store-layout.ts; the
 * background rebuild in rebuild-kpi-project.ts. Issues with an issue security level are kept out of the summary
 * (their facts are returned apart), so a reader adds only those its viewer may see.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import {
  addFacts,
  kpiFactsOf,
  KpiSummaryMismatchError,
  removeFacts,
  type KpiFacts,
  type KpiSummary,
} from '../../domain/kpi';
import type { ExceptionRecord } from '../../domain/register-schema';
import { withLock } from '../locks/with-lock';
import type { Clock } from '../ports/clock';
import type { StorePort } from '../ports/store-port';
import {
  chunksHolding,
  documentOfSections,
  planChange,
  sectionsOfChunks,
  sectionsOfFacts,
  sectionTexts,
  type ChunkLayout,
  type ProjectDocument,
} from './kpi-document';
import {
  bucketOf,
  BucketSchema,
  ChunkSchema,
  isLaidOut,
  KPI_LOCK,
  KpiManifestSchema,
  KpiRebuildStateSchema,
  kpiKeys,
  PinSchema,
  writePlan,
  type Bucket,
  type BucketEntry,
  type KpiManifest,
  type KpiRebuildState,
  type LaidOutManifest,
} from './kpi-store-layout';

export { rebuildKpiProject, type RebuildKpiDependencies, type RebuildKpiResult } from './rebuild-kpi-project';

export interface KpiProjectView {
  readonly summary: KpiSummary;
  readonly asOf: string;
  /** Facts of the project's issues with an issue security level, by issue id: not in `summary`. */
  readonly securedFacts: Map<string, KpiFacts>;
}

const chunkKeysOf = (projectId: string, generation: number, chunks: readonly ChunkLayout[]): string[] =>
  chunks.map((chunk) => kpiKeys.chunk(projectId, generation, chunk.id));

/** The chunks' texts by id; throws when one is missing (the store was tampered with, or a writer crashed). */
const textsById = (
  manifest: LaidOutManifest,
  chunks: readonly ChunkLayout[],
  read: ReadonlyMap<string, string>,
): Map<number, string> =>
  new Map(
    chunks.map((chunk) => {
      const text = read.get(kpiKeys.chunk(manifest.projectId, manifest.generation, chunk.id));
      if (text === undefined) throw new Error('A KPI summary chunk is missing.');
      return [chunk.id, text];
    }),
  );

/**
 * Null for a project whose model was never built (or was written by an earlier layout). Two store requests for up
 * to 25 projects' manifests and chunks (more when the chunks are more than 25).
 */
export const readKpiProjects = async (
  store: StorePort,
  projectIds: readonly string[],
): Promise<Map<string, KpiProjectView | null>> => {
  const manifests = await store.getMany(projectIds.map(kpiKeys.manifest), KpiManifestSchema);
  const built = projectIds.flatMap((projectId) => {
    const manifest = manifests.get(kpiKeys.manifest(projectId));
    return isLaidOut(manifest) ? [manifest] : [];
  });
  const chunks = await store.getMany(
    built.flatMap((manifest) => chunkKeysOf(manifest.projectId, manifest.generation, manifest.chunks)),
    ChunkSchema,
  );
  const views = new Map<string, KpiProjectView | null>(projectIds.map((projectId) => [projectId, null]));
  for (const manifest of built) {
    const texts = textsById(manifest, manifest.chunks, chunks);
    const document = documentOfSections(sectionsOfChunks(manifest.chunks, texts));
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

const counted = (entry: BucketEntry | undefined): BucketEntry | undefined =>
  entry?.facts == null ? undefined : { facts: entry.facts, secured: entry.secured };

/** The sections a change from `old` to `next` rewrites: the months their summary facts count in, and `state`. */
const sectionsTouched = (old: BucketEntry | undefined, next: BucketEntry | undefined): Set<string> => {
  const sections = new Set(['state']);
  for (const entry of [old, next]) {
    if (entry?.facts == null) continue;
    if (entry.secured) sections.add('secured');
    else for (const name of sectionsOfFacts(entry.facts)) sections.add(name);
  }
  return sections;
};

/** The sections of the document this change needs, read from only the chunks that hold them. */
const readSections = async (
  store: StorePort,
  manifest: LaidOutManifest,
  wanted: ReadonlySet<string>,
): Promise<{ texts: Map<string, string>; stored: Map<number, string> }> => {
  const holding = chunksHolding(manifest.chunks, wanted);
  const last = manifest.chunks.at(-1);
  const isNew = [...wanted].some((name) => !manifest.chunks.some((c) => c.units.some(([n]) => n === name)));
  // A section not stored yet (a new month) goes into the last chunk, which is then read too.
  const reading = isNew && last !== undefined && !holding.includes(last) ? [...holding, last] : holding;
  const read = await store.getMany(
    chunkKeysOf(manifest.projectId, manifest.generation, reading),
    ChunkSchema,
  );
  try {
    const stored = textsById(manifest, reading, read);
    const all = sectionsOfChunks(reading, stored);
    return { texts: new Map([...all].filter(([name]) => wanted.has(name))), stored };
  } catch {
    throw new KpiSummaryMismatchError('a stored chunk does not match the manifest');
  }
};

const applyToLive = async (
  deps: KpiChangeDependencies,
  manifest: LaidOutManifest,
  change: KpiChange,
  next: BucketEntry | undefined,
): Promise<boolean> => {
  const { store } = deps;
  const bucketKey = kpiKeys.bucket(
    change.projectId,
    manifest.generation,
    bucketOf(change.issueId, manifest.bucketCount),
  );
  const bucket = (await store.get(bucketKey, BucketSchema)) ?? {};
  const old = Object.hasOwn(bucket, change.issueId) ? bucket[change.issueId] : undefined;
  if (isDeepStrictEqual(counted(old), counted(next))) return false;

  const wanted = sectionsTouched(counted(old), counted(next));
  const { texts, stored } = await readSections(store, manifest, wanted);
  let document: ProjectDocument;
  try {
    document = documentOfSections(texts);
  } catch {
    throw new KpiSummaryMismatchError('a stored section is not a KPI section');
  }
  const changed = replaceInDocument(document, change.issueId, counted(old), counted(next));
  const sections = new Map(
    [...sectionTexts(changed, wanted)].filter(([name, text]) => text !== (texts.get(name) ?? null)),
  );
  const plan = planChange(manifest.chunks, manifest.nextChunk, stored, sections);
  await writeBucket(
    store,
    bucketKey,
    next === undefined ? withoutIssue(bucket, change.issueId) : { ...bucket, [change.issueId]: next },
  );
  await writePlan(store, change.projectId, manifest.generation, { ...plan, deletes: [] });
  const issues = (manifest.issues ?? 0) + (next?.facts != null ? 1 : 0) - (old?.facts != null ? 1 : 0);
  const written: KpiManifest = {
    ...manifest,
    asOf: deps.clock.now(),
    summaryChunks: plan.layout.length,
    chunks: plan.layout,
    nextChunk: plan.nextChunk,
    secured: wanted.has('secured') ? Object.keys(changed.secured).length : manifest.secured,
    issues: Math.max(0, issues),
  };
  await store.set(kpiKeys.manifest(change.projectId), written);
  // Only now that the manifest names the new chunks: a reader of the previous manifest found the old ones.
  await writePlan(store, change.projectId, manifest.generation, { ...plan, writes: new Map() });
  return true;
};

/**
 * A rebuild under way reads the issues later or earlier than this change: the change is pinned beside its staging
 * (one key per issue, so it does not depend on the bucket count the rebuild settles on), and wins at the swap.
 */
const applyToStaging = async (
  store: StorePort,
  change: KpiChange,
  generation: number,
  facts: KpiFacts | null,
): Promise<boolean> => {
  const key = kpiKeys.pin(change.projectId, generation, change.issueId);
  const pin = { facts, secured: change.secured };
  if (isDeepStrictEqual(await store.get(key, PinSchema), pin)) return false;
  // Expires by itself should the rebuild be abandoned (a stale rebuild starts a fresh generation after a day).
  await store.set(key, pin, { ttlSeconds: 7 * 86_400 });
  return true;
};

const modelState = async (
  store: StorePort,
  projectId: string,
): Promise<{ manifest: KpiManifest | undefined; rebuild: KpiRebuildState | undefined }> => {
  const manifestKey = kpiKeys.manifest(projectId);
  const rebuildKey = kpiKeys.rebuild(projectId);
  // One batch read: the manifest and the rebuild under way, if any.
  const read = await store.getMany([manifestKey, rebuildKey], z.unknown());
  return {
    manifest: read.has(manifestKey) ? KpiManifestSchema.parse(read.get(manifestKey)) : undefined,
    rebuild: read.has(rebuildKey) ? KpiRebuildStateSchema.parse(read.get(rebuildKey)) : undefined,
  };
};

/** Whether the project has a model or a rebuild under way (one batch read). */
export const hasModel = async (store: StorePort, projectId: string): Promise<boolean> => {
  const { manifest, rebuild } = await modelState(store, projectId);
  return manifest !== undefined || rebuild !== undefined;
};

/**
 * Brings the project's model up to date with one issue, under the per-project lock. Idempotent: the same change
 * applied twice leaves the store as once (the second finds its facts already there and writes nothing). A project
 * with no model and no rebuild under way is left alone without taking the lock (no write at all): a rebuild that
 * starts after this look reads the issue after the change anyway.
 */
export const applyKpiChange = async (
  deps: KpiChangeDependencies,
  change: KpiChange,
): Promise<KpiChangeOutcome> => {
  const first = await modelState(deps.store, change.projectId);
  if (first.manifest === undefined && first.rebuild === undefined) return 'not-built';
  return withLock(deps.store, kpiKeys.lock(change.projectId), KPI_LOCK, async () => {
    const { manifest, rebuild } = await modelState(deps.store, change.projectId);
    if (!isLaidOut(manifest) && rebuild === undefined) return 'not-built';
    const facts = change.record === null ? null : kpiFactsOf(change.record);
    const next: BucketEntry | undefined = facts === null ? undefined : { facts, secured: change.secured };
    const live = isLaidOut(manifest) ? await applyToLive(deps, manifest, change, next) : false;
    const staged =
      rebuild === undefined ? false : await applyToStaging(deps.store, change, rebuild.generation, facts);
    return live || staged ? 'applied' : 'unchanged';
  });
};
