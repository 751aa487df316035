/**
 * A job as its requester may see it. Only the account that started a job may read it, even another Jira admin:
 * an export was filtered to what its requester may browse, and another admin may browse less (DESIGN.md §10).
 * A job id of someone else's job is answered like one that does not exist, so ids reveal nothing.
 */
import type { DirectoryPort } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';
import { RefusalError } from '../refusal-error';
import { JobRecordSchema, jobKey, type JobRecord } from './job-record';

export const NO_SUCH_JOB =
  'jobId names no job you started (jobs are kept for three days). Nothing was read; start the work again.';

export const readOwnJob = async (
  deps: { readonly store: StorePort; readonly jiraAsUser: Pick<DirectoryPort, 'myself'> },
  jobId: string,
): Promise<JobRecord> => {
  const job = await deps.store.get(jobKey(jobId), JobRecordSchema);
  const caller = await deps.jiraAsUser.myself();
  if (job === undefined || job.requestedBy !== caller.accountId)
    throw new RefusalError('invalid-request', NO_SUCH_JOB);
  return job;
};
