/** The shapes exchanged between the simulator and the app's Forge handlers that a test installs. */

export type ForgeModuleType = 'validator' | 'postFunction' | 'condition' | 'trigger';

export interface ForgeModule {
  readonly key: string;
  readonly type: ForgeModuleType;
  readonly name?: string;
  readonly description?: string;
  /** Validators and conditions defined by a Jira expression (conditions are expression-only). */
  readonly expression?: string;
  /** The manifest's errorMessage, shown when a validator refuses without its own message. */
  readonly errorMessage?: string;
  /** Trigger modules: the event names delivered to onEvent (e.g. 'avi:jira:created:issue'). */
  readonly events?: readonly string[];
  /** Post functions and triggers: the function's timeoutSeconds (default 55, F:limits-invocation). */
  readonly timeoutSeconds?: number;
}

/** What Forge passes as the handler's second argument (FORGE_NOTES §4, §6). */
export interface ForgeInvocationContext {
  /** The acting user: the transitioning user for validators, the causing user for events. */
  readonly principal?: { readonly accountId: string };
  readonly installContext: string;
  readonly cloudId: string;
  readonly environmentId: string;
  readonly moduleKey: string;
}

/**
 * The documented function-validator payload (FORGE_NOTES §1). Depending on sim.habits, modifiedFields is in
 * `transition` (Forge example) or at the top level (reported), and configuration is an object or JSON text.
 */
export interface ValidatorPayload {
  readonly issue: { readonly key: string };
  readonly configuration: unknown;
  readonly transition: {
    readonly from: { readonly id: string };
    readonly to: { readonly id: string };
    readonly modifiedFields?: Readonly<Record<string, unknown>>;
  };
  readonly modifiedFields?: Readonly<Record<string, unknown>>;
}

export interface ValidatorResult {
  readonly result: boolean;
  readonly errorMessage?: string;
}

export interface EventChangeItem {
  readonly field: string;
  readonly fieldtype: string;
  readonly fieldId: string;
  readonly from: string | null;
  readonly fromString: string | null;
  readonly to: string | null;
  readonly toString: string | null;
}

/** The issue as events and post functions carry it: id, key and the navigable basics. */
export interface EventIssue {
  readonly id: string;
  readonly key: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** `transition` as Automan documents it (sim.habits.postFunctionTransitionShape 'objects', the default). */
export interface TransitionWithObjects {
  readonly id: string;
  readonly name: string;
  /** Absent for the initial (create) transition. */
  readonly from?: { readonly id: string; readonly name: string };
  readonly to: { readonly id: string; readonly name: string };
  /** The same for every post function run by one transition; absent under restExecutionId 'absent'. */
  readonly executionId?: string;
}

/** `transition` as JiBrok documents it (postFunctionTransitionShape 'flat'). */
export interface FlatTransition {
  readonly id: string;
  readonly transitionName: string;
  /** Absent for the initial (create) transition. */
  readonly from_status?: string;
  readonly to_status: string;
  readonly executionId?: string;
}

/** The "Run post function event" (FORGE_NOTES §2, §16). */
export interface PostFunctionEvent {
  readonly issue: EventIssue;
  readonly transition: TransitionWithObjects | FlatTransition;
  readonly workflow: { readonly id: string; readonly name: string };
  readonly atlassianId: string;
  readonly changelog: { readonly id: string; readonly items: readonly EventChangeItem[] };
  readonly comment?: { readonly id: string };
  readonly configuration: unknown;
  readonly postFunction: { readonly id: string };
  /** Set when the platform invokes again after the handler returned an InvocationError. */
  readonly retryContext?: {
    readonly retryCount: number;
    readonly retryReason: string;
    readonly retryData: unknown;
  };
}

export interface ForgeAppDefinition {
  readonly appId: string;
  readonly environmentId: string;
  readonly name?: string;
  readonly modules: readonly ForgeModule[];
  validate?(payload: ValidatorPayload, context: ForgeInvocationContext): Promise<ValidatorResult>;
  /** May answer an InvocationError (a retry request); the value is the platform's to interpret. */
  postFunction?(event: PostFunctionEvent, context: ForgeInvocationContext): Promise<unknown>;
  onEvent?(
    name: string,
    event: Readonly<Record<string, unknown>>,
    context: ForgeInvocationContext,
  ): Promise<unknown>;
}
