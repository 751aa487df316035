import {
  renderIgnoreFile,
  IGNORE_FORMATS,
  type IgnoreFormat,
} from '../../../src/application/ignore-files/render-ignore-file';
import { decidedOn } from '../../../src/domain/decision-snapshot';
import { suppressionsInForce } from '../../../src/domain/ignore-files/suppressions';
import type { ExceptionRecord, HistoryEntry } from '../../../src/domain/register-schema';
import { generateException } from '../../builders/exception-record';
import {
  dependencyCheckProblems,
  xsdProblems,
  GrypeConfigSchema,
  parseXml,
  readYaml,
  snykParser,
  TrivyIgnoreConfigSchema,
} from './scanner-schemas';

const LODASH = { id: 'CVE-2024-1234', purl: 'pkg:npm/lodash@4.17.20' };
const GHSA = { id: 'GHSA-jfh8-c2jp-5v3q', path: 'services/api/package-lock.json' };
const SNYK = { id: 'SNYK-JS-MINIMIST-559764' };

const approval = (
  at: string,
  periodStart: string,
  periodEnd: string,
  record: ExceptionRecord,
): HistoryEntry => ({
  at,
  action: 'approved',
  by: 'acc-reviewer-cy',
  periodStart,
  periodEnd,
  policyVersion: 1,
  decidedOn: decidedOn(record),
});

/** An exception approved on 2026-09-02 through `periodEnd`, with `findings`, in `status`. */
const exception = (
  key: string,
  findings: ExceptionRecord['findings'],
  periodEnd: string,
  status: ExceptionRecord['status'] = 'Approved',
  extra: HistoryEntry[] = [],
): ExceptionRecord => {
  const ready = generateException({
    key,
    type: 'Vulnerability patch delay',
    findings,
    expirationDate: periodEnd,
  });
  return generateException({
    key,
    type: 'Vulnerability patch delay',
    findings,
    expirationDate: periodEnd,
    summary: `Patch delay ${key}`,
    status,
    history: [...ready.history, approval('2026-09-02T16:00:00Z', '2026-09-02', periodEnd, ready), ...extra],
  });
};

/** SEC-2 in Recertification on its first period (to 2026-11-30), then recertified on 2026-11-25 to 2027-02-18. */
const beforeRecertification = exception('SEC-2', [SNYK], '2026-11-30', 'Recertification');
const recertified: ExceptionRecord = {
  ...beforeRecertification,
  status: 'Approved',
  expirationDate: '2027-02-18',
  history: [
    ...beforeRecertification.history,
    {
      ...approval('2026-11-25T10:00:00Z', '2026-11-25', '2027-02-18', {
        ...beforeRecertification,
        expirationDate: '2027-02-18',
      }),
      action: 'recertified',
    },
  ],
};

const REGISTER: ExceptionRecord[] = [
  exception('SEC-1', [LODASH, GHSA], '2026-12-01'),
  beforeRecertification,
  exception('SEC-3', [{ id: 'CVE-2024-3333' }], '2027-01-31', 'Reverted', [
    { at: '2026-11-10T00:00:00Z', action: 'reverted', by: null },
  ]),
  exception('SEC-4', [{ id: 'CVE-2024-4444' }], '2027-01-31', 'Retired', [
    { at: '2026-11-10T00:00:00Z', action: 'retired', by: 'acc-owner-bo' },
  ]),
  { ...exception('SEC-5', [{ id: 'CVE-2024-5555' }], '2027-01-31'), status: 'Risk Review', history: [] },
  // Findings widened after approval: only the decided one is suppressed.
  {
    ...exception('SEC-6', [{ id: 'CVE-2024-6666' }], '2027-01-31'),
    findings: [{ id: 'CVE-2024-6666' }, { id: 'CVE-2099-0001' }],
  },
  exception('OPS-1', [{ id: 'CVE-2024-7777' }], '2027-01-31'),
];

/** [key, finding id, the instant the scanner stops suppressing it] as each format says it. */
type Line = [string, string, string];

const keyOf = (statement: unknown): string => String(statement).split(':')[0] ?? '';

