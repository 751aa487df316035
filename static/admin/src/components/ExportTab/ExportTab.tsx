/**
 * The audit export (exportRegister): a date range and a format, then the register as a file download named as the
 * server names it, and how many exceptions it holds. The range is checked with the contract's own schema first.
 */
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { RadioGroup } from '@atlaskit/radio';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { ExportRegisterRequestSchema, type ExportFormat } from '@contracts/admin-export';
import type { Refusal } from '@contracts/refusal';
import { ErrorState } from '@shared/components/ErrorState';
import { RefusalMessage } from '@shared/components/RefusalMessage';
import { useState } from 'react';
import { exportRegister } from '../../api/export-register';
import { downloadText } from '../../download/download-text';
import { ExportJob } from '../ExportJob';
import { asError } from '../../hooks/use-answer';

type Run =
  | { readonly state: 'idle' }
  | { readonly state: 'running' }
  | { readonly state: 'done'; readonly exceptions: number; readonly filename: string }
  | { readonly state: 'refused'; readonly refusal: Refusal }
  | { readonly state: 'failed'; readonly error: Error };

const MIME: Record<ExportFormat, string> = { csv: 'text/csv;charset=utf-8', json: 'application/json' };

export function ExportTab() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const request = ExportRegisterRequestSchema.safeParse({ from, to, format });
  const problemOf = (field: 'from' | 'to'): string | null => {
    if (request.success || (field === 'from' ? from : to) === '') return null;
    return request.error.issues.find((issue) => issue.path[0] === field)?.message ?? null;
  };

  const onExport = async (): Promise<void> => {
    if (!request.success) return;
    setRun({ state: 'running' });
    try {
      const answer = await exportRegister(request.data);
      if (!answer.ok) {
        setRun({ state: 'refused', refusal: answer });
        return;
      }
      downloadText(answer.content, answer.filename, MIME[answer.format]);
      setRun({ state: 'done', exceptions: answer.exceptions, filename: answer.filename });
    } catch (error) {
      setRun({ state: 'failed', error: asError(error) });
    }
  };

  const dateField = (field: 'from' | 'to', label: string, value: string, set: (next: string) => void) => {
    const problem = problemOf(field);
    return (
      <div style={{ marginBlockEnd: token('space.150') }}>
        <label htmlFor={`export-${field}`}>{label}</label>
        <Textfield
          id={`export-${field}`}
          type="date"
          width="small"
          value={value}
          isInvalid={problem !== null}
          aria-describedby={problem === null ? undefined : `export-${field}-problem`}
          onChange={(event) => {
            set(event.currentTarget.value);
          }}
        />
        {problem !== null && (
          <p id={`export-${field}-problem`} style={{ color: token('color.text.danger') }}>
            {problem}
          </p>
        )}
      </div>
    );
  };

  return (
    <div>
      <Heading as="h2" size="medium">
        Export for the auditors
      </Heading>
      {dateField('from', 'From (first day)', from, setFrom)}
      {dateField('to', 'To (last day)', to, setTo)}
      <fieldset style={{ border: 'none', padding: 0 }}>
        <legend>Format</legend>
        <RadioGroup
          name="export-format"
          value={format}
          options={[
            { name: 'export-format', value: 'csv', label: 'CSV' },
            { name: 'export-format', value: 'json', label: 'JSON' },
          ]}
          onChange={(event) => {
            setFormat(event.currentTarget.value === 'json' ? 'json' : 'csv');
          }}
        />
      </fieldset>
      <Button
        appearance="primary"
        isDisabled={!request.success}
        isLoading={run.state === 'running'}
        onClick={() => {
          void onExport();
        }}
      >
        Export
      </Button>
      <p>A long window may be too large for one answer: export it in the background instead.</p>
      <ExportJob request={request.success ? request.data : null} />
      {run.state === 'done' && (
        <p role="status">
          {`Exported ${run.exceptions} ${run.exceptions === 1 ? 'exception' : 'exceptions'} to ${run.filename}.`}
        </p>
      )}
      {run.state === 'refused' && <RefusalMessage refusal={run.refusal} />}
      {run.state === 'failed' && <ErrorState error={run.error} />}
    </div>
  );
}
