import { seededRandom } from './seeded-random';

export interface FaultSettings {
  /** Added delay per request, uniform in [min, max] milliseconds. */
  readonly latencyMs?: readonly [number, number];
  /** Share of requests answered 429 with Retry-After and RateLimit-Reason. */
  readonly rate429?: number;
  readonly retryAfterSeconds?: number;
  /** RateLimit-Reason header value; Jira uses e.g. jira-burst-based, jira-quota-tenant-based, jira-per-issue-on-write. */
  readonly rateLimitReason?: string;
  /** Share of requests answered with a 5xx status. */
  readonly rate5xx?: number;
  readonly status5xx?: number;
  /** Share of requests whose connection is destroyed without an answer. */
  readonly rateDrop?: number;
  /** Share of requests never answered, so the client's timeout fires (the socket is closed by sim.close()). */
  readonly rateHang?: number;
  readonly seed?: number;
  /** Limit faults to these calls ("POST /rest/api/3/issue/{issueIdOrKey}/transitions") or operationIds. */
  readonly only?: readonly string[];
}

export type FaultOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'rateLimited'; readonly retryAfterSeconds: number; readonly reason: string }
  | { readonly kind: 'serverError'; readonly status: number };

export interface FaultDecision {
  readonly latencyMs: number;
  readonly outcome: FaultOutcome;
}

export interface FaultStats {
  delayed: number;
  rateLimited: number;
  serverErrors: number;
  dropped: number;
  hung: number;
}

const NO_FAULT: FaultDecision = { latencyMs: 0, outcome: { kind: 'none' } };

/**
 * Decides, per request and before the request has any effect, whether it is delayed, refused or dropped.
 * One draw decides the outcome (drop, hang, 429, 5xx, by cumulative rate) and, with latency configured,
 * a second draw the delay: the same seed and the same request order give the same faults.
 */
export class FaultInjector {
  private settings: FaultSettings = {};
  private random: () => number = seededRandom(1);
  readonly stats: FaultStats = { delayed: 0, rateLimited: 0, serverErrors: 0, dropped: 0, hung: 0 };

  set(settings: FaultSettings): void {
    this.settings = { ...settings };
    this.random = seededRandom(settings.seed ?? 1);
    this.resetStats();
  }

  clear(): void {
    this.set({});
  }

  resetStats(): void {
    Object.assign(this.stats, { delayed: 0, rateLimited: 0, serverErrors: 0, dropped: 0, hung: 0 });
  }

  decide(callKey: string, operationId: string | undefined): FaultDecision {
    const { only, latencyMs, rateDrop = 0, rateHang = 0, rate429 = 0, rate5xx = 0 } = this.settings;
    if (
      only !== undefined &&
      !only.includes(callKey) &&
      (operationId === undefined || !only.includes(operationId))
    ) {
      return NO_FAULT;
    }
    if (latencyMs === undefined && rateDrop + rateHang + rate429 + rate5xx === 0) return NO_FAULT;
    const draw = this.random();
    const delay =
      latencyMs === undefined ? 0 : Math.round(latencyMs[0] + this.random() * (latencyMs[1] - latencyMs[0]));
    if (delay > 0) this.stats.delayed += 1;
    let outcome: FaultOutcome = { kind: 'none' };
    if (draw < rateDrop) {
      outcome = { kind: 'drop' };
      this.stats.dropped += 1;
    } else if (draw < rateDrop + rateHang) {
      outcome = { kind: 'hang' };
      this.stats.hung += 1;
    } else if (draw < rateDrop + rateHang + rate429) {
      outcome = {
        kind: 'rateLimited',
        retryAfterSeconds: this.settings.retryAfterSeconds ?? 1,
        reason: this.settings.rateLimitReason ?? 'jira-burst-based',
      };
      this.stats.rateLimited += 1;
    } else if (draw < rateDrop + rateHang + rate429 + rate5xx) {
      outcome = { kind: 'serverError', status: this.settings.status5xx ?? 503 };
      this.stats.serverErrors += 1;
    }
    return { latencyMs: delay, outcome };
  }
}
