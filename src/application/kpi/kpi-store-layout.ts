/**
 * How the KPI read model sits in the app's store (ISSUE 7 item 3). Per project, one generation at a time:
 * - `kpi:<projectId>:manifest`: which generation is live, how fresh it is (`asOf`), how many chunks and buckets;
 * - `kpi:<projectId>:g<n>:summary:<i>`: the project document (its KpiSummary and the facts of its issues with an
 *   issue security level, which are left out of the summary) as JSON text cut into chunks, each far under the
 *   240 KiB value limit (FORGE_NOTES §10);
 * - `kpi:<projectId>:g<n>:facts:<b>`: per-issue facts in buckets (issue id mod the bucket count), so one change
 *   reads and writes one bucket, not the whole project;
 * - `kpi:<projectId>:rebuild`: a rebuild under way, building generation n+1 beside the live one.
 * A rebuild writes its generation and then the manifest: readers see the old generation or the new, never half.
 */
import { z } from 'zod';
import { KpiFactsSchema, KpiSummarySchema, type KpiFacts, type KpiSummary } from '../../domain/kpi';
import { IsoInstantSchema } from '../../domain/register-schema';
import type { LockOptions } from '../locks/with-lock';
import type { StorePort } from '../ports/store-port';

/** Jira project and issue ids are decimal numbers; anything else never reaches a key. */
export const NumericIdSchema = z.string().regex(/^\d{1,18}$/, 'must be a Jira id (digits)');

/** 50,000 issues over 256 buckets is about 200 a bucket, some 50 KB: 5 KVS read units per change. */
export const KPI_BUCKET_COUNT = 256;
/**
 * Characters of JSON text a chunk holds. Stored as a JSON string, a character costs at most 3 bytes (UTF-8) or 2
 * (an escaped quote), so a chunk stays under 150 KB, well below the 240 KiB value limit.
 */
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
};

export const bucketOf = (issueId: string, bucketCount: number): number =>
  Number(BigInt(checkedId(issueId)) % BigInt(bucketCount));

export const KpiManifestSchema = z.strictObject({
  version: z.literal(1),
  projectId: NumericIdSchema,
  /** The time of the last change applied or rebuild completed. */
  asOf: IsoInstantSchema,
  rebuiltAt: IsoInstantSchema.nullable(),
  summaryChunks: z.number().int().positive(),
  bucketCount: z.number().int().positive().max(4096),
  /** Issues with an issue security level: in the document's `secured` facts, not in its summary. */
  secured: z.number().int().nonnegative(),
  generation: z.number().int().positive(),
});
export type KpiManifest = z.infer<typeof KpiManifestSchema>;

export const KpiRebuildStateSchema = z.strictObject({
  generation: z.number().int().positive(),
  startedAt: IsoInstantSchema,
});
export type KpiRebuildState = z.infer<typeof KpiRebuildStateSchema>;

/**
 * One issue in a bucket. `facts` null: the issue left the project's exceptions (a tombstone, kept only while a
 * rebuild runs). `pinned`: written by a change while a rebuild runs, so the rebuild's older read of the issue does
 * not overwrite it.
 */
export const BucketEntrySchema = z.strictObject({
  facts: KpiFactsSchema.nullable(),
  secured: z.boolean(),
  pinned: z.literal(true).optional(),
});
export type BucketEntry = z.infer<typeof BucketEntrySchema>;
export const BucketSchema = z.record(NumericIdSchema, BucketEntrySchema);
export type Bucket = z.infer<typeof BucketSchema>;

export const ProjectDocumentSchema = z.strictObject({
  summary: KpiSummarySchema,
  secured: z.record(NumericIdSchema, KpiFactsSchema),
});
export interface ProjectDocument {
  readonly summary: KpiSummary;
  readonly secured: Readonly<Record<string, KpiFacts>>;
}

export const ChunkSchema = z.string().max(KPI_CHUNK_CHARACTERS);

export const chunksOf = (document: ProjectDocument): string[] => {
  const text = JSON.stringify(document);
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += KPI_CHUNK_CHARACTERS)
    chunks.push(text.slice(start, start + KPI_CHUNK_CHARACTERS));
  return chunks;
};

/** Throws when a chunk is missing or the joined text is not a project document (the store was tampered with). */
export const documentOf = (chunks: readonly (string | undefined)[]): ProjectDocument => {
  if (chunks.some((chunk) => chunk === undefined)) throw new Error('A KPI summary chunk is missing.');
  return ProjectDocumentSchema.parse(JSON.parse(chunks.join('')));
};

/** Writes the document's chunks that differ from those stored, drops the surplus; answers the chunk count. */
export const writeDocument = async (
  store: StorePort,
  projectId: string,
  generation: number,
  document: ProjectDocument,
  stored: readonly (string | undefined)[],
): Promise<number> => {
  const chunks = chunksOf(document);
  for (const [index, chunk] of chunks.entries()) {
    if (stored[index] !== chunk) await store.set(kpiKeys.chunk(projectId, generation, index), chunk);
  }
  for (let index = chunks.length; index < stored.length; index += 1)
    await store.delete(kpiKeys.chunk(projectId, generation, index));
  return chunks.length;
};
