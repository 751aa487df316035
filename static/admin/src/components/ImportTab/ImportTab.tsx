/**
 * Import a register file into one set-up project (importRegister): the project, the file (JSON or CSV), an optional
 * CSV column mapping, and a dry run that creates nothing. An answer with `nextCursor` is followed with the same
 * file until the import is complete; the report lists every row created, skipped or rejected, with its reasons.
 */
import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import { RadioGroup } from '@atlaskit/radio';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { MAX_IMPORT_CHARS, type ImportRegisterResponse } from '@contracts/admin-import';
import type { Refusal } from '@contracts/refusal';
import { ErrorState } from '@shared/components/ErrorState';
import { RefusalMessage } from '@shared/components/RefusalMessage';
import { useState } from 'react';
import { importRegister } from '../../api/import-register';
import { readFileText } from '../../download/read-file-text';
import { asError } from '../../hooks/use-answer';
import { parseMapping } from './column-mapping';

type Answer = Extract<ImportRegisterResponse, { ok: true }>;

export interface ImportReport {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly counts: Answer['counts'];
  readonly created: Answer['created'];
  readonly skipped: Answer['skipped'];
  readonly rejected: Answer['rejected'];
  readonly complete: boolean;
}

type Run =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly calls: number }
  | { readonly state: 'done'; readonly report: ImportReport }
  | { readonly state: 'refused'; readonly refusal: Refusal }
  | { readonly state: 'failed'; readonly error: Error };

const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/;
/** Enough calls for any file under the payload limit; a server that keeps asking for more is not followed forever. */
const MAX_CALLS = 200;

const merged = (report: ImportReport | null, answer: Answer): ImportReport => ({
  dryRun: answer.dryRun,
  rows: answer.rows,
  counts: {
    created: (report?.counts.created ?? 0) + answer.counts.created,
    skipped: (report?.counts.skipped ?? 0) + answer.counts.skipped,
    rejected: (report?.counts.rejected ?? 0) + answer.counts.rejected,
    remaining: answer.counts.remaining,
  },
  created: [...(report?.created ?? []), ...answer.created],
  skipped: [...(report?.skipped ?? []), ...answer.skipped],
  rejected: [...(report?.rejected ?? []), ...answer.rejected],
  complete: answer.nextCursor === null,
});

