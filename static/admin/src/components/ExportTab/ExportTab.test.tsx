import { fireEvent, render, screen } from '@testing-library/react';
import { bridgeCalls, onInvoke, resetBridge } from '@shared/test/bridge-stub';
import { ExportTab } from './ExportTab';

jest.setTimeout(60_000);

interface Download {
  href: string;
  download: string;
  blob: Blob | undefined;
}

let downloads: Download[] = [];
const blobs = new Map<string, Blob>();
let serial = 0;

beforeEach(() => {
  downloads = [];
  // jsdom has no object URLs: remember each Blob under its URL.
  URL.createObjectURL = (blob: Blob) => {
    serial += 1;
    const url = `blob:test/${serial}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    blobs.delete(url);
  };
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ href: this.href, download: this.download, blob: blobs.get(this.href) });
  });
});
afterEach(() => {
  resetBridge();
  jest.restoreAllMocks();
});

const fill = (from: string, to: string) => {
  fireEvent.change(screen.getByLabelText('From (first day)'), { target: { value: from } });
  fireEvent.change(screen.getByLabelText('To (last day)'), { target: { value: to } });
};

const readBlob = (blob: Blob): Promise<string> =>
  new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.readAsText(blob);
  });

describe('ExportTab', () => {
  it('exports the range in the chosen format and downloads the file under the answer name', async () => {
    const content = '{"exceptions":["<img src=x onerror=alert(1)>"]}';
    onInvoke({
      exportRegister: () => ({
        ok: true,
        format: 'json',
        filename: 'security-exceptions-2026-01-01-to-2026-06-30.json',
        content,
        exceptions: 3,
      }),
    });
    render(<ExportTab />);
    fill('2026-01-01', '2026-06-30');
    fireEvent.click(screen.getByLabelText('JSON'));
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));

    expect(
      await screen.findByText('Exported 3 exceptions to security-exceptions-2026-01-01-to-2026-06-30.json.'),
    ).toBeTruthy();
    expect(bridgeCalls).toEqual([
      [
        'invoke',
        {
          functionKey: 'exportRegister',
          payload: { from: '2026-01-01', to: '2026-06-30', format: 'json' },
          extensionPayload: undefined,
        },
      ],
    ]);
    expect(downloads.map(({ download }) => download)).toEqual([
      'security-exceptions-2026-01-01-to-2026-06-30.json',
    ]);
    const blob = downloads[0]!.blob!;
    expect(blob.type).toBe('application/json');
    expect(await readBlob(blob)).toBe(content);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('shows the contract message for a range that ends before it starts, and sends nothing', () => {
    render(<ExportTab />);
    fill('2026-06-30', '2026-01-01');
    expect(screen.getByText('must not be before from')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(bridgeCalls).toEqual([]);
  });

  it('shows a refusal', async () => {
    onInvoke({
      exportRegister: () => ({
        ok: false,
        error: { code: 'not-admin', message: 'Only Jira administrators can export the register.' },
      }),
    });
    render(<ExportTab />);
    fill('2026-01-01', '2026-06-30');
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('Only Jira administrators can do this')).toBeTruthy();
    expect(screen.getByText('Only Jira administrators can export the register.')).toBeTruthy();
    expect(downloads).toEqual([]);
  });
});
