/** Setup's dependencies from what a setup use case is given, refusing a request that did not say which app it is. */
import { RefusalError } from '../refusal-error';
import type { SetupCaller, SetupDependencies } from './setup-context';

/** The sentence of the entry's other unreadable requests (src/entry/request-problems.ts), for the context. */
const NO_APP_ID =
  'The admin page sent a request the app does not understand (localId: must be an extension ARI). Nothing was changed; reload the page.';

export const setupDependencies = ({ appId, ...deps }: SetupCaller): SetupDependencies => {
  if (appId === undefined) throw new RefusalError('invalid-request', NO_APP_ID);
  return { ...deps, appId };
};
