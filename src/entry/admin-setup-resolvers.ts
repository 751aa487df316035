/**
 * The admin page's setup resolvers: the caller's own Jira admin permission first (before any payload is looked
 * at: ISSUE6 B10), then guard, delegate to setup (run as the app; it checks the permission again), and answer
 * setup's refusals as the contract's `{ok: false, error}`.
 */
import type { Request } from '@forge/resolver';
import { z } from 'zod';
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { asAppFetcher } from '../adapters/forge/forge-fetchers';
import { JiraConfigurationClient } from '../adapters/jira/jira-configuration-client';
import { runSetup } from '../application/setup/run-setup';
import type { SetupDependencies } from '../application/setup/setup-context';
import {
  SetupBlockedError,
  SetupError,
  SetupIncompleteError,
  WorkflowRefusedError,
} from '../application/setup/setup-errors';
import { getSetupStatus } from '../application/setup/setup-status';
import { LOGICAL_FIELDS, type LogicalField } from '../application/site-config';
import type { ProvisionInput } from '../application/setup/check-site';
import {
  GetSetupStatusRequestSchema,
  RunSetupRequestSchema,
  type GetSetupStatusResponse,
  type RunSetupResponse,
  type SetupRefusal,
} from '../contracts/admin-setup';
import { invalidRequestMessage } from './request-problems';

/**
 * The resolver context's `localId` is the module's extension ARI, `ari:cloud:ecosystem::extension/{appId}/…`
 * (FORGE_NOTES §3, §5): the app's id, which setup needs to find its own workflow rules, without getAppContext
 * (only adapters may import @forge/api).
 */
const ContextSchema = z.object({
  localId: z.string().regex(/^ari:cloud:ecosystem::extension\/[^/]+\//, 'must be an extension ARI'),
});

const isLogicalField = (field: string): field is LogicalField =>
  (LOGICAL_FIELDS as readonly string[]).includes(field);

/** The contract's request, the adopted fields' names checked against the form's, shaped as setup takes it. */
const RunSetupPayloadSchema = RunSetupRequestSchema.refine(
  ({ adoptFields = {} }) => Object.keys(adoptFields).every(isLogicalField),
  { path: ['adoptFields'], message: `may only name the form's fields: ${LOGICAL_FIELDS.join(', ')}` },
).transform(({ projectKey, adoptFields }): ProvisionInput => ({
  projectKey,
  ...(adoptFields === undefined ? {} : { adoptFields }),
}));

const refused = (code: SetupRefusal['error']['code'], message: string, extra: object = {}): SetupRefusal => ({
  ok: false,
  error: { code, message, ...extra },
});

const setupDependencies = (context: unknown): SetupDependencies | SetupRefusal => {
  const parsed = ContextSchema.safeParse(context);
  if (!parsed.success) return refused('invalid-request', invalidRequestMessage(parsed.error));
  return {
    configuration: new JiraConfigurationClient(asAppFetcher()),
    store: forgeDependencies().store,
    appId: parsed.data.localId.split('/')[1] ?? '',
  };
};

const setupRefusal = (error: unknown): SetupRefusal => {
  if (error instanceof SetupBlockedError)
    return refused('blocked', 'Setup cannot start, and nothing was changed: resolve these first.', {
      problems: [...error.problems],
    });
  if (error instanceof WorkflowRefusedError)
    return refused('blocked', error.message, { problems: [...error.problems], report: error.report });
  if (error instanceof SetupIncompleteError)
    return refused('incomplete', error.message, { report: error.report });
  if (error instanceof SetupError)
    return refused(
      error.code,
      `${error.message}${error.code === 'not-admin' ? ' Nothing was changed.' : ''}`,
    );
  throw error;
};

export const getSetupStatusResolver = async ({
  payload,
  context,
}: Request): Promise<GetSetupStatusResponse> => {
  if (!(await forgeDependencies().jiraAsUser.callerIsJiraAdmin()))
    return refused('not-admin', 'Only a Jira administrator can see the setup status. Nothing was changed.');
  const request = GetSetupStatusRequestSchema.safeParse(payload ?? {});
  if (!request.success) return refused('invalid-request', invalidRequestMessage(request.error));
  const deps = setupDependencies(context);
  if ('ok' in deps) return deps;
  const { projectKey } = request.data;
  return { ok: true, status: await getSetupStatus(deps, projectKey === undefined ? {} : { projectKey }) };
};

export const runSetupResolver = async ({ payload, context }: Request): Promise<RunSetupResponse> => {
  if (!(await forgeDependencies().jiraAsUser.callerIsJiraAdmin()))
    return refused('not-admin', 'Only a Jira administrator can run setup. Nothing was changed.');
  const request = RunSetupPayloadSchema.safeParse(payload ?? {});
  if (!request.success) return refused('invalid-request', invalidRequestMessage(request.error));
  const deps = setupDependencies(context);
  if ('ok' in deps) return deps;
  try {
    return { ok: true, report: await runSetup(deps, forgeDependencies().jiraAsUser, request.data) };
  } catch (error) {
    return setupRefusal(error);
  }
};
