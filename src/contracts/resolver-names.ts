/**
 * The resolver names each Custom UI app calls with `invoke(name, payload)`, one list per resolver function of
 * manifest.yml. Shared by src/entry (which defines them) and static/ (which calls them), so neither side can
 * call a name the other does not know. Request and response schemas join them with the issues that use them.
 */

/** Resolvers of the `gadget-resolver` function (jira:dashboardGadget). */
export const GADGET_RESOLVERS = ['getKpis'] as const;
export type GadgetResolverName = (typeof GADGET_RESOLVERS)[number];

/** Resolvers of the `admin-resolver` function (jira:adminPage: policy, setup, export, import). */
export const ADMIN_RESOLVERS = [
  'getPolicy',
  'validatePolicy',
  'savePolicy',
  'listPolicyVersions',
  'getSetupStatus',
  'runSetup',
  'getPlatformSelfCheck',
  'exportRegister',
  'importRegister',
  // The export as a background job (ISSUE 7 item 4): start it, follow it, fetch its parts.
  'startExport',
  'getJob',
  'getExportPart',
  // The last lifecycle sweeps (admin-sweeps.ts).
  'getSweepStatus',
  // The scanner web trigger's per-project tokens (admin-trigger-tokens.ts).
  'rotateTriggerToken',
  'listTriggerTokens',
] as const;
export type AdminResolverName = (typeof ADMIN_RESOLVERS)[number];

/** Resolvers of the `issue-panel-resolver` function (jira:issuePanel). */
export const ISSUE_PANEL_RESOLVERS = ['getExceptionSummary'] as const;
export type IssuePanelResolverName = (typeof ISSUE_PANEL_RESOLVERS)[number];
