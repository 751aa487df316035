/** getJob (ISSUE 7 item 4): a background job's progress, for the admin who started it (read-own-job.ts). */
import type { GetJobRequest, GetJobResponse } from '../../contracts/admin-jobs';
import type { Answered } from '../../contracts/refusal';
import type { DirectoryPort } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';
import { adminUseCase } from '../use-case';
import { readOwnJob } from './read-own-job';

export const NOT_ADMIN_JOBS =
  'Only Jira administrators can follow the app’s background jobs. Nothing was read.';

export interface GetJobDependencies {
  readonly jiraAsUser: Pick<DirectoryPort, 'callerIsJiraAdmin' | 'myself'>;
  readonly store: StorePort;
}

export const getJob = adminUseCase(
  NOT_ADMIN_JOBS,
  async (request: GetJobRequest, deps: GetJobDependencies) => {
    const job = await readOwnJob(deps, request.jobId);
    return {
      ok: true,
      jobId: job.id,
      kind: job.kind,
      state: job.state,
      progress: job.progress,
      parts: job.state === 'done' ? job.parts : 0,
      result: job.result,
      error: job.error,
    } satisfies Answered<GetJobResponse>;
  },
);
