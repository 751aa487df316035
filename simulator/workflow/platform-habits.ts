/**
 * Where Atlassian's documents leave the platform's shape or behaviour open, the simulator can produce each
 * documented or reported variant (one option per variant), and where the platform may be harsh it is harsh by
 * default, so that tests cannot agree with the app by construction. Sources are in simulator/README.md
 * ("Platform habits") and ../shared/FORGE_NOTES.md §16.
 */

/** The `transition` member of the post-function event (its type did not render in the Forge docs). */
export type PostFunctionTransitionShape =
  /** `{id, name, from:{id,name}, to:{id,name}, executionId}` (Automan's documentation). */
  | 'objects'
  /** `{id, transitionName, from_status, to_status, executionId}` (JiBrok's documentation). */
  | 'flat';

export interface DuplicateDelivery {
  /** Probability that a post function or trigger event is delivered a second time. */
  readonly probability: number;
  /** Delay before the second delivery (about a second on the platform). */
  readonly delayMs: number;
  readonly seed: number;
}

export interface PlatformHabits {
  postFunctionTransitionShape: PostFunctionTransitionShape;
  /**
   * REST-fired transitions: 'distinct' gives each transition its own executionId; 'absent' omits it (CR reports
   * no distinct executionId for REST-fired transitions).
   */
  restExecutionId: 'distinct' | 'absent';
  /** Validators: 'present' sends `context.principal` (the acting user); 'absent' omits it (it is optional). */
  validatorPrincipal: 'present' | 'absent';
  /** Validators: modifiedFields inside `transition` (Forge example) or at the payload's top level (CR). */
  modifiedFieldsPlacement: 'transition' | 'topLevel';
  /** Validators and post functions: `configuration` as the parsed object (Forge example) or JSON text (CR). */
  configurationAs: 'object' | 'string';
  /**
   * Whether a comment sent through REST `update.comment` reaches validators' modifiedFields. Default false: CR's
   * live test saw it not arrive. True keeps the simulator's earlier inference (a Get-issue comment page).
   */
  restCommentReachesValidators: boolean;
  /** How the comment box of a transition screen (sim.transitionOnScreen) arrives in modifiedFields.comment. */
  screenCommentFormat: 'adf' | 'string' | 'page';
  /** Only fields on the transition's screen may be set in a transition (400 otherwise), as Jira answers. */
  enforceScreens: boolean;
  /** Two transitions of one issue in flight at once: the one that commits second is refused (409). */
  refuseRacingTransitions: boolean;
  /** Synchronous invocations (validators, resolvers) are killed after this long (Forge: 25 s). */
  syncTimeLimitMs: number;
  /** Async invocations (post functions, triggers) are killed after the module's timeoutSeconds × this (ms). */
  msPerTimeoutSecond: number;
  /** Post functions and triggers: at-least-once delivery, sometimes twice; probability 0 turns it off. */
  duplicateDelivery: DuplicateDelivery;
  /** A handler that returns an InvocationError is invoked again, at most this many times (Forge: 4). */
  maxInvocationRetries: number;
  /** Milliseconds waited per second of the InvocationError's retryAfter (1000 on the platform). */
  msPerRetryAfterSecond: number;
  /**
   * Indexed entity-property dates stored in a format the jira:entityProperty page does not list (e.g. with
   * milliseconds) are not indexed, so JQL never matches them. False reads any instant.
   */
  indexOnlyDocumentedPropertyDates: boolean;
  /** The validation endpoint answers 500 when a Forge rule lacks parameters.id (CR); false lists an error instead. */
  validationServerErrorOnMissingForgeRuleId: boolean;
  /**
   * `expand=changelog` on an issue (get, search, bulk fetch) sends "a list of recent updates … starting from the
   * most recent" (the search document): at most this many histories, with `total` counting them all.
   */
  expandedChangelogLimit: number;
  /**
   * Whether an issue edit may add a comment through `update.comment`. 'refused' answers 400 as Jira does for a
   * field that is not on the edit screen (a site whose screens or status properties forbid it).
   */
  commentOnEdit: 'accepted' | 'refused';
}

/** Forge's limits (F:limits-invocation): 25 s synchronous, 55 s default for async functions. */
export const SYNC_TIME_LIMIT_MS = 25_000;
export const DEFAULT_ASYNC_TIMEOUT_SECONDS = 55;

export const defaultPlatformHabits = (): PlatformHabits => ({
  postFunctionTransitionShape: 'objects',
  restExecutionId: 'distinct',
  validatorPrincipal: 'present',
  modifiedFieldsPlacement: 'transition',
  configurationAs: 'object',
  restCommentReachesValidators: false,
  screenCommentFormat: 'adf',
  enforceScreens: true,
  refuseRacingTransitions: true,
  syncTimeLimitMs: SYNC_TIME_LIMIT_MS,
  msPerTimeoutSecond: 1000,
  duplicateDelivery: { probability: 0.2, delayMs: 1000, seed: 6 },
  maxInvocationRetries: 4,
  msPerRetryAfterSecond: 1000,
  indexOnlyDocumentedPropertyDates: true,
  validationServerErrorOnMissingForgeRuleId: true,
  expandedChangelogLimit: 20,
  commentOnEdit: 'accepted',
});

export type PlatformHabitOptions = Partial<PlatformHabits>;
