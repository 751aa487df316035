/**
 * Resolver function of the admin page (policy, setup, export). Each resolver checks first that the caller is a
 * Jira admin (under their own identity), and only then parses its payload with the contract's schema and delegates
 * to one use case: someone who is not an admin learns nothing about what a payload should look like (ISSUE6 B10).
 * The use cases check again, so none of them relies on its caller. Refusals (not an admin, an outdated version)
 * are answers the page shows, never thrown.
 */
import Resolver, { type Request } from '@forge/resolver';
import type { z } from 'zod';
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { getPolicy } from '../application/policy/get-policy';
import { listPolicyVersions } from '../application/policy/list-policy-versions';
import { savePolicy } from '../application/policy/save-policy';
import { validatePolicy } from '../application/policy/validate-policy';
import { notAdminRefusal } from '../application/policy/require-jira-admin';
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

/** The admin check, then the payload parsed with `schema`, then `handle`. */
const adminWithPayload =
  <T, R>(what: string, schema: z.ZodType<T>, handle: (payload: T) => Promise<R>) =>
  async ({ payload }: Request): Promise<R | AdminRefusal> => {
    if (!(await forgeDependencies().jiraAsUser.callerIsJiraAdmin())) return notAdminRefusal(what);
    const parsed = schema.safeParse(payload ?? {});
    return parsed.success ? handle(parsed.data) : invalidRequest(parsed.error);
  };

const notYet = (name: string, issue: string) => () =>
  Promise.reject(new NotImplementedError(`${name} (admin-resolver)`, issue));

export const adminResolver = new Resolver()
  .define('getPolicy', () => getPolicy(forgeDependencies()))
  .define(
    'validatePolicy',
    adminWithPayload('check a security exception policy', ValidatePolicyRequestSchema, (request) =>
      validatePolicy(request, forgeDependencies()),
    ),
  )
  .define(
    'savePolicy',
    adminWithPayload('change the security exception policy', SavePolicyRequestSchema, (request) =>
      savePolicy(request, forgeDependencies()),
    ),
  )
  .define('listPolicyVersions', () => listPolicyVersions(forgeDependencies()))
  .define('getSetupStatus', getSetupStatusResolver)
  .define('runSetup', runSetupResolver)
  .define('exportRegister', notYet('exportRegister', 'register export'))
  .define('getPlatformSelfCheck', () => getPlatformSelfCheck(forgeDependencies()))
  .getDefinitions();
