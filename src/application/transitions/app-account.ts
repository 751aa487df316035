/**
 * The app's own Jira account (accountType `app`): the acting account when the app transitions an issue itself
 * (auto-approve, revert at expiry). Learned from `myself()` as the app and kept in the store, so a validator does
 * not spend a Jira call on it each time.
 */
import { z } from 'zod';
import type { DirectoryPort } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';

export const APP_ACCOUNT_KEY = 'app-account';

const AppAccountSchema = z.strictObject({ accountId: z.string().min(1) });

export const appAccountId = async (deps: {
  readonly store: StorePort;
  readonly jiraAsApp: DirectoryPort;
}): Promise<string> => {
  const stored = await deps.store.get(APP_ACCOUNT_KEY, AppAccountSchema);
  if (stored !== undefined) return stored.accountId;
  const { accountId } = await deps.jiraAsApp.myself();
  await deps.store.set(APP_ACCOUNT_KEY, { accountId });
  return accountId;
};
