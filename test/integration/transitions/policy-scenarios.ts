/**
 * Policy administration through the real admin resolver (as Forge invokes it), under the caller's own Jira
 * identity; and a saved policy version enforced by the real validator and recorded by the post function.
 */
import { z } from 'zod';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import {
  GetPolicyResponseSchema,
  ListPolicyVersionsResponseSchema,
  SavePolicyResponseSchema,
  ValidatePolicyResponseSchema,
} from '../../../src/contracts/admin-policy';
import { SITE_USERS } from '../../support/simulated-site';
import { invokeAdminResolver as invoke, type ExceptionSite } from './exception-harness';
import { EDR_GAP } from './scenarios';
import { START } from './test-clock';

const { requester, jiraAdmin, securityReviewer } = SITE_USERS;

const everythingStored = async (): Promise<Record<string, unknown>> => {
  const entries = await new KvsStore().listByPrefix('', z.unknown(), 1_000);
  return Object.fromEntries(entries.map(({ key, value }) => [key, value]));
};

const notAdmin = (what: string) => ({
  ok: false,
  error: {
    code: 'not-admin',
    message: `Only Jira administrators can ${what}. Nothing was changed; ask a Jira admin if the policy needs to change.`,
  },
});

export const nonAdminIsRefusedAndNothingChanges = async (_site: ExceptionSite): Promise<void> => {
  const before = await everythingStored();
  const policy = (
    GetPolicyResponseSchema.parse(await invoke('getPolicy', {}, jiraAdmin)) as { policy: unknown }
  ).policy;
  const calls: [string, unknown, string][] = [
    ['getPolicy', {}, 'read the security exception policy here'],
    ['validatePolicy', { policy }, 'check a security exception policy'],
    [
      'savePolicy',
      { policy: { ...(policy as object), autoApproveLow: false }, baseVersion: 1 },
      'change the security exception policy',
    ],
    ['listPolicyVersions', {}, 'see the versions of the security exception policy'],
  ];
  for (const [name, payload, what] of calls)
    expect(await invoke(name, payload, requester)).toEqual(notAdmin(what));
  expect(await everythingStored()).toEqual(before);
};

export const adminSavesAVersionThatIsEnforced = async (site: ExceptionSite): Promise<void> => {
  const current = GetPolicyResponseSchema.parse(await invoke('getPolicy', {}, jiraAdmin));
  if (!current.ok) throw new Error('the admin was refused');
  expect(current).toMatchObject({ stored: true, policy: { version: 1 } });

  const draft = { ...current.policy, autoApproveLow: false };
  expect(
    ValidatePolicyResponseSchema.parse(await invoke('validatePolicy', { policy: draft }, jiraAdmin)),
  ).toEqual({
    ok: true,
    valid: true,
    problems: [],
  });
  const saved = SavePolicyResponseSchema.parse(
    await invoke('savePolicy', { policy: draft, baseVersion: 1 }, jiraAdmin),
  );
  expect(saved).toMatchObject({
    ok: true,
    policy: { version: 2, updatedAt: START, updatedBy: jiraAdmin, autoApproveLow: false },
  });
  expect(await invoke('savePolicy', { policy: current.policy, baseVersion: 1 }, jiraAdmin)).toEqual({
    ok: false,
    error: {
      code: 'version-conflict',
      message:
        'The policy has changed since you opened it: you edited version 1, and version 2 is now in force. Nothing was saved; reload the policy, make your changes again and save.',
    },
  });
  expect(ListPolicyVersionsResponseSchema.parse(await invoke('listPolicyVersions', {}, jiraAdmin))).toEqual({
    ok: true,
    versions: [
      { version: 2, updatedAt: START, updatedBy: jiraAdmin, current: true },
      { version: 1, updatedAt: null, updatedBy: null, current: false },
    ],
  });

  // Version 2 is what the workflow enforces: no auto-approval; the approval records the version it was made under.
  const key = await site.raise(EDR_GAP);
  expect(site.statusOf(key)).toBe('Risk Review');
  await site.transition(key, 'Approve', securityReviewer, { riskRating: 'Low' });
  const lifecycle = await site.lifecycle(key);
  expect(lifecycle.history.at(-1)).toMatchObject({
    action: 'approved',
    by: securityReviewer,
    policyVersion: 2,
  });
  expect(lifecycle.policyVersion).toBe(2);
};
