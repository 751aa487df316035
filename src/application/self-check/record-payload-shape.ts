/**
 * Records the shape of what a handler received (DESIGN.md §12), for the admin page's self-check. A diagnostic
 * must never cost the handler its answer: every failure (the store down, a value that cannot be walked) is
 * swallowed, a stored log that no longer parses is replaced, and the store is written only when the shape is new
 * (or a known one's hourly refresh is due).
 */
import { z } from 'zod';
import { shapeOf } from '../../domain/payload-shape';
import type { ObservedShape, SelfCheckSource } from '../../contracts/admin-self-check';
import type { Clock } from '../ports/clock';
import type { StorePort } from '../ports/store-port';
import { shapeLogKey, ShapeLogSchema, withSighting } from './shape-log';

/** Character budgets of a payload's and a context's shape: with LATEST_KEPT + 1 sightings, a few KB a source. */
export const PAYLOAD_SHAPE_CHARS = 1_800;
export const CONTEXT_SHAPE_CHARS = 600;

export interface ShapeRecorderDependencies {
  readonly store: StorePort;
  readonly clock: Clock;
}

/** The shape of one invocation's input; `context` only when the handler was given one. */
export const observe = (payload: unknown, context?: unknown): ObservedShape => {
  const read = shapeOf(payload, PAYLOAD_SHAPE_CHARS);
  if (context === undefined) return { payload: read.paths, truncated: read.truncated };
  const contextRead = shapeOf(context, CONTEXT_SHAPE_CHARS);
  return {
    payload: read.paths,
    context: contextRead.paths,
    truncated: read.truncated || contextRead.truncated,
  };
};

/** True when a sighting was written. Never throws. */
export const recordPayloadShape = async (
  source: SelfCheckSource,
  input: { readonly payload: unknown; readonly context?: unknown },
  deps: ShapeRecorderDependencies,
): Promise<boolean> => {
  try {
    const shape = observe(input.payload, input.context);
    const key = shapeLogKey(source);
    const stored = ShapeLogSchema.safeParse(await deps.store.get(key, z.unknown()));
    const next = withSighting(stored.success ? stored.data : undefined, shape, deps.clock.now());
    if (next === undefined) return false;
    await deps.store.set(key, next);
    return true;
  } catch {
    return false;
  }
};
