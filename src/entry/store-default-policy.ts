/**
 * trigger on avi:forge:installed:app and avi:forge:upgraded:app: stores the default policy as version 1 when the
 * site has none. Only KVS is touched: the app's Jira permissions may not have propagated yet (FORGE_NOTES §6).
 */
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { storeDefaultPolicy as storeDefault } from '../application/policy/store-default-policy';
import { recordShape } from './record-shape';

export const storeDefaultPolicy = async (event?: unknown): Promise<void> => {
  await recordShape('store-default-policy', event);
  const outcome = await storeDefault(forgeDependencies());
  console.info(`store-default-policy: ${outcome}`);
};
