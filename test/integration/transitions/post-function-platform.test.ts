/**
 * The post function against the platform's harsher habits, through the simulator with the REAL handlers
 * (ISSUE 6 A1, B7, B8): concurrent writers of one lifecycle, a retry asked for when Jira fails, an unreadable
 * event acknowledged, a long decision comment bounded, a lifecycle that outgrows 32 KB archived, and an entry
 * the platform lost for good repaired from the changelog.
 */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { JiraRestClient } from '../../../src/adapters/jira/jira-rest-client';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import { readArchive } from '../../../src/application/lifecycle/lifecycle-archive';
import { repairLifecycle } from '../../../src/application/lifecycle/repair-lifecycle';
import {
  LIFECYCLE_PROPERTY_KEY,
  lifecycleArchiveKey,
  type LifecycleProperty,
} from '../../../src/application/lifecycle-property';
import * as handlers from '../../../src/index';
import { SITE_USERS } from '../../support/simulated-site';
import { EDR_GAP } from './scenarios';
import { exceptionSitePerTest } from './site-per-test';
import { START, testClock } from './test-clock';

jest.setTimeout(60_000);

const { securityReviewer } = SITE_USERS;
const site = exceptionSitePerTest();

const rewriteLifecycle = (key: string, change: (lifecycle: LifecycleProperty) => LifecycleProperty) =>
  site()
    .lifecycle(key)
    .then((lifecycle) => site().site.asApp.setIssueProperty(key, LIFECYCLE_PROPERTY_KEY, change(lifecycle)));

const postFunctionEvent = (key: string, transition: string, executionId: string) => ({
  issue: { key },
  transition: { executionId },
  atlassianId: securityReviewer,
  configuration: { transition },
});

describe('concurrent writers of one lifecycle (B8)', () => {
  it('two different post functions at once: both entries kept', async () => {
    const key = await site().raise(EDR_GAP); // auto-approved: submitted, auto-approved
    site().sim.faults.set({ latencyMs: [20, 80], seed: 7 }); // interleaves their reads and writes
    const results = await Promise.all([
      handlers.recordTransition(postFunctionEvent(key, 'start-recertification', 'exec-a')),
      handlers.recordTransition(postFunctionEvent(key, 'retire', 'exec-b')),
    ]);
    expect(results).toEqual([undefined, undefined]);
    const { history } = await site().lifecycle(key);
    expect(history.map((entry) => entry.action).sort()).toEqual(
      ['auto-approved', 'recertification-started', 'retired', 'submitted'].sort(),
    );
    // The locks were released.
    expect(await new KvsStore().listByPrefix('lifecycle-lock:', z.unknown(), 10)).toEqual([]);
  });

  it("triage's `submitted` write and a post function at once: both entries kept", async () => {
    const key = await site().raise({ ...EDR_GAP, compensatingControls: '' }); // triaged into Risk Review
    await site().site.asApp.setIssueProperty(key, LIFECYCLE_PROPERTY_KEY, {
      version: 1,
      history: [],
      nextActionAt: null,
      policyVersion: null,
    });
    const issue = site().sim.state.issue(key);
    const created = {
      issue: {
        key,
        fields: { issuetype: { id: site().config.issueTypeId }, project: { id: issue?.projectId } },
      },
    };
    site().sim.faults.set({ latencyMs: [20, 80], seed: 11 });
    await Promise.all([
      handlers.triageOnCreate(created),
      handlers.recordTransition(postFunctionEvent(key, 'triage', 'exec-triage')),
    ]);
    const { history } = await site().lifecycle(key);
    expect(history.map((entry) => entry.action).sort()).toEqual(['submitted', 'triaged']);
  });
});

