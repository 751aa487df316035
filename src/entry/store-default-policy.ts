import { notImplementedHandler } from './not-implemented';

/** trigger on avi:forge:installed:app and avi:forge:upgraded:app: stores the default policy when none exists. */
export const storeDefaultPolicy = notImplementedHandler('store-default-policy', 'versioned policy');
