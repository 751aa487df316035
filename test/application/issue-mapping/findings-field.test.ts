import type { JiraIssue } from '../../../src/application/ports/jira-port';
import { toExceptionRecord } from '../../../src/application/issue-mapping/to-exception-record';
import type { SiteConfig } from '../../../src/application/site-config';
import { exceptionFields, SITE_CONFIG } from '../transitions/exception-site';

const FINDINGS_FIELD = 'customfield_10012';
const CONFIG: SiteConfig = { ...SITE_CONFIG, fields: { ...SITE_CONFIG.fields, findings: FINDINGS_FIELD } };

/** A paragraph field as REST v3 returns it: ADF, one paragraph a line (a hard break between lines also happens). */
const paragraphs = (...lines: string[]) => ({
  type: 'doc',
  version: 1,
  content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
});
const withHardBreaks = (...lines: string[]) => ({
  type: 'doc',
  version: 1,
  content: [
    {
      type: 'paragraph',
      content: lines.flatMap((line, index) => [
        ...(index === 0 ? [] : [{ type: 'hardBreak' }]),
        { type: 'text', text: line },
      ]),
    },
  ],
});

const issue = (findings: unknown): JiraIssue => ({
  id: '10012',
  key: 'SEC-12',
  fields: { ...exceptionFields(), [FINDINGS_FIELD]: findings },
  properties: {},
});

const record = (findings: unknown, config: SiteConfig = CONFIG) => {
  const result = toExceptionRecord(issue(findings), config);
  if (!result.ok) throw new Error(result.problems.join(' | '));
  return result.record;
};

describe('the Findings field in the mapping', () => {
  it.each([
    ['ADF paragraphs', paragraphs('CVE-2024-1234 pkg:npm/lodash@4.17.20', 'GHSA-jfh8-c2jp-5v3q src/a.js')],
    [
      'ADF hard breaks',
      withHardBreaks('CVE-2024-1234 pkg:npm/lodash@4.17.20', 'GHSA-jfh8-c2jp-5v3q src/a.js'),
    ],
    [
      'plain text (a REST v2 answer or a screen edit)',
      'CVE-2024-1234 pkg:npm/lodash@4.17.20\nGHSA-jfh8-c2jp-5v3q src/a.js',
    ],
  ])('reads one finding a line from %s', (_shape, value) => {
    const mapped = record(value);
    expect(mapped.findings).toEqual([
      { id: 'CVE-2024-1234', purl: 'pkg:npm/lodash@4.17.20' },
      { id: 'GHSA-jfh8-c2jp-5v3q', path: 'src/a.js' },
    ]);
    expect(mapped.findingProblems).toBeUndefined();
  });

  it('keeps the good lines and notes the bad ones for the validators', () => {
    const mapped = record(paragraphs('CVE-2024-1234', 'not a finding'));
    expect(mapped.findings).toEqual([{ id: 'CVE-2024-1234' }]);
    expect(mapped.findingProblems).toEqual([
      'Findings line 2: "not" is not a vulnerability id such as CVE-2024-1234, GHSA-xxxx-xxxx-xxxx or SNYK-JS-LODASH-567746.',
    ]);
  });

  it.each<[string, unknown, SiteConfig]>([
    ['empty', null, CONFIG],
    ['a site set up before the field existed', paragraphs('CVE-2024-1234'), SITE_CONFIG],
  ])('has no findings member when %s', (_case, value, config) => {
    const mapped = record(value, config);
    expect('findings' in mapped).toBe(false);
    expect('findingProblems' in mapped).toBe(false);
  });
});
