import { notImplementedHandler } from './not-implemented';

/** consumer of the `lifecycle-actions` queue: does one batch of due lifecycle actions. */
export const lifecycleWorker = notImplementedHandler('lifecycle-worker', 'lifecycle engine');
