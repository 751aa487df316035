/**
 * How the KPI read model sits in the app's store (ISSUE 7 item 3, ISSUE 9). Per project, one generation at a time:
 * - `kpi:<projectId>:manifest`: which generation is live, how fresh it is (`asOf`), its chunk layout and buckets;
 * - `kpi:<projectId>:g<n>:summary:<id>`: the project document (its KpiSummary and the facts of its issues with an
 *   issue security level, which are left out of the summary) cut by structure into sections packed into chunks of
 *   about one KVS unit (kpi-document.ts), so one change rewrites the one or two chunks of the months it touches;
 * - `kpi:<projectId>:g<n>:facts:<b>`: per-issue facts in buckets (issue id mod the bucket count, sized to the
 *   project by the rebuild: about KPI_ISSUES_PER_BUCKET a bucket), so one change reads and writes one small bucket;
 * - `kpi:<projectId>:g<n>:pin:<issueId>`: a change applied while generation n is being rebuilt, which the rebuild's
 *   own (older or newer) read of that issue must not overwrite;
 * - `kpi:<projectId>:rebuild`: a rebuild under way, building generation n+1 beside the live one.
 * A rebuild writes its generation and then the manifest: readers see the old generation or the new, never half.
 */
import { z } from 'zod';
import { KpiFactsSchema } from '../../domain/kpi';
import { IsoInstantSchema } from '../../domain/register-schema';
import type { LockOptions } from '../locks/with-lock';
import type { StorePort } from '../ports/store-port';
import {
  ChunkLayoutSchema,
  planFresh,
  type ChunkLayout,
  type LayoutPlan,
  type ProjectDocument,
} from './kpi-document';
import { NumericIdSchema } from './numeric-id';

export { NumericIdSchema } from './numeric-id';
export type { ProjectDocument } from './kpi-document';

/**
 * Issues a bucket holds on average: a fact is some 300 bytes of JSON, so a bucket stays near one 10 KB KVS unit and
 * one change reads and writes about one unit of facts.
 */
export const KPI_ISSUES_PER_BUCKET = 24;
export const KPI_MAX_BUCKETS = 4096;
/** The bucket count for a project of `issues` exceptions. */
export const bucketCountFor = (issues: number): number =>
  Math.min(KPI_MAX_BUCKETS, Math.max(1, Math.ceil(issues / KPI_ISSUES_PER_BUCKET)));
/** Hard bound on a stored chunk's characters (far under the 240 KiB value limit, FORGE_NOTES §10). */
export const KPI_CHUNK_CHARACTERS = 50_000;

/** Like the lifecycle lock: frees itself a minute after a crash; a waiter gives up after about ten seconds. */
export const KPI_LOCK: LockOptions = { ttlSeconds: 60, attempts: 10, delayMs: 100, maxDelayMs: 2_000 };

const checkedId = (id: string): string => NumericIdSchema.parse(id);

export const kpiKeys = {
  manifest: (projectId: string): string => `kpi:${checkedId(projectId)}:manifest`,
  rebuild: (projectId: string): string => `kpi:${checkedId(projectId)}:rebuild`,
  lock: (projectId: string): string => `kpi-lock:${checkedId(projectId)}`,
  generation: (projectId: string, generation: number): string =>
    `kpi:${checkedId(projectId)}:g${String(generation)}:`,
  chunk: (projectId: string, generation: number, index: number): string =>
    `${kpiKeys.generation(projectId, generation)}summary:${String(index)}`,
  bucket: (projectId: string, generation: number, bucket: number): string =>
    `${kpiKeys.generation(projectId, generation)}facts:${String(bucket)}`,
  pins: (projectId: string, generation: number): string => `${kpiKeys.generation(projectId, generation)}pin:`,
  pin: (projectId: string, generation: number, issueId: string): string =>
    `${kpiKeys.pins(projectId, generation)}${checkedId(issueId)}`,
};

export const bucketOf = (issueId: string, bucketCount: number): number =>
  Number(BigInt(checkedId(issueId)) % BigInt(bucketCount));

