/**
 * Starts the standalone simulator: a Jira site on 127.0.0.1, seeded from a register file when one is given
 * (seed/seed-site.ts), on the clock of `--now`, with the clock endpoint (clock-endpoint.ts). Answers the lines a
 * script reads (`JIRA_SITE=…`, `JIRA_EMAIL=…`, `JIRA_API_TOKEN=…`: a site admin's credentials) and `close`.
 */
import { CliError } from '../../src/cli/cli-error';
import { loadRegister } from '../../src/cli/load-inputs';
import type { ReadText } from '../../src/cli/read-json-file';
import type { Register } from '../../src/domain/register-schema';
import { createJiraSimulator, type JiraSimulator } from '../create-jira-simulator';
import { SeedError } from '../seed/seed-error';
import { seedSiteFromRegister, type SeededSite } from '../seed/seed-site';
import { clockEndpoint } from './clock-endpoint';
import type { ServerArgs } from './server-args';
import { SimClock } from './sim-clock';

export interface RunningServer {
  readonly sim: JiraSimulator;
  readonly site: SeededSite;
  readonly clock: SimClock;
  /** `JIRA_SITE=…`, `JIRA_EMAIL=…`, `JIRA_API_TOKEN=…`. */
  readonly credentialLines: readonly string[];
  /** One line for a person: what was seeded and how to move the clock. */
  readonly summary: string;
  close(): Promise<void>;
}

const EMPTY_REGISTER: Register = { version: 1, exceptions: [] };

const listen = async (args: ServerArgs, clock: SimClock): Promise<JiraSimulator> => {
  try {
    return await createJiraSimulator({
      port: args.port,
      now: () => clock.now(),
      control: clockEndpoint(clock),
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EADDRINUSE')
      throw new CliError(`port ${args.port} is in use: pick another with --port (0 picks a free one)`);
    throw error;
  }
};

export const startServer = async (args: ServerArgs, readText: ReadText): Promise<RunningServer> => {
  // The register is read before anything listens, so a bad file leaves no server behind.
  const register = args.seedPath === undefined ? EMPTY_REGISTER : loadRegister(args.seedPath, readText);
  const clock = new SimClock(args.now);
  const sim = await listen(args, clock);
  let site: SeededSite;
  try {
    site = await seedSiteFromRegister(sim, register);
  } catch (error) {
    await sim.close();
    if (error instanceof SeedError) throw new CliError(`${args.seedPath ?? 'register'}: ${error.message}`);
    throw error;
  }
  const counts = [...site.issueKeys].map(([project, keys]) => `${keys.length} in ${project}`);
  return {
    sim,
    site,
    clock,
    credentialLines: [
      `JIRA_SITE=${sim.baseUrl}`,
      `JIRA_EMAIL=${site.admin.emailAddress}`,
      `JIRA_API_TOKEN=${site.adminToken}`,
    ],
    summary: `Jira simulator on ${sim.baseUrl}, clock ${clock.nowIso()}; exceptions: ${
      counts.length === 0 ? 'none' : counts.join(', ')
    }. Move the clock with POST ${sim.baseUrl}/__simulator/clock {"advanceHours": n} or {"now": ISO}.`,
    close: () => sim.close(),
  };
};
