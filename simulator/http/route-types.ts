import type { MatchedOperation } from '../contract/contract-checker';
import type { Principal } from '../state/permissions';
import type { SimState } from '../state/sim-state';
import type { SimUser } from '../state/model';
import type { BackgroundWork } from '../workflow/background-work';
import type { ForgeApps } from '../workflow/forge-apps';
import type { AsyncDelivery } from '../workflow/invocation-limits';
import type { PlatformHabits } from '../workflow/platform-habits';
import type { QueryReader } from './query-reader';

/** The parts of a running simulator that routes work with. */
export interface SimulatorCore {
  readonly state: SimState;
  readonly apps: ForgeApps;
  readonly background: BackgroundWork;
  /** The platform's documented-or-reported variants in force (mutable: tests may switch them). */
  readonly habits: PlatformHabits;
  /** At-least-once delivery, time limits and retries of post functions and triggers. */
  readonly delivery: AsyncDelivery;
  readonly cloudId: string;
  /** The app's own user (accountType "app"), the actor of asApp requests. */
  readonly appUser: SimUser;
  baseUrl(): string;
}

export interface RouteContext {
  readonly core: SimulatorCore;
  readonly principal: Principal;
  readonly operation: MatchedOperation;
  readonly params: Readonly<Record<string, string>>;
  readonly query: QueryReader;
  readonly body: unknown;
}

export interface RouteResult {
  readonly status: number;
  /** JSON-serialisable; undefined sends an empty body. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type RouteHandler = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

/** Handlers keyed by the document's operationId. */
export type RouteTable = Readonly<Record<string, RouteHandler>>;
