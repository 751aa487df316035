/** The resolver's answer by kind: an Exception's details, a short note for other issues, or what cannot be read. */
import SectionMessage from '@atlaskit/section-message';
import type { GetExceptionSummaryResponse } from '@contracts/issue-panel';
import { ExceptionDetails } from '../ExceptionDetails';

export interface SummaryViewProps {
  readonly summary: Extract<GetExceptionSummaryResponse, { ok: true }>['summary'];
  readonly locale: string | undefined;
  readonly now: Date;
}

export function SummaryView({ summary, locale, now }: SummaryViewProps) {
  switch (summary.kind) {
    case 'exception':
      return <ExceptionDetails summary={summary} locale={locale} now={now} />;
    case 'not-an-exception':
      return <p>This issue is not a security exception, so there is nothing here to track.</p>;
    case 'unreadable':
      return (
        <SectionMessage appearance="warning" title="The app cannot read this exception">
          <p>
            A field the app needs was deleted or changed type. A Jira admin can run the setup again on the
            app&apos;s admin page.
          </p>
          <ul aria-label="Problems">
            {summary.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </SectionMessage>
      );
  }
}