export function ImportTab() {
  const [projectKey, setProjectKey] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<'json' | 'csv'>('csv');
  const [mappingText, setMappingText] = useState('');
  const [dryRun, setDryRun] = useState(true);
  const [run, setRun] = useState<Run>({ state: 'idle' });

  const keyProblem =
    projectKey === '' || PROJECT_KEY.test(projectKey) ? null : 'must be a Jira project key such as SEC';
  const mapping = format === 'csv' ? parseMapping(mappingText) : { ok: true as const, mapping: undefined };
  const ready = projectKey !== '' && keyProblem === null && file !== null && mapping.ok;

  const onImport = async (): Promise<void> => {
    if (!ready) return;
    setRun({ state: 'running', calls: 0 });
    try {
      const content = await readFileText(file);
      if (content.length > MAX_IMPORT_CHARS) {
        setRun({
          state: 'failed',
          error: new Error(
            `The file is larger than ${MAX_IMPORT_CHARS} characters, the most one import takes: split the register into several files.`,
          ),
        });
        return;
      }
      let report: ImportReport | null = null;
      let cursor = 0;
      for (let call = 1; call <= MAX_CALLS; call += 1) {
        const answer = await importRegister({
          projectKey,
          format,
          content,
          ...(mapping.mapping === undefined ? {} : { mapping: mapping.mapping }),
          dryRun,
          cursor,
        });
        if (!answer.ok) {
          setRun({ state: 'refused', refusal: answer });
          return;
        }
        report = merged(report, answer);
        if (answer.nextCursor === null) break;
        cursor = answer.nextCursor;
        setRun({ state: 'running', calls: call });
      }
      if (report !== null) setRun({ state: 'done', report });
    } catch (error) {
      setRun({ state: 'failed', error: asError(error) });
    }
  };

  return (
    <div>
      <Heading as="h2" size="medium">
        Import a register
      </Heading>
      <div style={{ marginBlockEnd: token('space.150') }}>
        <label htmlFor="import-project-key">Project key</label>
        <Textfield
          id="import-project-key"
          width="small"
          value={projectKey}
          isInvalid={keyProblem !== null}
          onChange={(event) => {
            setProjectKey(event.currentTarget.value.trim());
          }}
        />
        {keyProblem !== null && <p style={{ color: token('color.text.danger') }}>{keyProblem}</p>}
      </div>
      <div style={{ marginBlockEnd: token('space.150') }}>
        <label htmlFor="import-file">Register file</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          onChange={(event) => {
            const picked = event.currentTarget.files?.[0] ?? null;
            setFile(picked);
            if (picked !== null) setFormat(picked.name.toLowerCase().endsWith('.json') ? 'json' : 'csv');
          }}
        />
      </div>
      <fieldset style={{ border: 'none', padding: 0 }}>
        <legend>Format</legend>
        <RadioGroup
          name="import-format"
          value={format}
          options={[
            { name: 'import-format', value: 'csv', label: 'CSV' },
            { name: 'import-format', value: 'json', label: 'JSON' },
          ]}
          onChange={(event) => {
            setFormat(event.currentTarget.value === 'json' ? 'json' : 'csv');
          }}
        />
      </fieldset>
      {format === 'csv' && (
        <div style={{ marginBlockEnd: token('space.150') }}>
          <label htmlFor="import-mapping">Column mapping (optional)</label>
          <TextArea
            id="import-mapping"
            value={mappingText}
            isInvalid={!mapping.ok}
            aria-describedby="import-mapping-hint"
            onChange={(event) => {
              setMappingText(event.currentTarget.value);
            }}
          />
          <div id="import-mapping-hint" style={{ color: token('color.text.subtle') }}>
            One &quot;member: heading&quot; a line, e.g. &quot;riskOwner: Owner&quot;; empty when the file has
            the export&apos;s headings.
          </div>
          {!mapping.ok && (
            <ul aria-label="Problems with the column mapping" style={{ color: token('color.text.danger') }}>
              {mapping.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Checkbox
        label="Dry run: check every row and create nothing"
        isChecked={dryRun}
        onChange={(event) => {
          setDryRun(event.currentTarget.checked);
        }}
      />
      <Button
        appearance="primary"
        isDisabled={!ready}
        isLoading={run.state === 'running'}
        onClick={() => {
          void onImport();
        }}
      >
        {dryRun ? 'Check the file' : 'Import'}
      </Button>
      {run.state === 'running' && run.calls > 0 && (
        <p role="status">{`Importing… ${run.calls} ${run.calls === 1 ? 'part' : 'parts'} done.`}</p>
      )}
      {run.state === 'refused' && <RefusalMessage refusal={run.refusal} />}
      {run.state === 'failed' && <ErrorState error={run.error} />}
      {run.state === 'done' && <ImportReportView report={run.report} />}
    </div>
  );
}

type ReportRow = { row: number; outcome: string; detail: string };

export function ImportReportView({ report }: { readonly report: ImportReport }) {
  const rows: ReportRow[] = [
    ...report.created.map(({ row, key }) => ({
      row,
      outcome: report.dryRun ? 'would be created' : 'created',
      detail: key,
    })),
    ...report.skipped.map(({ row, reason }) => ({ row, outcome: 'skipped', detail: reason })),
    ...report.rejected.map(({ row, reasons }) => ({ row, outcome: 'rejected', detail: reasons.join('; ') })),
  ].sort((a, b) => a.row - b.row);
  const { counts } = report;
  return (
    <section aria-label="Import report">
      <Heading as="h3" size="small">
        {report.dryRun ? 'Dry run report' : 'Import report'}
      </Heading>
      <p>
        {`${report.rows} rows: ${counts.created} ${report.dryRun ? 'would be created' : 'created'}, ${
          counts.skipped
        } skipped, ${counts.rejected} rejected${
          report.dryRun && counts.remaining > 0 ? `, ${counts.remaining} valid to create` : ''
        }.`}
      </p>
      {rows.length > 0 && (
        <DynamicTable
          caption="Rows of the file"
          head={{
            cells: [
              { key: 'row', content: 'Row' },
              { key: 'outcome', content: 'Outcome' },
              { key: 'detail', content: 'Issue or reasons' },
            ],
          }}
          rows={rows.map((row, index) => ({
            key: `${row.row}-${index}`,
            cells: [
              { key: 'row', content: row.row },
              { key: 'outcome', content: row.outcome },
              { key: 'detail', content: row.detail },
            ],
          }))}
        />
      )}
    </section>
  );
}
