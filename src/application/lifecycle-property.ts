/**
 * The issue property where the app keeps an exception's lifecycle (DESIGN.md §3, §5): the history entries of the
 * register format, the next time the sweep must look at it (indexed for JQL by the `jira:entityProperty` module),
 * and the policy version of the last decision. Issue properties hold at most 32 KB of JSON, which is hundreds of
 * entries; the history is append-only.
 */
import { z } from 'zod';
import { HistoryEntrySchema } from '../domain/register-schema';

export const LIFECYCLE_PROPERTY_KEY = 'security-exception-lifecycle';

export const LifecyclePropertySchema = z.object({
  version: z.literal(1),
  history: z.array(HistoryEntrySchema),
  /** ISO instant of the earliest pending lifecycle action, or null when nothing is pending. */
  nextActionAt: z.string().nullable(),
  policyVersion: z.number().int().positive().nullable(),
});
export type LifecycleProperty = z.infer<typeof LifecyclePropertySchema>;

export const emptyLifecycle = (): LifecycleProperty => ({
  version: 1,
  history: [],
  nextActionAt: null,
  policyVersion: null,
});
