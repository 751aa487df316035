/**
 * ISSUE 10 item 3 and "done when": the scanner web trigger, through src/index's handler as Forge calls it, on a
 * simulated site with the real handlers. An admin makes a project's token on the admin page (shown once; listed
 * without it); CI fetches each format with it; a bad token, project, format or method is refused; an exception the
 * sweep reverts disappears from every format on the next fetch, and one recertified carries its new date.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { parse } from 'yaml';
import { runSweep } from '../../../src/application/lifecycle/run-sweep';
import { IGNORE_FORMATS } from '../../../src/application/ignore-files/render-ignore-file';
import { UNAUTHORIZED } from '../../../src/application/ignore-files/serve-ignore-file';
import type { WebTriggerResponse } from '../../../src/entry/ignore-file-trigger';
import * as handlers from '../../../src/index';
import { SITE_USERS } from '../../support/simulated-site';
import { sweepDependencies } from '../lifecycle/sweep-harness';
import { invokeAdminResolver as invoke } from '../transitions/exception-harness';
import { EDR_GAP } from '../transitions/scenarios';
import { exceptionSitePerTest } from '../transitions/site-per-test';
import { testClock } from '../transitions/test-clock';

jest.setTimeout(120_000);

const { jiraAdmin, requester, riskOwner } = SITE_USERS;
const site = exceptionSitePerTest();

const LODASH = 'CVE-2024-1234 pkg:npm/lodash@4.17.20';

/** A GET of the trigger URL as Forge hands it to the function (events-reference/web-trigger). */
const fetchFile = (
  query: Record<string, string[]>,
  token: string | undefined,
  method = 'GET',
): Promise<WebTriggerResponse> =>
  handlers.ignoreFileTrigger({
    method,
    path: '/x1/trigger-id',
    userPath: '',
    headers: {
      accept: ['*/*'],
      ...(token === undefined ? {} : { Authorization: [`Bearer ${token}`] }),
    },
    queryParameters: query,
  });

const rotate = async (projectKey = 'SEC'): Promise<string> => {
  const answer = (await invoke('rotateTriggerToken', { projectKey }, jiraAdmin)) as {
    ok: boolean;
    token: string;
  };
  expect(answer.ok).toBe(true);
  return answer.token;
};

/** [finding id, the date the scanner stops suppressing it] in each format's own terms. */
const suppressed = async (token: string, format: (typeof IGNORE_FORMATS)[number]): Promise<string[]> => {
  const answer = await fetchFile({ project: ['SEC'], format: [format] }, token);
  expect(answer.statusCode).toBe(200);
  expect(answer.headers['Cache-Control']).toEqual(['no-store']);
  const body = answer.body;
  switch (format) {
    case 'trivy':
      return (parse(body) as { vulnerabilities: { id: string; expired_at: string }[] }).vulnerabilities.map(
        (entry) => `${entry.id} ${entry.expired_at}`,
      );
    case 'snyk':
      return Object.entries(
        (parse(body) as { ignore: Record<string, Record<string, { expires: string }>[]> }).ignore,
      ).flatMap(([id, rules]) =>
        rules.flatMap((rule) => Object.values(rule).map((r) => `${id} ${r.expires.slice(0, 10)}`)),
      );
    case 'grype':
      return (parse(body) as { ignore: { vulnerability: string }[] }).ignore.map(
        (rule) => `${rule.vulnerability} -`,
      );
    case 'dependency-check':
      return [
        ...body.matchAll(/<suppress until="([^"]+)Z">[\s\S]*?<(?:cve|vulnerabilityName)>([^<]+)</g),
      ].map(([, until, id]) => `${id ?? ''} ${until ?? ''}`);
  }
};

const everyFormat = async (token: string): Promise<Record<string, string[]>> => {
  const files: Record<string, string[]> = {};
  for (const format of IGNORE_FORMATS) files[format] = await suppressed(token, format);
  return files;
};

const same = (lines: string[], grypeLines = lines.map((line) => `${line.split(' ')[0] ?? ''} -`)) => ({
  trivy: lines,
  snyk: lines,
  grype: grypeLines,
  'dependency-check': lines,
});

