/**
 * The audit export as a background job (startExport → getJob → getExportPart): for a window too large for one
 * answer. Progress is polled and shown; once done, every part is fetched in order and joined into one download
 * named as the job's result names it.
 */
import Button from '@atlaskit/button/new';
import ProgressBar from '@atlaskit/progress-bar';
import type { ExportRegisterRequest } from '@contracts/admin-export';
import type { GetJobResponse } from '@contracts/admin-jobs';
import type { Refusal } from '@contracts/refusal';
import { ErrorState } from '@shared/components/ErrorState';
import { RefusalMessage } from '@shared/components/RefusalMessage';
import SectionMessage from '@atlaskit/section-message';
import { useEffect, useRef, useState } from 'react';
import { getExportPart } from '../../api/get-export-part';
import { getJob } from '../../api/get-job';
import { startExport } from '../../api/start-export';
import { downloadText } from '../../download/download-text';
import { asError } from '../../hooks/use-answer';

type Job = Extract<GetJobResponse, { ok: true }>;

type Run =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly job: Job | null }
  | { readonly state: 'done'; readonly exceptions: number | null; readonly filename: string }
  | { readonly state: 'job-failed'; readonly message: string; readonly problems: readonly string[] }
  | { readonly state: 'refused'; readonly refusal: Refusal }
  | { readonly state: 'failed'; readonly error: Error };

const MIME = { csv: 'text/csv;charset=utf-8', json: 'application/json' } as const;

export interface ExportJobProps {
  /** The export asked for, or null while the form is not valid. */
  readonly request: ExportRegisterRequest | null;
  /** How often the job is asked for its progress. */
  readonly pollMs?: number;
}

const wait = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

export function ExportJob({ request, pollMs = 1000 }: ExportJobProps) {
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const follow = async (wanted: ExportRegisterRequest): Promise<Run> => {
    const started = await startExport(wanted);
    if (!started.ok) return { state: 'refused', refusal: started };
    for (;;) {
      if (!mounted.current) return { state: 'idle' };
      const job = await getJob(started.jobId);
      if (!job.ok) return { state: 'refused', refusal: job };
      if (job.state === 'failed')
        return {
          state: 'job-failed',
          message: job.error?.message ?? 'The export job failed.',
          problems: job.error?.problems ?? [],
        };
      if (job.state === 'done') {
        const texts: string[] = [];
        let format: 'csv' | 'json' = wanted.format;
        for (let part = 0; part < job.parts; part += 1) {
          const answer = await getExportPart(started.jobId, part);
          if (!answer.ok) return { state: 'refused', refusal: answer };
          texts.push(answer.text);
          format = answer.format;
        }
        const named = job.result?.['filename'];
        const counted = job.result?.['exceptions'];
        const filename =
          typeof named === 'string' ? named : `security-exceptions-${wanted.from}-to-${wanted.to}.${format}`;
        downloadText(texts.join(''), filename, MIME[format]);
        return { state: 'done', exceptions: typeof counted === 'number' ? counted : null, filename };
      }
      setRun({ state: 'running', job });
      await wait(pollMs);
    }
  };

  const onStart = async (): Promise<void> => {
    if (request === null) return;
    setRun({ state: 'running', job: null });
    try {
      const outcome = await follow(request);
      if (mounted.current) setRun(outcome);
    } catch (error) {
      if (mounted.current) setRun({ state: 'failed', error: asError(error) });
    }
  };

  const progress =
    run.state === 'running' &&
    run.job !== null &&
    run.job.progress.total !== null &&
    run.job.progress.total > 0
      ? Math.min(1, run.job.progress.done / run.job.progress.total)
      : null;

  return (
    <div>
      <Button
        isDisabled={request === null || run.state === 'running'}
        onClick={() => {
          void onStart();
        }}
      >
        Export in the background
      </Button>
      {run.state === 'running' && (
        <div role="status" aria-live="polite">
          <ProgressBar
            ariaLabel="Export progress"
            value={progress ?? 0}
            isIndeterminate={progress === null}
          />
          <p>
            {run.job === null
              ? 'Starting the export…'
              : `${run.job.progress.phase}: ${run.job.progress.done}${
                  run.job.progress.total === null ? '' : ` of ${run.job.progress.total}`
                } read`}
          </p>
        </div>
      )}
      {run.state === 'done' && (
        <p role="status">
          {run.exceptions === null
            ? `Exported to ${run.filename}.`
            : `Exported ${run.exceptions} ${run.exceptions === 1 ? 'exception' : 'exceptions'} to ${run.filename}.`}
        </p>
      )}
      {run.state === 'job-failed' && (
        <SectionMessage appearance="error" title="The export job failed">
          <p>{run.message}</p>
          {run.problems.length > 0 && (
            <ul>
              {run.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          )}
        </SectionMessage>
      )}
      {run.state === 'refused' && <RefusalMessage refusal={run.refusal} />}
      {run.state === 'failed' && <ErrorState error={run.error} />}
    </div>
  );
}