describe('failures and bad events (A1)', () => {
  it.each<[string, { rate429?: number; rate5xx?: number; status5xx?: number }, InvocationErrorCode]>([
    ['Jira keeps answering 503', { rate5xx: 1, status5xx: 503 }, InvocationErrorCode.FUNCTION_RETRY_REQUEST],
    ['Jira keeps answering 429', { rate429: 1 }, InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED],
  ])(
    '%s: the post function returns an InvocationError, and the retry records the entry',
    async (_case, faults, code) => {
      const key = await site().raise(EDR_GAP);
      jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      site().sim.faults.set({ ...faults, retryAfterSeconds: 0, seed: 3 });
      const answer = await handlers.recordTransition({
        ...postFunctionEvent(key, 'retire', 'exec-r'),
        retryContext: { retryCount: 1 },
      });
      // What the platform reads: InvocationError's constructor answers its JSON form.
      expect(answer).toEqual({
        _retry: true,
        retryOptions: {
          retryAfter: 120,
          retryReason: code,
          retryData: {
            cause: code === InvocationErrorCode.FUNCTION_RETRY_REQUEST ? 'unavailable' : 'rate-limited',
            attempt: 2,
          },
        },
      });
      site().sim.faults.clear();
      expect(await handlers.recordTransition(postFunctionEvent(key, 'retire', 'exec-r'))).toBeUndefined();
      expect((await site().lifecycle(key)).history.map((entry) => entry.action)).toEqual([
        'submitted',
        'auto-approved',
        'retired',
      ]);
    },
  );

  it('an event whose issue was deleted since (a late second delivery) is acknowledged, never thrown', async () => {
    const key = await site().raise(EDR_GAP);
    await site().sim.idle();
    const issue = site().sim.state.issue(key);
    if (issue === undefined) throw new Error(`no issue ${key}`);
    site().sim.state.issues.delete(issue.id);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    await expect(
      handlers.recordTransition(postFunctionEvent(key, 'retire', 'exec-gone')),
    ).resolves.toBeUndefined();

    expect(warn).toHaveBeenCalledWith('record-transition: the issue is gone (404), acknowledged');
  });

  it('an issue deleted between the recording’s read and its write is acknowledged too', async () => {
    const key = await site().raise(EDR_GAP);
    await site().sim.idle();
    const issue = site().sim.state.issue(key);
    if (issue === undefined) throw new Error(`no issue ${key}`);
    // The issue goes while the recording holds what it read: its lifecycle write meets a 404.
    jest.spyOn(JiraRestClient.prototype, 'setIssueProperty').mockImplementationOnce(function (
      this: JiraRestClient,
      ...args
    ) {
      site().sim.state.issues.delete(issue.id);
      return this.setIssueProperty(...args); // once only: this call goes through to the client
    });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    await expect(
      handlers.recordTransition(postFunctionEvent(key, 'retire', 'exec-gone-2')),
    ).resolves.toBeUndefined();

    expect(warn).toHaveBeenCalledWith('record-transition: the issue is gone (404), acknowledged');
  });

  it.each<[string, unknown]>([
    ['not an object', 'SEC-1'],
    ['no issue', { transition: { executionId: 'x' } }],
    ['an issue with neither key nor id', { issue: { key: '' }, configuration: { transition: 'retire' } }],
  ])(
    'an unreadable event (%s) is logged and acknowledged, never thrown, and writes nothing',
    async (_case, event) => {
      const key = await site().raise(EDR_GAP);
      const before = await site().lifecycle(key);
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      await expect(handlers.recordTransition(event)).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/^record-transition: unreadable event, acknowledged/),
      );
      expect(await site().lifecycle(key)).toEqual(before);
    },
  );
});

