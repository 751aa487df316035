/**
 * exportRegister (ISSUE 7 item 4, the export half): the audit register of the set-up projects for a window, as
 * register JSON or CSV, for a Jira admin. The issues are read as the calling user, so an admin sees only what they
 * may browse (DESIGN.md §10); archived lifecycle entries are read back so the audit trail is whole; the window and
 * the output are built by the command line's own code (audit-export.ts). The answer is one resolver response,
 * which Forge caps at 5 MB (FORGE_NOTES §11): a larger export is refused with what to narrow.
 */
import type { ExportRegisterRequest, ExportRegisterResponse } from '../../contracts/admin-export';
import type { Answered } from '../../contracts/refusal';
import { policyInForce } from '../policy/policy-store';
import type { Clock } from '../ports/clock';
import type { DirectoryPort, IssuesPort, ProjectBrowsingPort } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';
import { RefusalError } from '../refusal-error';
import type { SiteConfig } from '../site-config';
import { readSiteConfig } from '../transitions/site-config-of';
import { adminUseCase } from '../use-case';
import { auditExport } from './audit-export';
import { readSiteRegister } from './read-site-register';
import { withArchivedHistory } from './whole-history';

/** Under Forge's 5 MB response limit, with room for the answer's other members and JSON escaping of the content. */
export const MAX_EXPORT_BYTES = 4.5 * 1024 * 1024;

/** Issues the app's mapping cannot read are listed, at most this many, by key. */
const UNREADABLE_LISTED = 20;

export interface ExportDependencies {
  /** Jira as the calling admin: their admin rights, and only the issues they may browse. */
  readonly jiraAsUser: IssuesPort & ProjectBrowsingPort & Pick<DirectoryPort, 'callerIsJiraAdmin'>;
  readonly store: StorePort;
  readonly clock: Clock;
}

export const NOT_ADMIN_EXPORT =
  'Only Jira administrators can export the security exception register. Nothing was exported.';

export const NOT_SET_UP =
  "The Security Exceptions app is not set up on this site yet, so there is no register to export. A Jira admin can run the setup on the app's admin page.";

export const projectsOf = (
  configured: SiteConfig['projects'],
  projectKeys: readonly string[] | undefined,
): SiteConfig['projects'] => {
  if (projectKeys === undefined) return configured;
  const unknown = projectKeys.filter((key) => !configured.some((project) => project.key === key));
  if (unknown.length > 0)
    throw new RefusalError(
      'invalid-request',
      `projectKeys names ${unknown.length === 1 ? 'a project' : `${String(unknown.length)} projects`} the app is not set up in. Nothing was exported; pick set-up projects.`,
    );
  return configured.filter((project) => projectKeys.includes(project.key));
};

/** The projects the caller may browse: the rest are left out of the export, not refused (DESIGN.md §10). */
export const browsable = async (
  jira: ProjectBrowsingPort,
  projects: SiteConfig['projects'],
): Promise<SiteConfig['projects']> => {
  const seen: SiteConfig['projects'][number][] = [];
  for (const project of projects) if (await jira.callerCanBrowseProject(project.key)) seen.push(project);
  return seen;
};

export const exportSiteRegister = adminUseCase(
  NOT_ADMIN_EXPORT,
  async (request: ExportRegisterRequest, deps: ExportDependencies) => {
    const config = await readSiteConfig(deps.store);
    if (config === undefined) throw new RefusalError('blocked', NOT_SET_UP);
    const projects = await browsable(deps.jiraAsUser, projectsOf(config.projects, request.projectKeys));
    const register =
      projects.length === 0
        ? { exceptions: [], unreadable: [], archivePages: new Map() }
        : await readSiteRegister(deps.jiraAsUser, { ...config, projects });
    if (register.unreadable.length > 0)
      throw new RefusalError(
        'blocked',
        `${String(register.unreadable.length)} Exception issues cannot be read by the app, so the register would be incomplete. Nothing was exported; fix the issues listed.`,
        {
          problems: register.unreadable
            .slice(0, UNREADABLE_LISTED)
            .map((issue) => `${issue.issueKey}: ${issue.problems.join(' ')}`),
        },
      );
    const exceptions = await withArchivedHistory(deps.jiraAsUser, register.exceptions, register.archivePages);
    const { from, to, format } = request;
    const built = auditExport(exceptions, await policyInForce(deps.store), deps.clock.now(), {
      from,
      to,
      format,
    });
    if (new TextEncoder().encode(built.content).length > MAX_EXPORT_BYTES)
      throw new RefusalError(
        'blocked',
        `The export of ${String(built.exceptions)} exceptions is larger than one answer can carry (4.5 MB). Nothing was exported; narrow the date range or pick fewer projects.`,
      );
    return {
      ok: true,
      format,
      filename: `security-exceptions-${from}-to-${to}.${format}`,
      content: built.content,
      exceptions: built.exceptions,
    } satisfies Answered<ExportRegisterResponse>;
  },
);
