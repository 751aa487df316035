/**
 * Resolver function of the admin page (policy, setup, export). Each resolver parses its payload with the
 * contract's schema and delegates to one use case; refusals (not an admin, an outdated version) are answers the
 * page shows, never thrown. Admin rights are checked in the use cases, under the caller's own Jira identity.
 */
import Resolver, { type Request } from '@forge/resolver';
import type { z } from 'zod';
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { getPolicy } from '../application/policy/get-policy';
import { listPolicyVersions } from '../application/policy/list-policy-versions';
import { savePolicy } from '../application/policy/save-policy';
import { validatePolicy } from '../application/policy/validate-policy';
import {
  SavePolicyRequestSchema,
  ValidatePolicyRequestSchema,
  type AdminRefusal,
} from '../contracts/admin-policy';
import { getSetupStatusResolver, runSetupResolver } from './admin-setup-resolvers';
import { NotImplementedError } from './not-implemented';
import { invalidRequestMessage } from './request-problems';
import { getPlatformSelfCheck } from '../application/self-check/get-platform-self-check';

const invalidRequest = (error: z.ZodError): AdminRefusal => ({
  ok: false,
  error: { code: 'invalid-request', message: invalidRequestMessage(error) },
});

const withPayload =
  <T, R>(schema: z.ZodType<T>, handle: (payload: T) => Promise<R>) =>
  ({ payload }: Request): Promise<R | AdminRefusal> => {
    const parsed = schema.safeParse(payload ?? {});
    return parsed.success ? handle(parsed.data) : Promise.resolve(invalidRequest(parsed.error));
  };

const notYet = (name: string, issue: string) => () =>
  Promise.reject(new NotImplementedError(`${name} (admin-resolver)`, issue));

export const adminResolver = new Resolver()
  .define('getPolicy', () => getPolicy(forgeDependencies()))
  .define(
    'validatePolicy',
    withPayload(ValidatePolicyRequestSchema, (request) => validatePolicy(request, forgeDependencies())),
  )
  .define(
    'savePolicy',
    withPayload(SavePolicyRequestSchema, (request) => savePolicy(request, forgeDependencies())),
  )
  .define('listPolicyVersions', () => listPolicyVersions(forgeDependencies()))
  .define('getSetupStatus', getSetupStatusResolver)
  .define('runSetup', runSetupResolver)
  .define('exportRegister', notYet('exportRegister', 'register export'))
  .define('getPlatformSelfCheck', () => getPlatformSelfCheck(forgeDependencies()))
  .getDefinitions();