describe('bounded history (B7)', () => {
  it('a 20 000-character rejection reason: the entry keeps an excerpt and points to the comment', async () => {
    const key = await site().raise({ ...EDR_GAP, compensatingControls: '' });
    const reason = `No compensating control is described. ${'Isolate the workstation on the lab VLAN first. '.repeat(420)}`;
    await site().transition(key, 'Reject', securityReviewer, { comment: reason, via: 'screen' });
    const entry = (await site().lifecycle(key)).history.at(-1);
    const comment = site().sim.state.issue(key)?.comments[0];
    expect(entry).toMatchObject({ action: 'rejected', commentId: comment?.id });
    expect(Array.from(entry?.note ?? '').length).toBeLessThanOrEqual(500);
    expect(entry?.note?.startsWith('No compensating control is described. Isolate the workstation')).toBe(
      true,
    );
    expect(entry?.note?.endsWith('…')).toBe(true);
    expect(site().commentText(key, 0)).toBe(reason.trim());
  });

  it('a lifecycle past 32 KB: the property stays under it, older entries move whole to an archive page', async () => {
    const key = await site().raise(EDR_GAP);
    const filler = Array.from({ length: 100 }, (_, index) => ({
      at: `2026-${String(1 + (index % 10)).padStart(2, '0')}-01T09:00:${String(index % 60).padStart(2, '0')}Z`,
      action: 'info-requested' as const,
      by: securityReviewer,
      note: 'Which hosts exactly? Please list them with their owners and the date each was last patched. '.repeat(
        2,
      ),
      actionKey: `old-${index}`,
    }));
    await rewriteLifecycle(key, (lifecycle) => ({
      ...lifecycle,
      history: [...filler, ...lifecycle.history],
    }));
    testClock.set('2026-11-22T09:00:00Z');

    await site().transition(key, 'Retire', securityReviewer);

    const raw = await site().site.asApp.getIssueProperty(key, LIFECYCLE_PROPERTY_KEY);
    expect(new TextEncoder().encode(JSON.stringify(raw)).length).toBeLessThanOrEqual(32_768);
    const lifecycle = await site().lifecycle(key);
    expect(lifecycle.history.map((entry) => entry.action).slice(-3)).toEqual([
      'submitted',
      'auto-approved',
      'retired',
    ]);
    const archived = await readArchive(site().site.asApp, key, lifecycle.archived);
    expect(lifecycle.archived).toEqual({ entries: archived.length, pages: expect.any(Number) as number });
    expect(await site().site.asApp.getIssueProperty(key, lifecycleArchiveKey(1))).toBeDefined();
    // Nothing dropped: every filler entry is in the property or in the archive, whole.
    const everywhere = new Set([...lifecycle.history, ...archived].map((entry) => entry.actionKey));
    for (const entry of filler) expect(everywhere.has(entry.actionKey)).toBe(true);
    expect(testClock.now()).not.toBe(START);
  });
});

describe('repair from the changelog (A1)', () => {
  it('records a transition whose entry the platform lost, once, at the time and by the author of the change', async () => {
    const key = await site().raise({ ...EDR_GAP, compensatingControls: '' }); // Submitted → Risk Review
    testClock.set('2026-11-21T10:00:00Z');
    await site().transition(key, 'Reject', securityReviewer, {
      comment: 'Not without a control.',
      via: 'screen',
    });
    const lost = await site().lifecycle(key);
    await rewriteLifecycle(key, (lifecycle) => ({
      ...lifecycle,
      history: lifecycle.history.filter((entry) => entry.action !== 'rejected'),
    }));
    testClock.set('2026-11-21T12:00:00Z');
    const deps = {
      jiraAsApp: site().site.asApp,
      jiraAsUser: site().site.asApp,
      store: new KvsStore(),
      clock: testClock,
    };

    expect(await repairLifecycle(key, deps)).toEqual({
      outcome: 'checked',
      added: ['rejected'],
      unrepairable: 0,
    });
    const repaired = await site().lifecycle(key);
    const changeId = site().sim.state.issue(key)?.changelog.at(-1)?.id;
    expect(repaired.history.map((entry) => entry.action)).toEqual(['submitted', 'triaged', 'rejected']);
    expect(repaired.history.at(-1)).toEqual({
      at: '2026-11-21T10:00:00.000Z',
      action: 'rejected',
      by: securityReviewer,
      actionKey: `changelog:${changeId}`,
    });
    expect(repaired.nextActionAt).toBe(lost.nextActionAt);
    // Again: the changelog's every transition is accounted for.
    expect(await repairLifecycle(key, deps)).toEqual({ outcome: 'checked', added: [], unrepairable: 0 });
  });

  it('adds nothing where the post functions recorded everything', async () => {
    const key = await site().raise(EDR_GAP);
    await site().transition(key, 'Retire', securityReviewer);
    const deps = {
      jiraAsApp: site().site.asApp,
      jiraAsUser: site().site.asApp,
      store: new KvsStore(),
      clock: testClock,
    };
    expect(await repairLifecycle(key, deps)).toEqual({ outcome: 'checked', added: [], unrepairable: 0 });
  });
});