const readBack = async (format: IgnoreFormat, content: string): Promise<Line[]> => {
  switch (format) {
    case 'trivy': {
      const file = TrivyIgnoreConfigSchema.parse(readYaml(content, ['expired_at']));
      return file.vulnerabilities.map((v) => [
        keyOf(v.statement),
        v.id,
        `${v.expired_at ?? ''}T00:00:00.000Z`,
      ]);
    }
    case 'snyk': {
      const policy = await (await snykParser()).load(content);
      return Object.entries(policy.ignore).flatMap(([id, rules]) =>
        rules.flatMap((rule) =>
          Object.values(rule).map((r): Line => [
            keyOf(r.reason),
            id,
            r.expires instanceof Date ? r.expires.toISOString() : String(r.expires),
          ]),
        ),
      );
    }
    case 'grype': {
      // No expiry in the format: what the file holds is in force until the next fetch.
      const file = GrypeConfigSchema.parse(readYaml(content));
      return file.ignore.map((rule) => [keyOf(rule.reason), rule.vulnerability, 'next fetch']);
    }
    case 'dependency-check': {
      expect(await xsdProblems(content)).toEqual([]);
      expect(dependencyCheckProblems(content)).toEqual([]);
      return parseXml(content).children.map((suppress) => {
        const id = suppress.children.find((c) => c.name === 'cve' || c.name === 'vulnerabilityName');
        const notes = suppress.children.find((c) => c.name === 'notes');
        return [
          keyOf(notes?.text),
          id?.text ?? '',
          `${(suppress.attributes['until'] ?? '').replace(/Z$/, '')}T00:00:00.000Z`,
        ];
      });
    }
  }
};

const expiry = (format: IgnoreFormat, date: string): string =>
  format === 'grype' ? 'next fetch' : `${date}T00:00:00.000Z`;

const sort = (lines: Line[]): Line[] =>
  [...lines].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe.each(IGNORE_FORMATS)('the %s ignore file', (format) => {
  const lines = async (register: ExceptionRecord[], now: string, project?: string): Promise<Line[]> =>
    sort(
      await readBack(format, renderIgnoreFile(format, suppressionsInForce(register, now, project)).content),
    );

  it.each<[string, string, ExceptionRecord[], [string, string, string][]]>([
    [
      'holds every finding in force, each until the day after its period, never a reverted, retired or undecided one, nor a finding added after approval',
      '2026-11-21T09:00:00Z',
      REGISTER,
      [
        ['OPS-1', 'CVE-2024-7777', '2027-02-01'],
        ['SEC-1', 'CVE-2024-1234', '2026-12-02'],
        ['SEC-1', 'GHSA-jfh8-c2jp-5v3q', '2026-12-02'],
        ['SEC-2', 'SNYK-JS-MINIMIST-559764', '2026-12-01'],
        ['SEC-6', 'CVE-2024-6666', '2027-02-01'],
      ],
    ],
    [
      "keeps SEC-1 through the last second of its period's last day",
      '2026-12-01T23:59:59Z',
      [REGISTER[0] as ExceptionRecord],
      [
        ['SEC-1', 'CVE-2024-1234', '2026-12-02'],
        ['SEC-1', 'GHSA-jfh8-c2jp-5v3q', '2026-12-02'],
      ],
    ],
    [
      'drops SEC-1 the instant its period is over, before any sweep reverts it',
      '2026-12-02T00:00:00Z',
      [REGISTER[0] as ExceptionRecord],
      [],
    ],
    [
      'drops SEC-2 once its first period ends without a recertification',
      '2026-12-01T00:00:00Z',
      [beforeRecertification],
      [],
    ],
    [
      'carries the new date once SEC-2 is recertified',
      '2026-12-01T00:00:00Z',
      [recertified],
      [['SEC-2', 'SNYK-JS-MINIMIST-559764', '2027-02-19']],
    ],
    [
      'drops SEC-1 once reverted, whatever its period says',
      '2026-11-21T09:00:00Z',
      [{ ...(REGISTER[0] as ExceptionRecord), status: 'Reverted' }],
      [],
    ],
    [
      'drops SEC-1 once retired',
      '2026-11-21T09:00:00Z',
      [{ ...(REGISTER[0] as ExceptionRecord), status: 'Retired' }],
      [],
    ],
    [
      'holds nothing before the approval period starts',
      '2026-09-01T23:59:59Z',
      [REGISTER[0] as ExceptionRecord],
      [],
    ],
  ])('%s', async (_case, now, register, expected) => {
    expect(await lines(register, now)).toEqual(
      sort(expected.map(([key, id, date]) => [key, id, expiry(format, date)])),
    );
  });

  it('holds only the project asked for', async () => {
    expect((await lines(REGISTER, '2026-11-21T09:00:00Z', 'OPS')).map(([key]) => key)).toEqual(['OPS-1']);
  });

  it('is a valid, empty file when nothing is in force', async () => {
    expect(await lines([], '2026-11-21T09:00:00Z')).toEqual([]);
  });

  it('carries nothing from the issue but key, summary, risk owner, ids, scopes and dates', () => {
    const secretive = {
      ...(REGISTER[0] as ExceptionRecord),
      justification: 'JUSTIFICATION-TEXT',
      compensatingControls: 'CONTROLS-TEXT',
      remediationPlan: 'PLAN-TEXT',
      affectedAssets: ['ASSET-HOST-01'],
      requester: { accountId: 'REQUESTER-ID', displayName: 'Requester Name' },
    };
    const { content } = renderIgnoreFile(format, suppressionsInForce([secretive], '2026-11-21T09:00:00Z'));
    for (const leaked of [
      'JUSTIFICATION-TEXT',
      'CONTROLS-TEXT',
      'PLAN-TEXT',
      'ASSET-HOST-01',
      'REQUESTER-ID',
      'Requester Name',
      'acc-owner-bo',
      'acc-reviewer-cy',
    ])
      expect(content).not.toContain(leaked);
    expect(content).toContain('SEC-1: Patch delay SEC-1 (risk owner: Bo Owner)');
  });

  it('keeps a hostile summary inside its value', async () => {
    const hostile = {
      ...(REGISTER[0] as ExceptionRecord),
      summary: `x"\n- id: CVE-2099-9999 ]]></notes><cve>CVE-2099-9999</cve> &amp; '#\u0001`,
    };
    const read = await readBack(
      format,
      renderIgnoreFile(format, suppressionsInForce([hostile], '2026-11-21T09:00:00Z')).content,
    );
    expect(read.map(([, id]) => id).sort()).toEqual(['CVE-2024-1234', 'GHSA-jfh8-c2jp-5v3q']);
  });
});

