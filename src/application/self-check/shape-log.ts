/**
 * The shapes recorded for one source, as stored in KVS (one key per source): the first shape ever seen and the
 * LATEST_KEPT latest distinct ones. Bounded so that recording can run on every invocation: a shape already known
 * is written again at most once an hour (to move its last-seen time), and the document never passes
 * MAX_LOG_CHARS of JSON. Two invocations recording at once may overwrite each other's sighting; for a diagnostic
 * that is acceptable (the next sighting of the lost shape records it).
 */
import { z } from 'zod';
import {
  ShapeSightingSchema,
  type ObservedShape,
  type SelfCheckSource,
  type ShapeSighting,
} from '../../contracts/admin-self-check';

export const SHAPE_LOG_PREFIX = 'self-check:shape:';
export const shapeLogKey = (source: SelfCheckSource): string => `${SHAPE_LOG_PREFIX}${source}`;

export const LATEST_KEPT = 2;
export const MAX_LOG_CHARS = 8_000;
/** A known shape's last-seen time is refreshed (one write) at most this often. */
export const REFRESH_AFTER_MS = 60 * 60 * 1000;

export const ShapeLogSchema = z.strictObject({
  version: z.literal(1),
  first: ShapeSightingSchema,
  latest: z.array(ShapeSightingSchema).max(LATEST_KEPT),
});
export type ShapeLog = z.infer<typeof ShapeLogSchema>;

/** Equal shapes give equal text: the paths are sorted when a shape is read (src/domain/payload-shape). */
const fingerprint = (shape: ObservedShape): string => JSON.stringify(shape);

const sighting = (shape: ObservedShape, now: string): ShapeSighting => ({
  shape,
  firstSeenAt: now,
  lastSeenAt: now,
  count: 1,
});

const touched = (known: ShapeSighting, now: string): ShapeSighting => ({
  ...known,
  lastSeenAt: now,
  count: known.count + 1,
});

const due = (known: ShapeSighting, now: string): boolean =>
  !(Date.parse(now) - Date.parse(known.lastSeenAt) < REFRESH_AFTER_MS);

const within = (log: ShapeLog): ShapeLog | undefined => {
  let bounded = log;
  while (JSON.stringify(bounded).length > MAX_LOG_CHARS) {
    if (bounded.latest.length === 0) return undefined;
    bounded = { ...bounded, latest: bounded.latest.slice(1) };
  }
  return bounded;
};

/**
 * The log after an invocation that received `shape` at `now`, or undefined when nothing needs writing (the
 * shape is known and was seen within the hour, or the document could not be kept within its bound).
 */
export const withSighting = (
  log: ShapeLog | undefined,
  shape: ObservedShape,
  now: string,
): ShapeLog | undefined => {
  if (log === undefined) return within({ version: 1, first: sighting(shape, now), latest: [] });
  const print = fingerprint(shape);
  const index = log.latest.findIndex((known) => fingerprint(known.shape) === print);
  const known = index >= 0 ? log.latest[index] : undefined;
  if (known !== undefined) {
    if (!due(known, now)) return undefined;
    // The refreshed shape becomes the latest: `latest` stays ordered by last sighting.
    return within({ ...log, latest: [...log.latest.filter((_, i) => i !== index), touched(known, now)] });
  }
  if (fingerprint(log.first.shape) === print) {
    // The first shape is back after others: it is the latest too, so a reader sees it is current again.
    if (log.latest.length === 0)
      return due(log.first, now) ? { ...log, first: touched(log.first, now) } : undefined;
    return within({ ...log, latest: [...log.latest, sighting(shape, now)].slice(-LATEST_KEPT) });
  }
  return within({ ...log, latest: [...log.latest, sighting(shape, now)].slice(-LATEST_KEPT) });
};

/** The sightings of a log, first then latest (oldest first). */
export const sightingsOf = (log: ShapeLog): ShapeSighting[] => [log.first, ...log.latest];
