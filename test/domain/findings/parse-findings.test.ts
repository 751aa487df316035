import { FindingSchema, FindingsSchema, findingLine } from '../../../src/domain/findings/finding';
import { FINDING_EXCERPT_LENGTH, parseFindings } from '../../../src/domain/findings/parse-findings';

describe('parseFindings', () => {
  it('reads ids alone and scoped by a purl or a path, one a line, skipping blank lines and repeats', () => {
    expect(
      parseFindings(
        [
          'CVE-2024-1234 pkg:npm/lodash@4.17.20',
          '',
          '  GHSA-jfh8-c2jp-5v3q   services/api/package-lock.json ',
          'SNYK-JS-LODASH-567746',
          'CVE-2024-1234 pkg:npm/lodash@4.17.20',
          'RUSTSEC-2021-0001',
        ].join('\r\n'),
      ),
    ).toEqual({
      findings: [
        { id: 'CVE-2024-1234', purl: 'pkg:npm/lodash@4.17.20' },
        { id: 'GHSA-jfh8-c2jp-5v3q', path: 'services/api/package-lock.json' },
        { id: 'SNYK-JS-LODASH-567746' },
        { id: 'RUSTSEC-2021-0001' },
      ],
      problems: [],
    });
  });

  it('writes ids as their databases do: CVE upper case, GHSA groups lower case', () => {
    expect(parseFindings('cve-2024-1234\nghsa-JFH8-C2JP-5V3Q').findings).toEqual([
      { id: 'CVE-2024-1234' },
      { id: 'GHSA-jfh8-c2jp-5v3q' },
    ]);
  });

  it.each<[string, string, string]>([
    [
      'a word',
      'lodash',
      'Findings line 1: "lodash" is not a vulnerability id such as CVE-2024-1234, GHSA-xxxx-xxxx-xxxx or SNYK-JS-LODASH-567746.',
    ],
    [
      'a CVE with a short number',
      'CVE-2024-12',
      'Findings line 1: "CVE-2024-12" is not a vulnerability id such as CVE-2024-1234, GHSA-xxxx-xxxx-xxxx or SNYK-JS-LODASH-567746.',
    ],
    [
      'a GHSA outside its alphabet',
      'GHSA-aaaa-bbbb-cccc',
      'Findings line 1: "GHSA-aaaa-bbbb-cccc" is not a vulnerability id such as CVE-2024-1234, GHSA-xxxx-xxxx-xxxx or SNYK-JS-LODASH-567746.',
    ],
    [
      'a bad purl',
      'CVE-2024-1234 pkg:/lodash',
      'Findings line 1: "pkg:/lodash" is not a package URL such as pkg:npm/lodash@4.17.20.',
    ],
    [
      'two scopes',
      'CVE-2024-1234 pkg:npm/a@1 src/a.js',
      'Findings line 1: write one finding a line, its id and at most one purl or path.',
    ],
    [
      'a path with markup',
      'CVE-2024-1234 <script>',
      'Findings line 1: "<script>" is not a purl (pkg:…) or a path without spaces or quotes.',
    ],
  ])('refuses %s with a message naming the line', (_name, text, message) => {
    expect(parseFindings(text)).toEqual({ findings: [], problems: [message] });
  });

  it('names each bad line by its number and keeps the good ones', () => {
    expect(parseFindings('CVE-2024-1234\n\nnope\nGHSA-jfh8-c2jp-5v3q')).toEqual({
      findings: [{ id: 'CVE-2024-1234' }, { id: 'GHSA-jfh8-c2jp-5v3q' }],
      problems: [
        'Findings line 3: "nope" is not a vulnerability id such as CVE-2024-1234, GHSA-xxxx-xxxx-xxxx or SNYK-JS-LODASH-567746.',
      ],
    });
  });

  it('quotes at most a short excerpt of a bad entry, never a pasted secret or page whole', () => {
    const secret = `ghp_${'x'.repeat(200)}`;
    const [problem = ''] = parseFindings(secret).problems;
    expect(problem).toBe(
      `Findings line 1: "${secret.slice(0, FINDING_EXCERPT_LENGTH)}…" is not a vulnerability id such as CVE-2024-1234, GHSA-xxxx-xxxx-xxxx or SNYK-JS-LODASH-567746.`,
    );
    expect(problem).not.toContain(secret.slice(0, FINDING_EXCERPT_LENGTH + 1));
  });

  it('bounds the messages: ten lines named, then how many more', () => {
    const { problems } = parseFindings(Array.from({ length: 25 }, () => 'bad').join('\n'));
    expect(problems).toHaveLength(11);
    expect(problems[9]).toMatch(/^Findings line 10: /);
    expect(problems[10]).toBe('Findings: 15 more lines are not findings either.');
  });

  it('bounds the entries at 500', () => {
    const text = Array.from({ length: 501 }, (_, index) => `CVE-2024-${String(10000 + index)}`).join('\n');
    const parsed = parseFindings(text);
    expect(parsed.findings).toHaveLength(500);
    expect(parsed.problems).toEqual(['Findings lists 501 entries: at most 500 are allowed.']);
  });
});

describe('FindingSchema (the register format member)', () => {
  it('accepts what the field parses to and writes it back as a line', () => {
    const finding = FindingSchema.parse({ id: 'CVE-2024-1234', purl: 'pkg:npm/lodash@4.17.20' });
    expect(findingLine(finding)).toBe('CVE-2024-1234 pkg:npm/lodash@4.17.20');
  });

  it.each([
    [{ id: 'nope' }, ['id']],
    [{ id: 'CVE-2024-1234', purl: 'npm/lodash' }, ['purl']],
    [{ id: 'CVE-2024-1234', path: 'a b' }, ['path']],
    [{ id: 'CVE-2024-1234', purl: 'pkg:npm/a@1', path: 'a' }, []],
  ])('refuses %j', (value, path) => {
    const parsed = FindingSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(path);
  });

  it('bounds the list', () => {
    expect(
      FindingsSchema.safeParse(Array.from({ length: 501 }, () => ({ id: 'CVE-2024-1234' }))).success,
    ).toBe(false);
  });
});
