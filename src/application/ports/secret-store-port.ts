/**
 * The StorePort's secret half (Forge KVS `getSecret` / `setSecret` / `deleteSecret`: encrypted at rest, never
 * listed by a query; FORGE_NOTES §10). Only what must stay secret goes here: the digests of web trigger tokens.
 */
import type { z } from 'zod';

export interface SecretStorePort {
  getSecret<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined>;
  setSecret(key: string, value: unknown): Promise<void>;
  deleteSecret(key: string): Promise<void>;
}
