/**
 * getExportPart (ISSUE 7 item 4): one part of a finished export job's output, for the admin who started it. Parts
 * are served only once the job is done: a running job may still rewrite its last parts (export-job.ts).
 */
import type { GetExportPartRequest, GetExportPartResponse } from '../../contracts/admin-jobs';
import type { Answered } from '../../contracts/refusal';
import { NO_SUCH_JOB, readOwnJob } from '../jobs/read-own-job';
import { JobPartSchema, jobPartKey } from '../jobs/job-record';
import type { DirectoryPort } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';
import { RefusalError } from '../refusal-error';
import { adminUseCase } from '../use-case';
import { ExportJobInputSchema } from './export-job';
import { NOT_ADMIN_EXPORT } from './export-site-register';

export interface GetExportPartDependencies {
  readonly jiraAsUser: Pick<DirectoryPort, 'callerIsJiraAdmin' | 'myself'>;
  readonly store: StorePort;
}

export const getExportPart = adminUseCase(
  NOT_ADMIN_EXPORT,
  async (request: GetExportPartRequest, deps: GetExportPartDependencies) => {
    const job = await readOwnJob(deps, request.jobId);
    // One kind of job today; when the import joins it, a job of another kind has no export input and is refused.
    const input = ExportJobInputSchema.safeParse(job.input);
    if (!input.success) throw new RefusalError('invalid-request', NO_SUCH_JOB);
    if (job.state !== 'done')
      throw new RefusalError(
        'blocked',
        'The export is not finished yet. Nothing was read; ask again when getJob says done.',
      );
    if (request.part >= job.parts)
      throw new RefusalError(
        'invalid-request',
        `part must be below ${String(job.parts)}, the number of parts of this export.`,
      );
    const part = await deps.store.get(jobPartKey(job.id, request.part), JobPartSchema);
    if (part === undefined)
      throw new RefusalError(
        'blocked',
        'This part of the export has expired. Nothing was read; start the export again.',
      );
    return {
      ok: true,
      format: input.data.format,
      part: request.part,
      parts: job.parts,
      text: part.text,
    } satisfies Answered<GetExportPartResponse>;
  },
);
