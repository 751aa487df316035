/**
 * What the exception suppresses in the scanners (DESIGN.md §11): the Findings it lists, and what the ignore files
 * suppress now — the findings as last decided, until the day they stop — or that nothing is suppressed (not in
 * force). Every entry is rendered as text.
 */
import type { ExceptionSummary } from '@contracts/issue-panel';

export interface ScannerFindingsProps {
  readonly findings: readonly string[];
  readonly suppression: ExceptionSummary['suppression'];
}

export function ScannerFindings({ findings, suppression }: ScannerFindingsProps) {
  return (
    <div>
      <ul aria-label="Findings">
        {findings.map((finding, index) => (
          <li key={index}>
            <code>{finding}</code>
          </li>
        ))}
      </ul>
      <p>
        {suppression === null || suppression === undefined
          ? 'Not suppressed: the scanners report these findings (the exception is not in force).'
          : `Suppressed in the scanners' ignore files until ${suppression.until} (${String(suppression.findings.length)} as last decided).`}
      </p>
    </div>
  );
}
