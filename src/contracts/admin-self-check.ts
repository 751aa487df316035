/**
 * The admin page's platform self-check (DESIGN.md §12, ISSUE 6 A9): for each handler that Jira or Forge calls,
 * the shapes of what it received on this site (member names and JSON types, never values) and, for each thing
 * the code assumes about that shape, whether the site's real traffic confirms or refutes it. Shared by src/entry
 * and static/admin.
 */
import { z } from 'zod';
import { MESSAGE_CAP } from '../domain/message-bounds';
import { answerSchema } from './refusal';

/** The handlers whose input is recorded, by their manifest function key. */
export const SELF_CHECK_SOURCES = [
  'validate-transition',
  'record-transition',
  'triage-on-create',
  'review-decision-edit',
  'store-default-policy',
] as const;
export type SelfCheckSource = (typeof SELF_CHECK_SOURCES)[number];

/** path → types, e.g. `{"$":"object","issue.key":"string","configuration":"object|string"}` (src/domain/payload-shape). */
export const PathShapeSchema = z.record(z.string().max(400), z.string().max(100));

/** What one invocation received: its payload's shape and, where Forge passed one, its context's. */
export const ObservedShapeSchema = z.strictObject({
  payload: PathShapeSchema,
  context: PathShapeSchema.optional(),
  /** Some of the shape was cut to keep it small (deep nesting, long arrays, many members). */
  truncated: z.boolean(),
});
export type ObservedShape = z.infer<typeof ObservedShapeSchema>;

export const ShapeSightingSchema = z.strictObject({
  shape: ObservedShapeSchema,
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** Sightings recorded: the first, then at most one an hour while the shape stays the same. */
  count: z.number().int().nonnegative(),
});
export type ShapeSighting = z.infer<typeof ShapeSightingSchema>;

export const ASSUMPTION_STATUSES = ['confirmed', 'refuted', 'not-seen'] as const;
export type AssumptionStatus = (typeof ASSUMPTION_STATUSES)[number];

export const AssumptionCheckSchema = z.strictObject({
  id: z.string(),
  /** What the code assumes, in plain words. */
  assumption: z.string().max(MESSAGE_CAP),
  status: z.enum(ASSUMPTION_STATUSES),
  /** What the site's traffic says about it. */
  message: z.string().max(MESSAGE_CAP),
});
export type AssumptionCheck = z.infer<typeof AssumptionCheckSchema>;

export const SourceReportSchema = z.strictObject({
  source: z.enum(SELF_CHECK_SOURCES),
  /** What the handler is, for the page. */
  description: z.string(),
  /** The first shape ever seen, then the latest distinct ones, oldest first. */
  sightings: z.array(ShapeSightingSchema),
  assumptions: z.array(AssumptionCheckSchema),
  /** The messages of the refuted assumptions (and of an unreadable record), each starting `WARNING:`. */
  warnings: z.array(z.string().max(MESSAGE_CAP)),
});
export type SourceReport = z.infer<typeof SourceReportSchema>;

/** getPlatformSelfCheck: no payload; Jira admins only. */
export const GetPlatformSelfCheckRequestSchema = z.object({});
export const GetPlatformSelfCheckResponseSchema = answerSchema({ sources: z.array(SourceReportSchema) });
export type GetPlatformSelfCheckResponse = z.infer<typeof GetPlatformSelfCheckResponseSchema>;
