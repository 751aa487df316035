// The Jira simulator: a contract-checked fake Jira Cloud over real HTTP (see README.md).
export { createJiraSimulator } from './create-jira-simulator';
export type {
  InstalledApp,
  JiraSimulator,
  JiraSimulatorOptions,
  ScreenTransition,
} from './create-jira-simulator';
export {
  defaultPlatformHabits,
  DEFAULT_ASYNC_TIMEOUT_SECONDS,
  SYNC_TIME_LIMIT_MS,
  type DuplicateDelivery,
  type PlatformHabitOptions,
  type PlatformHabits,
  type PostFunctionTransitionShape,
} from './workflow/platform-habits';
export { InvocationTimeoutError, type RetryContext } from './workflow/invocation-limits';
export { AS_USER_HEADER } from './http/authenticate';
export { createSimClient, type SimClient, type SimResponse } from './http/sim-client';
export type { ContractViolation } from './contract/contract-violation';
export { OpenApiDocumentMissingError, openApiDocumentPath } from './contract/openapi-document';
export type { FaultSettings, FaultStats } from './faults/fault-injector';
export type { CallCounter } from './calls/call-counter';
export type {
  SimState,
  UserSeed,
  GroupSeed,
  ProjectSeed,
  IssueSeed,
  CustomFieldSeed,
  PropertyIndexPath,
} from './state/sim-state';
export type * from './state/model';
export { FORGE_RULE_KEYS, extensionAri } from './workflow/forge-apps';
export type * from './workflow/forge-types';
export type { HookFailure } from './workflow/background-work';
export { UNBOUNDED_JQL_MESSAGE } from './routes/search-routes';
export {
  CONTROL_PATH_PREFIX,
  type ControlHandler,
  type ControlRequest,
  type ControlResponse,
} from './server/control-requests';