describe('the scanner web trigger', () => {
  it('answers each format to the project token, and refuses everything else with no data', async () => {
    const key = await site().raise({ ...EDR_GAP, findings: [LODASH] });
    expect(site().statusOf(key)).toBe('Approved');

    expect(await invoke('rotateTriggerToken', { projectKey: 'SEC' }, requester)).toEqual({
      ok: false,
      error: {
        code: 'not-admin',
        message: 'Only Jira administrators can manage the scanner web trigger tokens. Nothing was changed.',
      },
    });
    const before = await fetchFile({ project: ['SEC'], format: ['trivy'] }, 'setk_guess');
    expect(before.statusCode).toBe(401);

    const token = await rotate();
    expect(token).toMatch(/^setk_[A-Za-z0-9_-]{43}$/);
    const listed = await invoke('listTriggerTokens', {}, jiraAdmin);
    expect(listed).toEqual({
      ok: true,
      tokens: [{ projectKey: 'SEC', createdAt: testClock.now(), createdBy: jiraAdmin }],
    });
    expect(JSON.stringify(listed)).not.toContain(token.slice(5));

    // EDR_GAP runs through 2027-01-31: every scanner stops suppressing on 2027-02-01.
    expect(await everyFormat(token)).toEqual(same(['CVE-2024-1234 2027-02-01']));
    const trivy = await fetchFile({ project: ['SEC'], format: ['trivy'] }, token);
    expect(trivy.headers['Content-Type']).toEqual(['application/yaml; charset=utf-8']);
    expect(trivy.headers['Content-Disposition']).toEqual(['attachment; filename=".trivyignore.yaml"']);
    const xml = await fetchFile({ project: ['SEC'], format: ['dependency-check'] }, token);
    expect(xml.headers['Content-Type']).toEqual(['application/xml; charset=utf-8']);

    const refusals: [string, Promise<WebTriggerResponse>, number, string][] = [
      ['no token', fetchFile({ project: ['SEC'], format: ['trivy'] }, undefined), 401, `${UNAUTHORIZED}\n`],
      [
        'a wrong token',
        fetchFile({ project: ['SEC'], format: ['trivy'] }, `${token.slice(0, -1)}A`),
        401,
        `${UNAUTHORIZED}\n`,
      ],
      [
        'a project without a token',
        fetchFile({ project: ['OPS'], format: ['trivy'] }, token),
        401,
        `${UNAUTHORIZED}\n`,
      ],
      [
        'no project',
        fetchFile({ format: ['trivy'] }, token),
        400,
        '400 Bad Request: give one project as ?project=KEY, a Jira project key such as SEC.\n',
      ],
      [
        'two projects',
        fetchFile({ project: ['SEC', 'OPS'], format: ['trivy'] }, token),
        400,
        '400 Bad Request: give one project as ?project=KEY, a Jira project key such as SEC.\n',
      ],
      [
        'an unknown format',
        fetchFile({ project: ['SEC'], format: ['sarif'] }, token),
        400,
        '400 Bad Request: give one format as ?format=, one of trivy, snyk, grype, dependency-check.\n',
      ],
      [
        'a POST',
        fetchFile({ project: ['SEC'], format: ['trivy'] }, token, 'POST'),
        405,
        '405 Method Not Allowed: use GET.\n',
      ],
    ];
    for (const [what, pending, statusCode, body] of refusals) {
      const answer = await pending;
      expect({ what, statusCode: answer.statusCode, body: answer.body }).toEqual({ what, statusCode, body });
      expect(answer.body).not.toContain('CVE-2024-1234');
    }

    // Rotating replaces the token: the old one stops working at once.
    const rotated = await rotate();
    expect((await fetchFile({ project: ['SEC'], format: ['trivy'] }, token)).statusCode).toBe(401);
    expect(await suppressed(rotated, 'trivy')).toEqual(['CVE-2024-1234 2027-02-01']);
  });

  it('drops an exception the sweep reverts from every format on the next fetch', async () => {
    const key = await site().raise({ ...EDR_GAP, findings: [LODASH] });
    const token = await rotate();
    const { deps } = sweepDependencies(site());

    testClock.set('2027-01-31T23:00:00Z');
    await runSweep(deps);
    await site().sim.idle();
    expect(site().statusOf(key)).toBe('Recertification');
    expect(await everyFormat(token)).toEqual(same(['CVE-2024-1234 2027-02-01']));

    testClock.set('2027-02-01T00:00:00Z');
    await runSweep(deps);
    await site().sim.idle();
    expect(site().statusOf(key)).toBe('Reverted');
    expect(await everyFormat(token)).toEqual(same([]));
  });

  it('carries the new date once the exception is recertified', async () => {
    const key = await site().raise({ ...EDR_GAP, findings: [LODASH] });
    const token = await rotate();
    testClock.set('2027-01-10T09:00:00Z');
    await site().transition(key, 'Start recertification', riskOwner);
    expect(await everyFormat(token)).toEqual(same(['CVE-2024-1234 2027-02-01']));

    await site().transition(key, 'Recertify', riskOwner, {
      expirationDate: '2027-04-10',
      checklist: ['Controls still effective', 'Justification still valid', 'No better option available'],
      justification:
        'The vendor patch slipped to March (ticket VND-4471); the CAD build still crashes with the EDR agent enabled.',
    });
    expect(site().statusOf(key)).toBe('Approved');
    expect(await everyFormat(token)).toEqual(same(['CVE-2024-1234 2027-04-11']));
  });

  it('does not widen the suppression when findings are edited after approval', async () => {
    const key = await site().raise({ ...EDR_GAP, findings: [LODASH] });
    const token = await rotate();
    await site().edit(key, requester, { findings: [LODASH, 'CVE-2099-0001'] });
    expect(await suppressed(token, 'trivy')).toEqual(['CVE-2024-1234 2027-02-01']);
  });
});
