import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '../state/permissions';
import type { SimState } from '../state/sim-state';
import type { SimUser } from '../state/model';

/**
 * With app authentication, this header makes the request act as that user, as Forge's asUser() does: the
 * request sees and does what the user may.
 */
export const AS_USER_HEADER = 'x-sim-as-user';

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * `Authorization: Basic base64(email:apiToken)` authenticates a user (any token registered for them);
 * `Authorization: Bearer <appToken>` is the app itself (asApp), optionally acting as a user through
 * X-Sim-As-User. Anything else is anonymous, which the simulator refuses with 401.
 */
export const authenticate = (
  headers: IncomingHttpHeaders,
  state: SimState,
  app: { readonly token: string; readonly user: SimUser },
): Principal | undefined => {
  const authorization = header(headers, 'authorization') ?? '';
  const [scheme = '', credentials = ''] = authorization.split(' ', 2);
  if (scheme.toLowerCase() === 'bearer' && credentials === app.token) {
    const asUser = header(headers, AS_USER_HEADER);
    if (asUser === undefined) return { user: app.user, isApp: true };
    const user = state.user(asUser);
    return user?.active === true ? { user, isApp: false } : undefined;
  }
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const user = state.userByEmail(decoded.slice(0, colon));
    const token = decoded.slice(colon + 1);
    return user?.active === true && user.apiTokens.includes(token) ? { user, isApp: false } : undefined;
  }
  return undefined;
};

export const basicAuthorization = (user: SimUser): string => {
  const token = user.apiTokens[0];
  if (token === undefined) throw new Error(`user ${user.accountId} has no API token`);
  return `Basic ${Buffer.from(`${user.emailAddress}:${token}`).toString('base64')}`;
};
