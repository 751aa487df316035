/**
 * QueuePort over Forge's async events (`@forge/events`): the sweep fans lifecycle work out to the
 * `lifecycle-actions` queue, consumed by `lifecycle-consumer` (manifest.yml). One push takes at most 50 events
 * and 200 KB of JSON (the package refuses more: TooManyEventsError, PayloadTooBigError), so events are sent in
 * batches within both limits. Batches already pushed stay pushed when a later one fails: the consumer's work is
 * idempotent by action key, so pushing them again on a retry is harmless.
 * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/
 */
import { Queue, type PushEvent, type PushResult } from '@forge/events';
import { LifecycleEventSchema, type LifecycleEvent } from '../../application/lifecycle/lifecycle-events';
import type { QueuePort, QueuePushOptions } from '../../application/ports/queue-port';

export const LIFECYCLE_QUEUE_KEY = 'lifecycle-actions';
export const MAX_EVENTS_PER_PUSH = 50;
/** Forge delivers a pushed event at most 15 minutes late (PushEvent.delayInSeconds ≤ 900). */
export const MAX_DELAY_SECONDS = 900;
/** The package compares the JSON of the pushed array, in KiB, with 200. */
export const MAX_PUSH_BYTES = 200 * 1024;

/** What the adapter uses of a Queue. */
export interface EventQueue {
  push(events: PushEvent[]): Promise<PushResult>;
}

const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Splits events into pushes of at most 50 events and 200 KB; an event too big on its own goes alone (and is refused). */
export const pushBatches = (events: readonly PushEvent[]): PushEvent[][] => {
  const batches: PushEvent[][] = [];
  let batch: PushEvent[] = [];
  let bytes = 0; // of the batch as a JSON array
  for (const event of events) {
    const size = Buffer.byteLength(JSON.stringify(event));
    const grown = batch.length === 0 ? size + 2 : bytes + 1 + size; // brackets, or a comma
    if (batch.length > 0 && (batch.length >= MAX_EVENTS_PER_PUSH || grown > MAX_PUSH_BYTES)) {
      batches.push(batch);
      batch = [event];
      bytes = size + 2;
    } else {
      batch.push(event);
      bytes = grown;
    }
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
};

export class ForgeQueue implements QueuePort {
  constructor(private readonly queue: EventQueue = new Queue({ key: LIFECYCLE_QUEUE_KEY })) {}

  /** Lifecycle events, each checked against the schema the worker parses them with. */
  push(events: readonly LifecycleEvent[], options: QueuePushOptions = {}): Promise<void> {
    return this.pushBodies(
      events.map((event) => LifecycleEventSchema.parse(event)),
      options,
    );
  }

  /** JSON objects as event bodies, within the package's limits (the typed push goes through here). */
  async pushBodies(bodies: readonly unknown[], options: QueuePushOptions = {}): Promise<void> {
    const pushEvents = bodies.map((body, index): PushEvent => {
      if (!isJsonObject(body)) throw new TypeError(`queue event ${index} is not a JSON object`);
      return {
        body,
        ...(options.delayInSeconds === undefined
          ? {}
          : { delayInSeconds: Math.max(0, Math.min(MAX_DELAY_SECONDS, Math.round(options.delayInSeconds))) }),
      };
    });
    for (const batch of pushBatches(pushEvents)) await this.queue.push(batch);
  }
}
