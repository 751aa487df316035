/** Fan-out of lifecycle work to the async queue consumer (`@forge/events` in production). */
import type { LifecycleEvent } from '../lifecycle/lifecycle-events';

export interface QueuePushOptions {
  /** Deliver no sooner than this many seconds from now (Forge allows 0–900). */
  readonly delayInSeconds?: number;
}

export interface QueuePort {
  /** Typed events only: the consumer parses each with LifecycleEventSchema, so nothing else is ever sent. */
  push(events: readonly LifecycleEvent[], options?: QueuePushOptions): Promise<void>;
}
