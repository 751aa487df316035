/**
 * The issue property where the app keeps an exception's lifecycle (DESIGN.md §3, §5): the history entries of the
 * register format, the next time the sweep must look at it (indexed for JQL by the `jira:entityProperty` module),
 * and the policy version of the last decision.
 *
 * Jira caps an issue property at 32 KB of JSON. The property keeps every entry the planner and the policy rules
 * read (lifecycle/compact-lifecycle.ts); older entries that nothing computes from move, whole, to archive pages
 * (`security-exception-lifecycle-archive-1`, `-2`, …) and `archived` counts them, so nothing is dropped.
 */
import { z } from 'zod';
import { HistoryEntrySchema } from '../domain/register-schema';

export const LIFECYCLE_PROPERTY_KEY = 'security-exception-lifecycle';

/** The issue property holding archive page `page` (1-based). */
export const lifecycleArchiveKey = (page: number): string => `${LIFECYCLE_PROPERTY_KEY}-archive-${page}`;

export const ArchivedSchema = z.object({
  /** Entries moved to the archive pages, in all. */
  entries: z.number().int().nonnegative(),
  /** Archive pages written: `lifecycleArchiveKey(1)` … `lifecycleArchiveKey(pages)`. */
  pages: z.number().int().nonnegative(),
});
export type Archived = z.infer<typeof ArchivedSchema>;

export const LifecyclePropertySchema = z.object({
  version: z.literal(1),
  history: z.array(HistoryEntrySchema),
  /** ISO instant of the earliest pending lifecycle action, or null when nothing is pending. */
  nextActionAt: z.string().nullable(),
  policyVersion: z.number().int().positive().nullable(),
  /** Absent until an entry was archived. */
  archived: ArchivedSchema.optional(),
  /**
   * Counts the app's writes (absent before the first counted one). The app's store keeps the last one it wrote
   * (update-lifecycle.ts), so a lifecycle read in a search tells, under the lock, whether it is still current.
   */
  revision: z.number().int().nonnegative().optional(),
});
export type LifecycleProperty = z.infer<typeof LifecyclePropertySchema>;

/** One archive page: whole entries, oldest first, exactly as they were in the lifecycle property. */
export const LifecycleArchivePageSchema = z.object({
  version: z.literal(1),
  entries: z.array(HistoryEntrySchema),
});
export type LifecycleArchivePage = z.infer<typeof LifecycleArchivePageSchema>;

export const emptyLifecycle = (): LifecycleProperty => ({
  version: 1,
  history: [],
  nextActionAt: null,
  policyVersion: null,
});
