import type { AdminResolverName } from '../contracts/resolver-names';
import { notImplementedResolver } from './not-implemented';

const ISSUE_OF: Record<AdminResolverName, string> = {
  getPolicy: 'versioned policy',
  validatePolicy: 'versioned policy',
  savePolicy: 'versioned policy',
  listPolicyVersions: 'versioned policy',
  getSetupStatus: 'one-page setup',
  runSetup: 'one-page setup',
  exportRegister: 'register export',
};

/** Resolver function of the admin page (policy, setup, export). */
export const adminResolver = notImplementedResolver('admin-resolver', ISSUE_OF);
