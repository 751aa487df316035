import type { GadgetResolverName } from '../contracts/resolver-names';
import { notImplementedResolver } from './not-implemented';

const ISSUE_OF: Record<GadgetResolverName, string> = { getKpis: 'KPI gadget' };

/** Resolver function of the KPI dashboard gadget. */
export const gadgetResolver = notImplementedResolver('gadget-resolver', ISSUE_OF);
