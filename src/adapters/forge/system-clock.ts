import type { Clock } from '../../application/ports/clock';

/** The machine's clock, for the deployed app; tests and the sandbox pass their own Clock. */
export const systemClock: Clock = { now: () => new Date().toISOString() };
