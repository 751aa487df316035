/**
 * Assets excepted (DESIGN.md §6): distinct Affected Assets of in-force exceptions ÷ the asset inventory size.
 * Assets are Jira labels, compared exactly. An unknown inventory (null) is "no data". An inventory smaller than the
 * assets the register already names is out of date; those assets exist, so they are a lower bound on the inventory,
 * which keeps the share a true fraction (at most 100 %) instead of a figure above 100 %.
 */
import type { Policy } from '../policy-schema';
import type { ExceptionRecord } from '../register-schema';
import { isInForce } from '../vocabulary';
import { share, type Share } from './stats';

export const assetsExcepted = (exceptions: readonly ExceptionRecord[], policy: Policy): Share => {
  const assets = new Set(
    exceptions
      .filter((exception) => isInForce(exception.status))
      .flatMap((exception) => exception.affectedAssets),
  );
  const inventory = policy.kpi.assetInventorySize;
  return inventory === null ? share(assets.size, 0) : share(assets.size, Math.max(inventory, assets.size));
};
