import { render, screen } from '@testing-library/react';
import { ScannerFindings } from './ScannerFindings';

const FINDINGS = ['CVE-2024-1234 pkg:npm/lodash@4.17.20', '<img src=x onerror=alert(1)>'];

describe('ScannerFindings', () => {
  it('lists the findings as text and until when the ignore files suppress them', () => {
    render(
      <ScannerFindings
        findings={FINDINGS}
        suppression={{ findings: FINDINGS.slice(0, 1), until: '2026-12-02' }}
      />,
    );

    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(FINDINGS);
    expect(document.querySelector('img')).toBeNull();
    expect(
      screen.getByText("Suppressed in the scanners' ignore files until 2026-12-02 (1 as last decided)."),
    ).toBeTruthy();
  });

  it('says when nothing is suppressed', () => {
    render(<ScannerFindings findings={FINDINGS} suppression={null} />);

    expect(
      screen.getByText('Not suppressed: the scanners report these findings (the exception is not in force).'),
    ).toBeTruthy();
  });
});
