import {
  DEFAULT_FAULT_INJECTION,
  runFaultInjectionScenario,
  type FaultInjectionReport,
} from '../../support/fault-injection-scenario';

// Hundreds of requests with 50–300 ms latency each and Retry-After of a second: tens of seconds.
jest.setTimeout(180_000);

describe('the Jira client under injected faults (10 % 429, 5 % 5xx, 50–300 ms, 5 % lost answers)', () => {
  let report: FaultInjectionReport;

  beforeAll(async () => {
    report = await runFaultInjectionScenario(DEFAULT_FAULT_INJECTION);
  });

  it('makes a realistic load of at least 200 calls and meets every kind of fault', () => {
    expect(report.portCalls).toBeGreaterThanOrEqual(200);
    expect(report.injected.rateLimited).toBeGreaterThan(0);
    expect(report.injected.serverErrors).toBeGreaterThan(0);
    expect(report.answersLost).toBeGreaterThan(0);
    expect(report.retries).toBeGreaterThanOrEqual(report.injected.rateLimited);
  });

  it('succeeds in every call, within the contract', () => {
    expect(report.failures).toEqual([]);
    expect(report.contractViolations).toBe(0);
  });

  it('duplicates no write and loses none', () => {
    expect(report.state).toEqual({
      expectedComments: 65,
      comments: 65,
      duplicateComments: 0,
      expectedEngineeringIssues: 5,
      engineeringIssues: 5,
      links: 5,
      lifecyclePropertiesAsWritten: 20,
      inProgress: 20,
      statusChanges: 20,
      registerPagedThrough: 20,
    });
  });

  it('resolved every ambiguous write by looking, not by guessing', () => {
    expect(report.ambiguousWrites).toBeGreaterThan(0);
    expect(report.foundApplied + report.resent).toBe(report.ambiguousWrites);
  });
});
