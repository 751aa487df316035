/**
 * startExport (ISSUE 7 item 4): the audit export of a window as a background job (export-job.ts), for a Jira
 * admin, with exportRegister's request and checks. What the job may read is fixed here, as the requester: the
 * set-up projects they may browse (checked as them, the job itself has no user), the policy version in force and
 * the time the register is generated at.
 */
import type { ExportRegisterRequest } from '../../contracts/admin-export';
import type { Answered } from '../../contracts/refusal';
import type { StartExportResponse } from '../../contracts/admin-jobs';
import type { JobQueuePort } from '../jobs/job-events';
import { startJob } from '../jobs/start-job';
import { CURRENT_POLICY_KEY, CurrentPolicyPointerSchema } from '../policy/policy-store';
import type { Clock } from '../ports/clock';
import type { DirectoryPort, ProjectBrowsingPort } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';
import { RefusalError } from '../refusal-error';
import { readSiteConfig } from '../transitions/site-config-of';
import { adminUseCase } from '../use-case';
import { DEFAULT_PART_BYTES, ExportJobInputSchema, FIRST_EXPORT_CURSOR, inRegisterOrder } from './export-job';
import { browsable, NOT_ADMIN_EXPORT, NOT_SET_UP, projectsOf } from './export-site-register';

export interface StartExportDependencies {
  readonly jiraAsUser: ProjectBrowsingPort & Pick<DirectoryPort, 'callerIsJiraAdmin' | 'myself'>;
  readonly store: StorePort;
  readonly clock: Clock;
  readonly jobQueue: JobQueuePort;
  /** Bytes per output part; small in tests, so a small site still needs many parts. */
  readonly exportPartBytes?: number;
  readonly newJobId?: () => string;
}

export const startExport = adminUseCase(
  NOT_ADMIN_EXPORT,
  async (request: ExportRegisterRequest, deps: StartExportDependencies) => {
    const config = await readSiteConfig(deps.store);
    if (config === undefined) throw new RefusalError('blocked', NOT_SET_UP);
    const projects = await browsable(deps.jiraAsUser, projectsOf(config.projects, request.projectKeys));
    const requester = await deps.jiraAsUser.myself();
    const pointer = await deps.store.get(CURRENT_POLICY_KEY, CurrentPolicyPointerSchema);
    const input = ExportJobInputSchema.parse({
      from: request.from,
      to: request.to,
      format: request.format,
      projects: inRegisterOrder(projects.map(({ id, key }) => ({ id, key }))),
      generatedAt: deps.clock.now(),
      policyVersion: pointer?.version ?? null,
      partBytes: deps.exportPartBytes ?? DEFAULT_PART_BYTES,
    });
    const job = await startJob(deps, {
      kind: 'register-export',
      requestedBy: requester.accountId,
      input,
      cursor: FIRST_EXPORT_CURSOR,
      progress: { done: 0, total: null, phase: 'queued' },
    });
    return { ok: true, jobId: job.id } satisfies Answered<StartExportResponse>;
  },
);
