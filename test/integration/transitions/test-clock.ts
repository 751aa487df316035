/**
 * The clock the real handlers read (it replaces src/adapters/forge/system-clock through jest.mock) and the
 * simulated site's clock: one instant for both, moved by the tests.
 */
export const START = '2026-11-21T09:00:00Z';

export const testClock = {
  current: START,
  now(): string {
    return this.current;
  },
  set(instant: string): void {
    this.current = instant;
  },
};