export const KpiManifestSchema = z.strictObject({
  version: z.literal(1),
  projectId: NumericIdSchema,
  /** The time of the last change applied or rebuild completed. */
  asOf: IsoInstantSchema,
  rebuiltAt: IsoInstantSchema.nullable(),
  /** How many chunks the document is in. */
  summaryChunks: z.number().int().positive(),
  bucketCount: z.number().int().positive().max(KPI_MAX_BUCKETS),
  /** Issues with an issue security level: in the document's `secured` facts, not in its summary. */
  secured: z.number().int().nonnegative(),
  generation: z.number().int().positive(),
  /**
   * The document's chunks, in order, and the sections each holds (kpi-document.ts). A manifest without it was
   * written by an earlier layout: read as no model, so the project is counted live and rebuilt.
   */
  chunks: z.array(ChunkLayoutSchema).max(10_000).optional(),
  /** The next free chunk id. */
  nextChunk: z.number().int().nonnegative().optional(),
  /** Issues the buckets hold: sizes the next rebuild's buckets. */
  issues: z.number().int().nonnegative().optional(),
});
export type KpiManifest = z.infer<typeof KpiManifestSchema>;
/** A manifest of the current layout. */
export type LaidOutManifest = KpiManifest & { readonly chunks: ChunkLayout[]; readonly nextChunk: number };
export const isLaidOut = (manifest: KpiManifest | undefined): manifest is LaidOutManifest =>
  manifest?.chunks !== undefined && manifest.nextChunk !== undefined;

export const KpiRebuildStateSchema = z.strictObject({
  generation: z.number().int().positive(),
  startedAt: IsoInstantSchema,
  /** Fixed by the rebuild's first flush: the new generation's bucket count. */
  bucketCount: z.number().int().positive().max(KPI_MAX_BUCKETS).optional(),
});
export type KpiRebuildState = z.infer<typeof KpiRebuildStateSchema>;

/**
 * One issue in a bucket. `facts` null: the issue left the project's exceptions (a tombstone of an earlier layout).
 * `pinned`: written by an earlier layout's change during a rebuild.
 */
export const BucketEntrySchema = z.strictObject({
  facts: KpiFactsSchema.nullable(),
  secured: z.boolean(),
  pinned: z.literal(true).optional(),
});
export type BucketEntry = z.infer<typeof BucketEntrySchema>;
export const BucketSchema = z.record(NumericIdSchema, BucketEntrySchema);
export type Bucket = z.infer<typeof BucketSchema>;
/** A change pinned during a rebuild: the issue's facts now (null: it left), and whether it is secured. */
export const PinSchema = z.strictObject({ facts: KpiFactsSchema.nullable(), secured: z.boolean() });

export const ChunkSchema = z.string().max(KPI_CHUNK_CHARACTERS);

/** Runs `work` over the items with at most `limit` at once (KVS writes of a rebuild or a change). */
export const inParallel = async <T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

/** KVS writes in flight at once: a rebuild writes hundreds of buckets, well under the per-minute unit budget. */
export const KPI_WRITE_CONCURRENCY = 8;

/** Writes a plan's chunks and deletes its dropped ones. */
export const writePlan = async (
  store: StorePort,
  projectId: string,
  generation: number,
  plan: LayoutPlan,
): Promise<void> => {
  await inParallel([...plan.writes], KPI_WRITE_CONCURRENCY, ([id, text]) =>
    store.set(kpiKeys.chunk(projectId, generation, id), text),
  );
  await inParallel(plan.deletes, KPI_WRITE_CONCURRENCY, (id) =>
    store.delete(kpiKeys.chunk(projectId, generation, id)),
  );
};

/**
 * Writes the whole document as the generation's chunks (from id 0) and deletes the chunks of `previous` it did not
 * rewrite; answers the plan, whose layout the manifest records.
 */
export const writeDocument = async (
  store: StorePort,
  projectId: string,
  generation: number,
  document: ProjectDocument,
  previous: readonly ChunkLayout[],
): Promise<LayoutPlan> => {
  const plan = planFresh(document);
  const deletes = previous.map((chunk) => chunk.id).filter((id) => !plan.writes.has(id));
  await writePlan(store, projectId, generation, { ...plan, deletes });
  return plan;
};
