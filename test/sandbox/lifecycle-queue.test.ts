/**
 * The sandbox's events service: deliveries wait for their delayInSeconds on the sandbox clock, and a consumer that
 * returns an InvocationError is delivered again after retryAfter with retryContext, at most four times (Forge's
 * rule; simulator/workflow/platform-habits.ts), while a thrown error is not retried.
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { LifecycleQueue, type QueueDelivery } from '../../sandbox/lifecycle-queue';

const QUEUE = 'lifecycle-actions';

const setUp = (answer: (delivery: QueueDelivery) => unknown) => {
  const clock = { ms: Date.parse('2026-11-29T09:00:00Z') };
  const delivered: QueueDelivery[] = [];
  const log: string[] = [];
  const queue = new LifecycleQueue({
    nowMs: () => clock.ms,
    consumers: {
      [QUEUE]: (delivery) => {
        delivered.push(delivery);
        return Promise.resolve(answer(delivery));
      },
    },
    log: (line) => log.push(line),
  });
  return { clock, delivered, log, queue };
};

describe('LifecycleQueue', () => {
  it('delivers an event as Forge does, and a delayed one only once the sandbox clock reaches its time', async () => {
    const { clock, delivered, queue } = setUp(() => undefined);
    queue.accept({
      queueName: QUEUE,
      events: [{ body: { kind: 'now' } }, { body: { kind: 'later' }, delayInSeconds: 600 }],
    });
    await queue.drain();
    expect(delivered.map((delivery) => delivery.body)).toEqual([{ kind: 'now' }]);
    expect(delivered[0]).toMatchObject({
      queueName: QUEUE,
      jobId: expect.any(String) as unknown,
      eventId: expect.any(String) as unknown,
    });
    expect(queue.waiting).toBe(1);

    clock.ms += 599_000;
    await queue.drain();
    expect(delivered).toHaveLength(1);
    clock.ms += 1_000;
    await queue.drain();
    expect(delivered.map((delivery) => delivery.body)).toEqual([{ kind: 'now' }, { kind: 'later' }]);
    expect(queue.waiting).toBe(0);
  });

  it('delivers again after retryAfter when the consumer returns an InvocationError, four times at most', async () => {
    const { clock, delivered, log, queue } = setUp(
      () =>
        new InvocationError({
          retryAfter: 30,
          retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
          retryData: { cause: 'busy' },
        }),
    );
    queue.accept({ queueName: QUEUE, events: [{ body: { kind: 'sweep-issues' } }] });
    await queue.drain();
    expect(delivered).toHaveLength(1);
    for (let retry = 1; retry <= 5; retry += 1) {
      clock.ms += 29_000;
      await queue.drain();
      expect(delivered).toHaveLength(Math.min(retry, 5));
      clock.ms += 1_000;
      await queue.drain();
    }
    expect(delivered).toHaveLength(5);
    expect(delivered.map((delivery) => delivery.retryContext?.retryCount)).toEqual([undefined, 1, 2, 3, 4]);
    expect(delivered[1]?.retryContext).toEqual({
      retryCount: 1,
      retryReason: 'FUNCTION_RETRY_REQUEST',
      retryData: { cause: 'busy' },
    });
    expect(queue.waiting).toBe(0);
    expect(log).toEqual([`queue ${QUEUE}: retries exhausted for event ${delivered[0]?.eventId ?? ''}`]);
  });

  it('does not deliver again an event whose consumer threw, and stops a consumer that pushes itself forever', async () => {
    const thrower = setUp(() => {
      throw new Error('boom');
    });
    thrower.queue.accept({ queueName: QUEUE, events: [{ body: {} }] });
    await thrower.queue.drain();
    expect(thrower.delivered).toHaveLength(1);
    expect(thrower.queue.waiting).toBe(0);
    expect(thrower.log).toEqual([`queue ${QUEUE}: the consumer threw (boom)`]);

    const looping = setUp(() => undefined);
    let pushing = true;
    const queue = new LifecycleQueue({
      nowMs: () => looping.clock.ms,
      consumers: {
        [QUEUE]: () => {
          if (pushing) queue.accept({ queueName: QUEUE, events: [{ body: { again: true } }] });
          return Promise.resolve();
        },
      },
      log: (line) => looping.log.push(line),
    });
    queue.accept({ queueName: QUEUE, events: [{ body: {} }] });
    await queue.drain(50);
    pushing = false;
    expect(queue.deliveredCount).toBe(50);
    expect(looping.log).toEqual(['queue: stopped draining after 50 deliveries']);
    await queue.drain();
  });
});
