/** A store, a clock and callers (a Jira admin and someone who is not) for the policy use cases. */
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import type { PolicyDependencies } from '../../../src/application/policy/policy-dependencies';
import { FakeDirectory } from '../transitions/fake-jira';

export const NOW = '2026-11-21T09:00:00Z';

export const policySite = () => {
  const store = new MemoryStore(() => Date.parse(NOW));
  const clock = { now: () => NOW };
  const directory = new FakeDirectory(null)
    .addUser({ accountId: 'cy', displayName: 'Cy Admin', active: true, groups: ['jira-admins'] })
    .addUser({ accountId: 'ana', displayName: 'Ana', active: true, groups: ['engineering'] });
  const as = (accountId: string, admin: boolean): PolicyDependencies => ({
    jiraAsUser: directory.as(accountId, admin),
    store,
    clock,
  });
  return { store, admin: as('cy', true), nonAdmin: as('ana', false) };
};

/** Everything in the store, to assert that a refused call changed nothing. */
export const snapshot = async (store: MemoryStore): Promise<Record<string, unknown>> => {
  const { z } = await import('zod');
  const entries = await store.listByPrefix('', z.unknown(), 10_000);
  return Object.fromEntries(entries.map(({ key, value }) => [key, value]));
};
