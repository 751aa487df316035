/**
 * ISSUE 7 item 4 (the import half) through the simulator: an empty second project set up like SEC, the admin
 * page's exportRegister and importRegister resolvers as the page calls them, and the register normalised to what
 * an import may change (what Jira assigns: ids and keys; and attachments, which a register does not carry).
 */
import { parse } from 'csv-parse/sync';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import { JiraConfigurationClient } from '../../../src/adapters/jira/jira-configuration-client';
import { ExportRegisterResponseSchema } from '../../../src/contracts/admin-export';
import {
  ImportRegisterResponseSchema,
  type ImportRegisterResponse,
} from '../../../src/contracts/admin-import';
import { provisionProject } from '../../../src/application/setup/provision-project';
import { SITE_USERS } from '../../support/simulated-site';
import { fastRetryPolicy } from '../../support/fast-retry-policy';
import { simulatorFetcher } from '../../support/simulator-fetcher';
import { APP_ID, invokeAdminResolver as invoke, type ExceptionSite } from '../transitions/exception-harness';

export const WINDOW = { from: '2026-11-01', to: '2027-01-31' };
export const IMPORTED = 'OPS';

/** A second set-up project with no issue in it. */
export const setUpEmptyProject = async (site: ExceptionSite): Promise<void> => {
  site.sim.state.addProject({ key: IMPORTED, name: 'Operations', browse: 'everyone' });
  await provisionProject(
    {
      configuration: new JiraConfigurationClient(simulatorFetcher(site.sim), fastRetryPolicy()),
      store: new KvsStore(),
      appId: APP_ID,
    },
    { projectKey: IMPORTED },
  );
};

export const exportOf = async (projectKey: string, format: 'json' | 'csv'): Promise<string> => {
  const answer = ExportRegisterResponseSchema.parse(
    await invoke('exportRegister', { ...WINDOW, format, projectKeys: [projectKey] }, SITE_USERS.jiraAdmin),
  );
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.content;
};

export type ImportAnswer = Extract<ImportRegisterResponse, { ok: true }>;

export const importInto = async (
  site: ExceptionSite,
  payload: Record<string, unknown>,
  accountId: string = SITE_USERS.jiraAdmin,
): Promise<ImportAnswer> => {
  const answer = ImportRegisterResponseSchema.parse(
    await invoke('importRegister', { projectKey: IMPORTED, ...payload }, accountId),
  );
  await site.sim.idle();
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer;
};

interface RegisterJson {
  generatedAt: string;
  exceptions: Record<string, unknown>[];
}

/** What Jira assigns on import (ids and keys) and what a register does not carry (attachments). */
export const ASIDE = ['id', 'key', 'attachmentCount'];

/** The register's exceptions without the members an import cannot keep. */
export const comparable = (content: string): unknown =>
  (JSON.parse(content) as RegisterJson).exceptions.map((exception) =>
    Object.fromEntries(Object.entries(exception).filter(([member]) => !ASIDE.includes(member))),
  );

/** The Exception issues of a project in the simulator. */
export const issuesIn = (site: ExceptionSite, projectKey: string): string[] =>
  [...site.sim.state.issues.values()]
    .filter((issue) => site.sim.state.projects.get(issue.projectId)?.key === projectKey)
    .map((issue) => issue.key);

/** A CSV's rows as objects by heading, without the named columns. */
export const csvWithout = (content: string, columns: readonly string[]): Record<string, string>[] =>
  parse<Record<string, string>>(content, { columns: true, bom: true }).map((row) =>
    Object.fromEntries(Object.entries(row).filter(([heading]) => !columns.includes(heading))),
  );
