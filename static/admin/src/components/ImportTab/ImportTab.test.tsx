import { fireEvent, render, screen } from '@testing-library/react';
import { bridgeCalls, onInvoke, resetBridge } from '@shared/test/bridge-stub';
import { ImportTab } from './ImportTab';

afterEach(resetBridge);
jest.setTimeout(60_000);

const CSV = 'Key,Type\r\nSEC-1,Other\r\n';

const pick = (name: string, content: string) => {
  fireEvent.change(screen.getByLabelText('Register file'), {
    target: { files: [new File([content], name, { type: 'text/csv' })] },
  });
};

const payloads = () =>
  bridgeCalls.map(([, call]) => (call as { functionKey: string; payload: unknown }).payload);

describe('ImportTab', () => {
  it('sends the file, mapping and dry run, follows the cursor and reports every row', async () => {
    const answers = [
      {
        ok: true,
        dryRun: false,
        rowNumbering: 'data rows from 1',
        rows: 4,
        counts: { created: 1, skipped: 1, rejected: 0, remaining: 2 },
        created: [{ row: 1, key: 'SEC-10' }],
        skipped: [{ row: 2, reason: 'already imported as SEC-9' }],
        rejected: [],
        nextCursor: 2,
      },
      {
        ok: true,
        dryRun: false,
        rowNumbering: 'data rows from 1',
        rows: 4,
        counts: { created: 1, skipped: 0, rejected: 1, remaining: 0 },
        created: [{ row: 4, key: 'SEC-11' }],
        skipped: [],
        rejected: [{ row: 3, reasons: ['Type must be one of the exception types', 'Requester is empty'] }],
        nextCursor: null,
      },
    ];
    onInvoke({ importRegister: () => answers.shift() });
    render(<ImportTab />);
    fireEvent.change(screen.getByLabelText('Project key'), { target: { value: 'SEC' } });
    pick('register.csv', CSV);
    fireEvent.change(screen.getByLabelText('Column mapping (optional)'), {
      target: { value: 'riskOwner: Owner\n' },
    });
    fireEvent.click(screen.getByLabelText('Dry run: check every row and create nothing'));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByText('4 rows: 2 created, 1 skipped, 1 rejected.')).toBeTruthy();
    const rows = Array.from(screen.getByRole('table').querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['1', 'created', 'SEC-10'],
      ['2', 'skipped', 'already imported as SEC-9'],
      ['3', 'rejected', 'Type must be one of the exception types; Requester is empty'],
      ['4', 'created', 'SEC-11'],
    ]);
    const base = {
      projectKey: 'SEC',
      format: 'csv',
      content: CSV,
      mapping: { riskOwner: 'Owner' },
      dryRun: false,
    };
    expect(payloads()).toEqual([
      { ...base, cursor: 0 },
      { ...base, cursor: 2 },
    ]);
  });

  it('does not send a mapping line that names no member', () => {
    render(<ImportTab />);
    fireEvent.change(screen.getByLabelText('Project key'), { target: { value: 'SEC' } });
    pick('register.csv', CSV);
    fireEvent.change(screen.getByLabelText('Column mapping (optional)'), {
      target: { value: 'owner of it' },
    });
    expect(screen.getByRole('list', { name: 'Problems with the column mapping' }).textContent).toBe(
      'line 1: must be "member: heading"',
    );
    expect(screen.getByRole('button', { name: 'Check the file' }).hasAttribute('disabled')).toBe(true);
    expect(bridgeCalls).toEqual([]);
  });

  it('shows a refusal of the whole file', async () => {
    onInvoke({
      importRegister: () => ({
        ok: false,
        error: { code: 'invalid-request', message: 'The file is not register JSON.' },
      }),
    });
    render(<ImportTab />);
    fireEvent.change(screen.getByLabelText('Project key'), { target: { value: 'SEC' } });
    pick('register.json', '{}');
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByText('The request was not accepted')).toBeTruthy();
    expect(screen.getByText('The file is not register JSON.')).toBeTruthy();
    expect(payloads()).toEqual([
      { projectKey: 'SEC', format: 'json', content: '{}', dryRun: true, cursor: 0 },
    ]);
  });
});
