/**
 * The remaining-time budget: Forge's own count inside an invocation, a local countdown outside one (the sandbox,
 * the command line), so the sweep stops in time either way.
 */
const runtime: { remaining: (() => number) | undefined } = { remaining: undefined };

jest.mock('@forge/api', () => ({
  getAppContext: () => {
    if (runtime.remaining === undefined) throw new Error('getAppContext() called outside a Forge invocation');
    return { invocationRemainingTimeInMillis: runtime.remaining };
  },
}));

import { DEFAULT_INVOCATION_MS, forgeInvocationBudget } from '../../../src/adapters/forge/invocation-time';

describe('forgeInvocationBudget', () => {
  afterEach(() => {
    runtime.remaining = undefined;
  });

  it('answers what the Forge runtime says is left of the invocation', () => {
    const left = [41_000, 12_500];
    runtime.remaining = () => left.shift() ?? 0;
    const budget = forgeInvocationBudget();

    expect([budget.remainingMs(), budget.remainingMs(), budget.remainingMs()]).toEqual([41_000, 12_500, 0]);
  });

  it('counts down from the 55 s default outside a Forge invocation', () => {
    let now = 1_000_000;
    const budget = forgeInvocationBudget(DEFAULT_INVOCATION_MS, () => now);

    expect(budget.remainingMs()).toBe(55_000);
    now += 40_000;
    expect(budget.remainingMs()).toBe(15_000);
    now += 20_000;
    expect(budget.remainingMs()).toBe(-5_000);
  });

  it('does not trust a count that is not a number', () => {
    runtime.remaining = () => Number.NaN;
    const budget = forgeInvocationBudget(30_000, () => 0);

    expect(budget.remainingMs()).toBe(30_000);
  });
});
