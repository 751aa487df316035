/**
 * The fault-injection figures of the Jira adapter (issue "Jira for real"): runs the scenario of
 * test/support/fault-injection-scenario.ts against the simulator and writes bench/results/fault-injection.json.
 * `npx tsx bench/fault-injection.ts`
 */
import path from 'node:path';
import { runFaultInjectionScenario } from '../test/support/fault-injection-scenario';
import { writeResults } from './bench-results';

const main = async (): Promise<void> => {
  const report = await runFaultInjectionScenario();
  const file = writeResults('fault-injection.json', {
    measuredAt: new Date().toISOString(),
    node: process.version,
    ...report,
  });
  const { state } = report;
  console.log(
    [
      `port calls ${report.portCalls}, REST calls ${report.restCalls}, HTTP requests ${report.httpRequests}`,
      `injected: ${report.injected.rateLimited} × 429, ${report.injected.serverErrors} × 5xx, ${report.injected.delayed} delayed; ${report.answersLost} answers lost after the write`,
      `retries ${report.retries} (waited ${report.retryWaitMs} ms); ambiguous writes ${report.ambiguousWrites}: ${report.foundApplied} found applied, ${report.resent} re-sent`,
      `elapsed ${report.elapsedMs} ms; failures ${report.failures.length}; contract violations ${report.contractViolations}`,
      `comments ${state.comments}/${state.expectedComments} (duplicates ${state.duplicateComments}), ENG issues ${state.engineeringIssues}/${state.expectedEngineeringIssues}, links ${state.links}`,
      `written to ${path.relative(process.cwd(), file)}`,
    ].join('\n'),
  );
  const clean =
    report.failures.length === 0 &&
    report.contractViolations === 0 &&
    state.comments === state.expectedComments &&
    state.engineeringIssues === state.expectedEngineeringIssues;
  process.exitCode = clean ? 0 : 1;
};

void main();
