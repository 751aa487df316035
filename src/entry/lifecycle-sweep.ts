import { notImplementedHandler } from './not-implemented';

/** scheduledTrigger `lifecycle-sweep`: finds the exceptions with actions due and does or queues them. */
export const lifecycleSweep = notImplementedHandler('lifecycle-sweep', 'lifecycle engine');
