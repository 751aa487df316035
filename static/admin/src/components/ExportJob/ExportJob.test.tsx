import { fireEvent, render, screen } from '@testing-library/react';
import { bridgeCalls, onInvoke, resetBridge } from '@shared/test/bridge-stub';
import { ExportJob } from './ExportJob';

jest.setTimeout(60_000);

const JOB = '0b5c1f4e-6a7d-4c59-9d0e-2f9a8b7c6d5e';
let downloads: { download: string; blob: Blob | undefined }[] = [];
const blobs = new Map<string, Blob>();

beforeEach(() => {
  downloads = [];
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size + 1}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ download: this.download, blob: blobs.get(this.href) });
  });
});
afterEach(() => {
  resetBridge();
  jest.restoreAllMocks();
});

const readBlob = (blob: Blob): Promise<string> =>
  new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.readAsText(blob);
  });

const job = (state: string, done: number, parts: number, result: Record<string, unknown> | null = null) => ({
  ok: true,
  jobId: JOB,
  kind: 'export',
  state,
  progress: { done, total: 10, phase: 'reading' },
  parts,
  result,
  error: null,
});

const request = { from: '2026-01-01', to: '2026-12-31', format: 'csv' as const };

describe('ExportJob', () => {
  it('shows the progress, then joins every part into one download named by the result', async () => {
    const states = [job('running', 4, 1), job('done', 10, 2, { filename: 'register.csv', exceptions: 10 })];
    onInvoke({
      startExport: () => ({ ok: true, jobId: JOB }),
      getJob: () => states.shift(),
      getExportPart: (payload) => {
        const { part } = payload as { part: number };
        return { ok: true, format: 'csv', part, parts: 2, text: part === 0 ? 'a,b\r\n' : '1,2\r\n' };
      },
    });
    render(<ExportJob request={request} pollMs={5} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export in the background' }));

    expect(await screen.findByText('reading: 4 of 10 read')).toBeTruthy();
    expect(await screen.findByText('Exported 10 exceptions to register.csv.')).toBeTruthy();
    expect(downloads.map(({ download }) => download)).toEqual(['register.csv']);
    expect(await readBlob(downloads[0]!.blob!)).toBe('a,b\r\n1,2\r\n');
    const calls = bridgeCalls.map(([, call]) => call as { functionKey: string; payload: unknown });
    expect(calls.map(({ functionKey, payload }) => [functionKey, payload])).toEqual([
      ['startExport', request],
      ['getJob', { jobId: JOB }],
      ['getJob', { jobId: JOB }],
      ['getExportPart', { jobId: JOB, part: 0 }],
      ['getExportPart', { jobId: JOB, part: 1 }],
    ]);
  });

  it('shows a failed job with its message', async () => {
    onInvoke({
      startExport: () => ({ ok: true, jobId: JOB }),
      getJob: () => ({
        ...job('failed', 3, 0),
        error: { message: 'The export stopped: Jira refused the search.', problems: [] },
      }),
    });
    render(<ExportJob request={request} pollMs={5} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export in the background' }));
    expect(await screen.findByText('The export job failed')).toBeTruthy();
    expect(screen.getByText('The export stopped: Jira refused the search.')).toBeTruthy();
    expect(downloads).toEqual([]);
  });

  it('shows a refusal to start', async () => {
    onInvoke({
      startExport: () => ({ ok: false, error: { code: 'busy', message: 'An export is already running.' } }),
    });
    render(<ExportJob request={request} pollMs={5} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export in the background' }));
    expect(await screen.findByText('This is already running')).toBeTruthy();
    expect(screen.getByText('An export is already running.')).toBeTruthy();
  });
});
