/**
 * The scanner web trigger's per-project tokens (DESIGN.md §11): 32 random bytes, shown once to the admin who makes
 * them. The app keeps only the token's SHA-256 digest, in KVS secret storage; a presented token is hashed and
 * compared with crypto.timingSafeEqual on the two 32-byte digests, so neither the comparison's time nor a stored
 * value gives the token away. A plain (listable) key records when and by whom each token was made, for the list.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type {
  ListTriggerTokensRequest,
  ListTriggerTokensResponse,
  RotateTriggerTokenRequest,
  RotateTriggerTokenResponse,
} from '../../contracts/admin-trigger-tokens';
import type { Answered } from '../../contracts/refusal';
import type { Clock } from '../ports/clock';
import type { DirectoryPort } from '../ports/jira-port';
import type { SecretStorePort } from '../ports/secret-store-port';
import type { StorePort } from '../ports/store-port';
import { RefusalError } from '../refusal-error';
import { readSiteConfig } from '../transitions/site-config-of';
import { adminUseCase } from '../use-case';

export const secretKeyOf = (projectKey: string): string => `ignore-trigger-secret:${projectKey}`;
export const tokenInfoKeyOf = (projectKey: string): string => `ignore-trigger-token:${projectKey}`;

/** A token is `setk_` and 43 base64url characters (32 bytes); anything much longer is not one, unhashed. */
const TOKEN_PREFIX = 'setk_';
const MAX_PRESENTED_LENGTH = 256;

const TokenDigestSchema = z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const TokenInfoSchema = z.strictObject({ createdAt: z.string(), createdBy: z.string() });

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

export interface TriggerTokenDependencies {
  readonly jiraAsUser: Pick<DirectoryPort, 'callerIsJiraAdmin' | 'myself'>;
  readonly store: StorePort & SecretStorePort;
  readonly clock: Clock;
}

export const NOT_ADMIN_TOKENS =
  'Only Jira administrators can manage the scanner web trigger tokens. Nothing was changed.';

const setUpProjectKeys = async (store: StorePort): Promise<string[]> => {
  const config = await readSiteConfig(store);
  if (config === undefined)
    throw new RefusalError(
      'blocked',
      "The Security Exceptions app is not set up on this site yet. A Jira admin can run the setup on the app's admin page.",
    );
  return config.projects.map((project) => project.key);
};

/** Makes the project's token, or replaces it (the old one stops working at once); answers it this once. */
export const rotateTriggerToken = adminUseCase(
  NOT_ADMIN_TOKENS,
  async (
    request: RotateTriggerTokenRequest,
    deps: TriggerTokenDependencies,
  ): Promise<Answered<RotateTriggerTokenResponse>> => {
    if (!(await setUpProjectKeys(deps.store)).includes(request.projectKey))
      throw new RefusalError(
        'invalid-request',
        'projectKey names a project the app is not set up in. No token was made; pick a set-up project.',
      );
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const createdAt = deps.clock.now();
    const createdBy = (await deps.jiraAsUser.myself()).accountId;
    // The secret first: a crash between the writes leaves a working token whose list entry is stale, never the
    // reverse (a list saying a new token exists while the old one still works).
    await deps.store.setSecret(secretKeyOf(request.projectKey), { sha256: sha256(token).toString('hex') });
    await deps.store.set(tokenInfoKeyOf(request.projectKey), { createdAt, createdBy });
    return { ok: true, projectKey: request.projectKey, token, createdAt };
  },
);

/** Every set-up project, with when its token was made (never the token or its digest). */
export const listTriggerTokens = adminUseCase(
  NOT_ADMIN_TOKENS,
  async (
    _request: ListTriggerTokensRequest,
    deps: TriggerTokenDependencies,
  ): Promise<Answered<ListTriggerTokensResponse>> => {
    const keys = await setUpProjectKeys(deps.store);
    const infos = await deps.store.getMany(keys.map(tokenInfoKeyOf), TokenInfoSchema);
    return {
      ok: true,
      tokens: keys.map((projectKey) => {
        const info = infos.get(tokenInfoKeyOf(projectKey));
        return { projectKey, createdAt: info?.createdAt ?? null, createdBy: info?.createdBy ?? null };
      }),
    };
  },
);

/** Whether `presented` is the project's current token: false when it has none, or for anything else. */
export const isProjectToken = async (
  store: SecretStorePort,
  projectKey: string,
  presented: string | undefined,
): Promise<boolean> => {
  const stored = await store.getSecret(secretKeyOf(projectKey), TokenDigestSchema);
  // Hashed whatever it is, so a missing or short token takes as long as a wrong one.
  const candidate = sha256((presented ?? '').slice(0, MAX_PRESENTED_LENGTH));
  const expected = stored === undefined ? sha256('') : Buffer.from(stored.sha256, 'hex');
  const equal = timingSafeEqual(candidate, expected);
  return stored !== undefined && presented !== undefined && presented.length <= MAX_PRESENTED_LENGTH && equal;
};
