/**
 * JobQueuePort over Forge's async events: the `admin-jobs` queue, consumed by `admin-jobs-consumer`
 * (manifest.yml, src/entry/admin-job-worker.ts). Each event is checked against the schema the worker parses it
 * with; the batching and limits are ForgeQueue's.
 */
import { Queue } from '@forge/events';
import {
  JobStepEventSchema,
  type JobQueuePort,
  type JobQueuePushOptions,
  type JobStepEvent,
} from '../../application/jobs/job-events';
import { ForgeQueue, type EventQueue } from './forge-queue';

export const JOB_QUEUE_KEY = 'admin-jobs';

export class ForgeJobQueue implements JobQueuePort {
  private readonly queue: ForgeQueue;

  constructor(queue: EventQueue = new Queue({ key: JOB_QUEUE_KEY })) {
    this.queue = new ForgeQueue(queue);
  }

  push(event: JobStepEvent, options: JobQueuePushOptions = {}): Promise<void> {
    return this.queue.pushBodies([JobStepEventSchema.parse(event)], options);
  }
}
