import { PayloadTooBigError, Queue } from '@forge/events';
import {
  ForgeQueue,
  LIFECYCLE_QUEUE_KEY,
  MAX_PUSH_BYTES,
  pushBatches,
} from '../../../src/adapters/events/forge-queue';
import { recordingEventsClient, type RecordedPush } from '../../support/forge-on-simulator';

/** The real Queue of @forge/events (its own limits included) sending to a recording events service. */
const queueRecording = () => {
  const pushes: RecordedPush[] = [];
  const queue = new ForgeQueue(new Queue({ key: LIFECYCLE_QUEUE_KEY }, recordingEventsClient(pushes)));
  return { queue, pushes };
};

const action = (index: number) => ({ issueId: String(10_000 + index), action: 'remind-75' });

describe('ForgeQueue over @forge/events', () => {
  it('pushes to the lifecycle-actions queue in batches of at most 50 events, in order', async () => {
    const { queue, pushes } = queueRecording();
    const events = Array.from({ length: 120 }, (_, index) => action(index));

    await queue.pushBodies(events);

    expect(pushes.map((push) => [push.queueName, push.events.length])).toEqual([
      ['lifecycle-actions', 50],
      ['lifecycle-actions', 50],
      ['lifecycle-actions', 20],
    ]);
    expect(pushes.flatMap((push) => push.events.map((event) => event.body))).toEqual(events);
  });

  it('keeps each push within 200 KB of JSON', async () => {
    const { queue, pushes } = queueRecording();
    // Twelve events of about 45 KB: four fit in a push, five would not.
    const events = Array.from({ length: 12 }, (_, index) => ({
      ...action(index),
      notes: 'x'.repeat(45_000),
    }));

    await queue.pushBodies(events);

    expect(pushes.map((push) => push.events.length)).toEqual([4, 4, 4]);
    for (const push of pushes)
      expect(Buffer.byteLength(JSON.stringify(push.events))).toBeLessThanOrEqual(MAX_PUSH_BYTES);
  });

  it.each([
    ['exactly 200 KB go in one push', 102_398, [2]],
    ['a byte more is split in two', 102_399, [1, 1]],
  ])('agrees with the package’s own size check: %s', async (_case, firstSize, expected) => {
    const { queue, pushes } = queueRecording();
    const body = (bytes: number) => ({ pad: 'x'.repeat(bytes - '{"body":{"pad":""}}'.length) });

    await queue.pushBodies([body(firstSize), body(102_399)]);

    expect(pushes.map((push) => push.events.length)).toEqual(expected);
  });

  it('would otherwise meet the package’s refusal one byte over 200 KB', async () => {
    const pushes: RecordedPush[] = [];
    const raw = new Queue({ key: LIFECYCLE_QUEUE_KEY }, recordingEventsClient(pushes));
    const event = (bytes: number) => ({ body: { pad: 'x'.repeat(bytes - '{"body":{"pad":""}}'.length) } });

    await expect(raw.push([event(102_399), event(102_399)])).rejects.toBeInstanceOf(PayloadTooBigError);
    expect(pushes).toEqual([]);
  });

  it('pushes nothing for no events', async () => {
    const { queue, pushes } = queueRecording();

    await queue.pushBodies([]);

    expect(pushes).toEqual([]);
  });

  it.each([
    ['an array', [1, 2]],
    ['a string', 'remind'],
    ['null', null],
  ])('refuses %s as an event before pushing anything', async (_what, body) => {
    const { queue, pushes } = queueRecording();

    await expect(queue.pushBodies([action(1), body])).rejects.toThrow('queue event 1 is not a JSON object');
    expect(pushes).toEqual([]);
  });
});

describe('pushBatches', () => {
  const sized = (bytes: number) => ({ body: { pad: 'x'.repeat(bytes - '{"body":{"pad":""}}'.length) } });

  it.each([
    ['one event', [sized(100)], [1]],
    ['51 small events', Array.from({ length: 51 }, () => sized(100)), [50, 1]],
    ['two events that just fit together', [sized(102_398), sized(102_399)], [2]],
    ['two events one byte too big together', [sized(102_399), sized(102_399)], [1, 1]],
    ['an event too big on its own goes alone', [sized(100), sized(300_000), sized(100)], [1, 1, 1]],
  ])('%s', (_case, events, sizes) => {
    expect(pushBatches(events).map((batch) => batch.length)).toEqual(sizes);
  });
});
