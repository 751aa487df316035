/**
 * The sandbox (`npm start`) driven over HTTP as the bridge and the shell drive it, in its own process: resolvers
 * answer as the chosen user, a refused transition comes back with the validator's own message, the clock control
 * runs the real sweep, and the apps are served with the bridge script loaded before their bundle.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { REPO_DIR, startSandboxProcess, type SandboxProcess } from '../browser/sandbox-process';

jest.setTimeout(180_000);

let sandbox: SandboxProcess;

const post = async (endpoint: string, body: unknown): Promise<{ status: number; body: unknown }> => {
  const response = await fetch(`${sandbox.url}${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
};

interface JiraAnswer {
  status: number;
  body: string;
}

/** The bridge's fetchProduct as the shell uses it: Jira REST as `accountId`. */
const requestJira = async (
  accountId: string,
  restPath: string,
  method = 'GET',
  body?: unknown,
): Promise<{ status: number; json: unknown }> => {
  const answer = await post('/__sandbox/request-jira', {
    accountId,
    restPath,
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const { status, body: text } = answer.body as JiraAnswer;
  return { status, json: text === '' ? null : (JSON.parse(text) as unknown) };
};

interface SearchAnswer {
  issues: { key: string; fields: Record<string, unknown> }[];
}

const ADMIN = 'acc-ada';
const REQUESTER = 'acc-ana';

beforeAll(async () => {
  if (!existsSync(path.join(REPO_DIR, 'static', 'gadget', 'build', 'index.html')))
    execFileSync(process.execPath, [path.join(REPO_DIR, 'tools', 'build-static.mjs')], { cwd: REPO_DIR });
  sandbox = await startSandboxProcess();
});

afterAll(async () => {
  // SIGTERM closes the servers and exits 0 (a clean stop, not a kill).
  expect(await sandbox.stop()).toBe(0);
});

describe('the sandbox over HTTP', () => {
  it('runs the real admin resolver as the chosen user: the policy for a Jira admin, the refusal for anyone else', async () => {
    const asAdmin = await post('/__sandbox/invoke', {
      app: 'admin',
      functionKey: 'getPolicy',
      payload: {},
      accountId: ADMIN,
    });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body).toMatchObject({
      ok: true,
      policy: { version: 1, tiers: { Critical: { approverGroups: ['c-level'] } } },
    });

    const asRequester = await post('/__sandbox/invoke', {
      app: 'admin',
      functionKey: 'getPolicy',
      payload: {},
      accountId: REQUESTER,
    });
    expect(asRequester.body).toEqual({
      ok: false,
      error: {
        code: 'not-admin',
        message:
          'Only Jira administrators can read the security exception policy here. Nothing was changed; ask a Jira admin if the policy needs to change.',
      },
    });
  });

  it('the bridge script routes invoke and getContext to the sandbox as @forge/bridge calls them', async () => {
    const source = readFileSync(path.join(REPO_DIR, 'sandbox', 'public', 'bridge.js'), 'utf8');
    const page = new URL(`${sandbox.url}/apps/admin/`);
    const sandboxGlobal: { __bridge?: { callBridge(name: string, payload?: unknown): Promise<unknown> } } =
      {};
    runInNewContext(source, {
      globalThis: sandboxGlobal,
      location: page,
      window: {},
      URLSearchParams,
      fetch: (input: string, init?: RequestInit) => fetch(new URL(input, page), init),
    });
    await post('/__sandbox/user', { accountId: ADMIN });
    const bridge = sandboxGlobal.__bridge;
    if (bridge === undefined) throw new Error('bridge.js defined no globalThis.__bridge');
    await expect(
      bridge.callBridge('invoke', { functionKey: 'getPolicy', payload: {} }),
    ).resolves.toMatchObject({
      ok: true,
      policy: { version: 1 },
    });
    await expect(bridge.callBridge('getContext')).resolves.toMatchObject({
      accountId: ADMIN,
      moduleKey: 'exception-admin',
      localId: expect.stringMatching(
        /^ari:cloud:ecosystem::extension\/5c1e0d2a-7b4f-4e8a-9c61-3f2d8a7b6e10\//,
      ) as unknown,
      extension: { type: 'jira:adminPage' },
    });
    await expect(bridge.callBridge('submit', { anything: 1 })).resolves.toBe(false);
  });

  it('saves a gadget configuration with submit and gives it back in the gadget context', async () => {
    const saved = await post('/__sandbox/submit', {
      app: 'gadget',
      gadgetId: 'g-1',
      payload: { projects: ['SEC'], periodMonths: 6 },
    });
    expect(saved.body).toBe(true);
    const context = await (
      await fetch(`${sandbox.url}/__sandbox/context?app=gadget&gadgetId=g-1&entryPoint=edit`)
    ).json();
    expect(context).toMatchObject({
      extension: {
        type: 'jira:dashboardGadget',
        gadget: { id: 'g-1' },
        entryPoint: 'edit',
        gadgetConfiguration: { projects: ['SEC'], periodMonths: 6 },
      },
    });
  });

  it('a transition refused by the validator answers the validator message verbatim, and nothing changes', async () => {
    const site = (await (await fetch(`${sandbox.url}/__sandbox/site`)).json()) as {
      fields: Record<string, string>;
    };
    const ownerField = site.fields.riskOwner ?? '';
    const search = await requestJira(
      ADMIN,
      `/rest/api/3/search/jql?jql=${encodeURIComponent('project = SEC AND status = Recertification ORDER BY key ASC')}&fields=${ownerField},status`,
    );
    const issue = (search.json as SearchAnswer).issues[0];
    if (issue === undefined) throw new Error('the seeded SEC has no exception in Recertification');
    const owner = (issue.fields[ownerField] as { accountId: string }).accountId;
    const offered = await requestJira(owner, `/rest/api/3/issue/${issue.key}/transitions`);
    const recertify = (offered.json as { transitions: { id: string; name: string }[] }).transitions.find(
      (transition) => transition.name === 'Recertify',
    );
    if (recertify === undefined) throw new Error('Recertify is not offered to the risk owner');

    const refused = await requestJira(owner, `/rest/api/3/issue/${issue.key}/transitions`, 'POST', {
      transition: { id: recertify.id },
    });
    expect(refused.status).toBe(400);
    const messages = (refused.json as { errorMessages: string[] }).errorMessages;
    expect(messages).toHaveLength(1);
    expect(messages[0]?.split('\n')[0]).toBe(
      'Recertification Checklist is incomplete: "Controls still effective", "Justification still valid" and "No better option available" are not ticked. All 3 must be true to recertify; otherwise retire the exception or let it lapse.',
    );
    const after = await requestJira(ADMIN, `/rest/api/3/issue/${issue.key}?fields=status`);
    expect((after.json as { fields: { status: { name: string } } }).fields.status.name).toBe(
      'Recertification',
    );
  });

  it('serves the gadget app with the bridge script first in <head>, under the Custom UI CSP', async () => {
    const response = await fetch(`${sandbox.url}/apps/gadget/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    const bridgeAt = html.indexOf('<script src="/__sandbox/bridge.js"></script>');
    expect(bridgeAt).toBeGreaterThan(html.indexOf('<head>'));
    expect(bridgeAt).toBeLessThan(html.indexOf('<script type="module"'));
    const script = await fetch(`${sandbox.url}/__sandbox/bridge.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('globalThis.__bridge');
    expect((await fetch(`${sandbox.url}/apps/gadget/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('advancing the clock 80 days runs the sweep: reminders on an in-force exception, then Recertification', async () => {
    const site = (await (await fetch(`${sandbox.url}/__sandbox/site`)).json()) as {
      fields: Record<string, string>;
    };
    const expiry = site.fields.expirationDate ?? '';
    // An exception in force whose period ends within 14 days of the new time (2027-02-17): the default policy
    // reminds at 75 % of the period and starts recertification 14 days before the end, and reverts after it.
    const search = await requestJira(
      ADMIN,
      `/rest/api/3/search/jql?jql=${encodeURIComponent('status = Approved ORDER BY key ASC')}&fields=${expiry},status&maxResults=100`,
    );
    const inForce = (search.json as SearchAnswer).issues.find((candidate) => {
      const end = candidate.fields[expiry];
      return typeof end === 'string' && end >= '2027-02-18' && end <= '2027-03-02';
    });
    if (inForce === undefined)
      throw new Error('no seeded exception in force ends 1 to 14 days after the move');
    const commentsBefore = await requestJira(ADMIN, `/rest/api/3/issue/${inForce.key}/comment`);
    const countBefore = (commentsBefore.json as { total: number }).total;

    const moved = await post('/__sandbox/clock', { advanceDays: 80 });
    expect(moved.status).toBe(200);
    const report = moved.body as {
      now: string;
      statusChanges: { key: string; from: string; to: string }[];
      comments: { key: string; added: number }[];
      log: string[];
    };
    expect(report.now).toBe('2027-02-17T09:00:00Z');
    expect(report.statusChanges).toContainEqual({
      key: inForce.key,
      from: 'Approved',
      to: 'Recertification',
    });
    expect(report.log.some((line) => line.startsWith('lifecycle-sweep: '))).toBe(true);

    const after = await requestJira(ADMIN, `/rest/api/3/issue/${inForce.key}?fields=status`);
    expect((after.json as { fields: { status: { name: string } } }).fields.status.name).toBe(
      'Recertification',
    );
    const comments = await requestJira(ADMIN, `/rest/api/3/issue/${inForce.key}/comment`);
    const added = (comments.json as { total: number; comments: { body: unknown }[] }).comments.slice(
      countBefore,
    );
    expect(report.comments).toContainEqual({ key: inForce.key, added: added.length });
    // The app's comments, in its own words: the 14-day reminder, then the opening of recertification.
    const texts = added.map((comment) => JSON.stringify(comment.body));
    expect(texts.some((text) => text.includes('this security exception expires in two weeks.'))).toBe(true);
    expect(
      texts.some((text) =>
        text.includes(
          'recertification of this security exception is open: review it and Recertify it before it expires, or it is reverted.',
        ),
      ),
    ).toBe(true);
  });

  it('refuses a clock move backwards or a request path outside Jira REST, naming the member', async () => {
    expect(await post('/__sandbox/clock', { advanceDays: -1 })).toEqual({
      status: 400,
      body: { errorMessages: ['advanceDays: advanceDays must be more than 0: the clock only moves forward'] },
    });
    const outside = await post('/__sandbox/request-jira', { restPath: '/__simulator/clock', method: 'POST' });
    expect(outside).toEqual({
      status: 400,
      body: { errorMessages: ['restPath: must be a Jira REST path (/rest/…)'] },
    });
  });
});
