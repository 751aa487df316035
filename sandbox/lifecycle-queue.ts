/**
 * The sandbox's events service: a push to the `lifecycle-actions` queue is delivered to the manifest's consumer
 * (`lifecycle-worker`) asynchronously, as Forge delivers it: `{ queueName, jobId, eventId, body }`, after the push's
 * `delayInSeconds` counted on the SANDBOX clock (so a frozen `--now` clock holds delayed events until the clock is
 * moved, and moving it by days releases them all). A handler that RETURNS an InvocationError (its JSON form,
 * `{_retry: true, retryOptions}`) is delivered again after `retryAfter` seconds with `retryContext`, at most
 * `maxRetries` times (Forge: 4; simulator/workflow/platform-habits.ts); a thrown error is logged and not retried.
 * Deliveries run one at a time, in due order.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { RecordedPush } from '../simulator/forge-runtime/forge-runtime';

export interface QueueDelivery {
  readonly queueName: string;
  readonly jobId: string;
  readonly eventId: string;
  readonly body: unknown;
  readonly retryContext?: { retryCount: number; retryReason: string; retryData: unknown };
}

/** Deliveries per pass: a pass then lets the next due check (and a drain's limit) in. */
const BATCH = 100;

interface Pending {
  readonly delivery: QueueDelivery;
  readonly dueMs: number;
}

const RetryRequestSchema = z.object({
  _retry: z.literal(true),
  retryOptions: z
    .object({
      retryAfter: z.number().optional(),
      retryReason: z.string().optional(),
      retryData: z.unknown().optional(),
    })
    .optional(),
});

export interface LifecycleQueueOptions {
  readonly nowMs: () => number;
  /** The consumer, by queue name. */
  readonly consumers: Readonly<Record<string, (delivery: QueueDelivery) => Promise<unknown>>>;
  readonly maxRetries?: number;
  readonly log?: (line: string) => void;
}

export class LifecycleQueue {
  private readonly pending: Pending[] = [];
  private running: Promise<void> | undefined;
  private delivered = 0;
  /** The delivery count a drain stops at. */
  private stopAt = Number.POSITIVE_INFINITY;

  constructor(private readonly options: LifecycleQueueOptions) {}

  /** The runtime's onPush: each event of the push becomes a delivery, due after its delay. */
  accept(push: RecordedPush): void {
    const jobId = randomUUID();
    for (const event of push.events)
      this.pending.push({
        delivery: { queueName: push.queueName, jobId, eventId: randomUUID(), body: event.body },
        dueMs: this.options.nowMs() + (event.delayInSeconds ?? 0) * 1000,
      });
    setImmediate(() => void this.pump());
  }

  /** Events not yet delivered (delayed ones included). */
  get waiting(): number {
    return this.pending.length;
  }

  get deliveredCount(): number {
    return this.delivered;
  }

  /**
   * Delivers every due event, and those they push that are due, until none is left due; at most `maxDeliveries`
   * (a consumer that pushes itself again forever would otherwise hold the clock control).
   */
  async drain(maxDeliveries = 2000): Promise<void> {
    this.stopAt = this.delivered + maxDeliveries;
    try {
      for (;;) {
        await this.pump();
        if (this.delivered >= this.stopAt) {
          this.options.log?.(`queue: stopped draining after ${String(maxDeliveries)} deliveries`);
          return;
        }
        if (!this.pending.some((entry) => entry.dueMs <= this.options.nowMs())) return;
      }
    } finally {
      this.stopAt = Number.POSITIVE_INFINITY;
    }
  }

  /** One pass over what is due (at most BATCH deliveries); concurrent callers share it. */
  pump(): Promise<void> {
    this.running ??= this.deliverDue().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async deliverDue(): Promise<void> {
    for (let batch = 0; batch < BATCH && this.delivered < this.stopAt; batch += 1) {
      const now = this.options.nowMs();
      const due = this.pending
        .map((entry, index) => ({ entry, index }))
        .filter(({ entry }) => entry.dueMs <= now)
        .sort((a, b) => a.entry.dueMs - b.entry.dueMs)[0];
      if (due === undefined) return;
      this.pending.splice(due.index, 1);
      await this.deliver(due.entry.delivery);
      // Between deliveries the event loop runs: HTTP requests and timers are not starved by a busy queue.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async deliver(delivery: QueueDelivery): Promise<void> {
    const consumer = this.options.consumers[delivery.queueName];
    const log = this.options.log ?? (() => undefined);
    if (consumer === undefined) {
      log(`queue ${delivery.queueName}: no consumer in the manifest; event dropped`);
      return;
    }
    this.delivered += 1;
    let answer: unknown;
    try {
      answer = await consumer(delivery);
    } catch (error) {
      log(
        `queue ${delivery.queueName}: the consumer threw (${error instanceof Error ? error.message : 'unknown'})`,
      );
      return;
    }
    const retry = RetryRequestSchema.safeParse(answer);
    if (!retry.success) return;
    const retryCount = (delivery.retryContext?.retryCount ?? 0) + 1;
    if (retryCount > (this.options.maxRetries ?? 4)) {
      log(`queue ${delivery.queueName}: retries exhausted for event ${delivery.eventId}`);
      return;
    }
    const options = retry.data.retryOptions ?? {};
    this.pending.push({
      delivery: {
        ...delivery,
        retryContext: {
          retryCount,
          retryReason: options.retryReason ?? 'FUNCTION_RETRY_REQUEST',
          retryData: options.retryData,
        },
      },
      dueMs: this.options.nowMs() + Math.max(1, options.retryAfter ?? 1) * 1000,
    });
  }
}
