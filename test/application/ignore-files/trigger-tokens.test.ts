import { z } from 'zod';
import { FakeKvs } from '../../support/fake-kvs';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { serveIgnoreFile } from '../../../src/application/ignore-files/serve-ignore-file';
import {
  isProjectToken,
  rotateTriggerToken,
  secretKeyOf,
  tokenInfoKeyOf,
} from '../../../src/application/ignore-files/trigger-tokens';
import type { IssuesPort } from '../../../src/application/ports/jira-port';
import { SITE_CONFIG_KEY } from '../../../src/application/site-config';
import { SITE_CONFIG } from '../transitions/exception-site';

const NOW = '2026-11-21T09:00:00Z';

const setUp = async (store: KvsStore | MemoryStore) => {
  await store.set(SITE_CONFIG_KEY, SITE_CONFIG);
  const deps = {
    jiraAsUser: {
      callerIsJiraAdmin: () => Promise.resolve(true),
      myself: () => Promise.resolve({ accountId: 'admin-1', displayName: 'Ada', active: true }),
    },
    store,
    clock: { now: () => NOW },
  };
  const answer = await rotateTriggerToken({ projectKey: 'SEC' }, deps);
  return answer.token;
};

describe('trigger tokens in KVS secret storage', () => {
  it('keeps only the digest, as a secret no prefix listing returns', async () => {
    const kvs = new FakeKvs();
    const store = new KvsStore(kvs);
    const token = await setUp(store);
    const secret = await kvs.getSecret<{ sha256: string }>(secretKeyOf('SEC'));
    expect(secret?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(secret)).not.toContain(token.slice(5));
    const listed = await store.listByPrefix('', z.unknown(), 100);
    expect(listed.map((entry) => entry.key).sort()).toEqual([SITE_CONFIG_KEY, tokenInfoKeyOf('SEC')].sort());
    expect(JSON.stringify(listed)).not.toContain(secret?.sha256);
    expect(await isProjectToken(store, 'SEC', token)).toBe(true);
  });

  it.each([
    ['no token', undefined],
    ['an empty token', ''],
    ['the token with one character changed', 'flip'],
    ['the token and more', 'longer'],
    ['a very long token', 'huge'],
  ])('refuses %s', async (_case, variant) => {
    const store = new MemoryStore();
    const token = await setUp(store);
    const presented =
      variant === 'flip'
        ? `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
        : variant === 'longer'
          ? `${token}x`
          : variant === 'huge'
            ? token.padEnd(10_000, 'x')
            : variant;
    expect(await isProjectToken(store, 'SEC', presented)).toBe(false);
  });

  it("refuses another project's token, and a project that has none", async () => {
    const store = new MemoryStore();
    const token = await setUp(store);
    expect(await isProjectToken(store, 'OPS', token)).toBe(false);
  });
});

describe('serveIgnoreFile', () => {
  it('answers 404 to a valid token whose project is no longer set up, reading nothing from Jira', async () => {
    const store = new MemoryStore();
    const token = await setUp(store);
    await store.set(SITE_CONFIG_KEY, { ...SITE_CONFIG, projects: [] });
    const jira = {
      search: () => Promise.reject(new Error('Jira must not be read')),
    } as unknown as IssuesPort;
    expect(
      await serveIgnoreFile(
        { project: ['SEC'], format: ['trivy'], token },
        { jiraAsApp: jira, store, clock: { now: () => NOW } },
      ),
    ).toEqual({
      statusCode: 404,
      contentType: 'text/plain; charset=utf-8',
      body: '404 Not Found: the app is not set up in project SEC any more.\n',
    });
  });
});
