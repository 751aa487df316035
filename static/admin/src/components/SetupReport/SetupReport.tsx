/** What a setup run did (src/contracts/setup-report.ts): created, adopted, already there, and what is left to do. */
import Heading from '@atlaskit/heading';
import type { SetupReportAnswer } from '@contracts/setup-report';

function Part({ title, items }: { readonly title: string; readonly items: readonly string[] | undefined }) {
  if (items === undefined || items.length === 0) return null;
  return (
    <section>
      <Heading as="h4" size="xsmall">
        {`${title} (${items.length})`}
      </Heading>
      <ul aria-label={title}>
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

export function SetupReport({ report }: { readonly report: SetupReportAnswer }) {
  const nothing = report.created.length + report.adopted.length + report.skipped.length === 0;
  return (
    <div>
      {nothing && <p>Setup had nothing to create or adopt.</p>}
      <Part title="Created" items={report.created} />
      <Part title="Adopted" items={report.adopted} />
      <Part title="Already set up" items={report.skipped} />
      <Part title="Still to do" items={report.problems} />
    </div>
  );
}
