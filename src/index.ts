// The Forge handlers named in manifest.yml (`index.<name>`): this file only re-exports them.
export { validateTransition } from './entry/validate-transition';
export { recordTransition } from './entry/record-transition';
export { triageOnCreate } from './entry/triage-on-create';
export { reviewDecisionEdit } from './entry/review-decision-edit';
export { kpiIssueDeleted } from './entry/kpi-issue-deleted';
export { storeDefaultPolicy } from './entry/store-default-policy';
export { lifecycleSweep } from './entry/lifecycle-sweep';
export { lifecycleWorker } from './entry/lifecycle-worker';
export { adminJobWorker } from './entry/admin-job-worker';
export { gadgetResolver } from './entry/gadget-resolver';
export { adminResolver } from './entry/admin-resolver';
export { ignoreFileTrigger } from './entry/ignore-file-trigger';
export { issuePanelResolver } from './entry/issue-panel-resolver';