describe('scopes', () => {
  const at = '2026-11-21T09:00:00Z';
  const file = (format: IgnoreFormat) =>
    renderIgnoreFile(format, suppressionsInForce([REGISTER[0] as ExceptionRecord], at)).content;

  it('Trivy: the purl under purls, the path under paths', () => {
    expect(
      TrivyIgnoreConfigSchema.parse(readYaml(file('trivy'))).vulnerabilities.map(({ id, purls, paths }) => ({
        id,
        purls,
        paths,
      })),
    ).toEqual([
      { id: 'CVE-2024-1234', purls: ['pkg:npm/lodash@4.17.20'], paths: undefined },
      { id: 'GHSA-jfh8-c2jp-5v3q', purls: undefined, paths: ['services/api/package-lock.json'] },
    ]);
  });

  it('Snyk: the package anywhere in the dependency tree; a file path as the whole project', async () => {
    const policy = await (await snykParser()).load(file('snyk'));
    expect(
      Object.fromEntries(
        Object.entries(policy.ignore).map(([id, rules]) => [id, rules.flatMap(Object.keys)]),
      ),
    ).toEqual({
      'CVE-2024-1234': ['* > lodash@4.17.20'],
      'GHSA-jfh8-c2jp-5v3q': ['*'],
    });
  });

  it('Grype: name, version and type from the purl; the path as location', () => {
    expect(GrypeConfigSchema.parse(readYaml(file('grype'))).ignore.map((rule) => rule.package)).toEqual([
      { name: 'lodash', version: '4.17.20', type: 'npm' },
      { location: 'services/api/package-lock.json' },
    ]);
  });

  it('Dependency-Check: the purl and the path as anchored patterns, CVE ids as cve, others as vulnerabilityName', () => {
    const suppressions = parseXml(file('dependency-check')).children;
    expect(
      suppressions.map((s) => s.children.map((c) => [c.name, c.attributes['regex'] ?? null, c.text])),
    ).toEqual([
      [
        ['notes', null, 'SEC-1: Patch delay SEC-1 (risk owner: Bo Owner)'],
        ['packageUrl', 'true', '^pkg:npm/lodash@4\\.17\\.20([?#].*)?$'],
        ['cve', null, 'CVE-2024-1234'],
      ],
      [
        ['notes', null, 'SEC-1: Patch delay SEC-1 (risk owner: Bo Owner)'],
        ['filePath', 'true', '^(.*/)?services/api/package-lock\\.json$'],
        ['vulnerabilityName', null, 'GHSA-jfh8-c2jp-5v3q'],
      ],
    ]);
    expect(new RegExp('^pkg:npm/lodash@4\\.17\\.20([?#].*)?$').test('pkg:npm/lodash@4.17.21')).toBe(false);
  });
});

it('checks the Snyk files with Snyk’s own parser, snyk-policy', async () => {
  expect((await snykParser()).name).toBe('snyk-policy');
});
