/**
 * ISSUE 6 A2, A7, B1, B2, B4, B8 through the contract-checked simulator with the REAL handlers: who is acting
 * (every place an invocation may name them), the app's own say-so for Auto-approve, the requester of record, the
 * Risk Owner's access, authority following the higher rating, Jira-carried fields, the validator's time budget,
 * and the issue-created trigger delivered twice at once.
 */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { JiraRestClient } from '../../../src/adapters/jira/jira-rest-client';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import {
  OUT_OF_TIME_MESSAGE,
  validateTransition,
} from '../../../src/application/transitions/validate-transition';
import * as handlers from '../../../src/index';
import { createSimClient, type JiraSimulator } from '../../../simulator';
import { APP_ID, APP_NAME, ENVIRONMENT_ID, WORKFLOW_RULE_MODULES } from '../../support/app-modules';
import { SITE_USERS } from '../../support/simulated-site';
import { simulatorFetcher } from '../../support/simulator-fetcher';
import { fastRetryPolicy } from '../../support/fast-retry-policy';
import type { ExceptionSite } from './exception-harness';
import { EDR_GAP } from './scenarios';
import { exceptionSitePerTest } from './site-per-test';
import { testClock } from './test-clock';

jest.setTimeout(30_000);

const { requester, riskOwner, securityReviewer, ciso, outsider } = SITE_USERS;

const UNKNOWN_ACTOR =
  "Could not establish who is making this transition, so it is refused. Try again; if it persists, ask a Jira admin to check the app's permissions.";
const segregation = (verb: string) =>
  `Segregation of duties: the requester cannot ${verb} their own exception. Ask another approver.`;
const C_LEVEL_NEEDED =
  'Approving a High risk exception needs a member of c-level. Ask one of them to make this transition.';
const EVIDENCE_NEEDED =
  "Evidence is required for High risk: attach at least one file to the issue (for example a scan report, a configuration screenshot or the vendor's statement).";

/** A Medium firewall exception the security reviewer may approve, complete enough to go to review. */
const FIREWALL = {
  type: 'Firewall rule',
  justification:
    'Temporary inbound rule for the penetration test vendor; the test is contracted for December and needs SSH.',
  riskOwner,
  compensatingControls: 'Source restricted to the vendor egress IPs; session recording on the bastion.',
  expirationDate: '2027-01-31',
  affectedAssets: ['fw-edge-01'],
};

const site = exceptionSitePerTest();

/** The Approve screen's Risk Rating for the firewall exception. */
const MEDIUM = { riskRating: 'Medium' };

type Rewrite = (payload: Record<string, unknown>, context: Record<string, unknown>) => [unknown, unknown];

/**
 * Installs the app again (same id: it replaces the harness's) with the validator called as `rewrite` says — a
 * platform that names the actor elsewhere, or not at all — and the issue-created trigger delivered `deliveries`
 * times at once.
 */
const reinstall = (sim: JiraSimulator, rewrite: Rewrite, deliveries = 1): void => {
  sim.installApp({
    appId: APP_ID,
    environmentId: ENVIRONMENT_ID,
    name: APP_NAME,
    modules: [
      ...WORKFLOW_RULE_MODULES,
      { key: 'issue-created', type: 'trigger', events: ['avi:jira:created:issue'] },
    ],
    validate: (payload, context) => handlers.validateTransition(...rewrite({ ...payload }, { ...context })),
    postFunction: (event) => handlers.recordTransition(event),
    onEvent: async (name, event) => {
      if (name === 'avi:jira:created:issue' && event.selfGenerated !== true)
        await Promise.all(Array.from({ length: deliveries }, () => handlers.triageOnCreate(event)));
    },
  });
};

/** The context without `principal`, the rest as the simulator sent it. */
const withoutPrincipal = (context: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(context).filter(([name]) => name !== 'principal'));

/** The simulator's principal (the acting user), as the variant under test names it. */
const VARIANTS: readonly [string, (accountId: string) => Rewrite][] = [
  ['context.principal.accountId', () => (payload, context) => [payload, context]],
  [
    'context.principal as a string',
    (id) => (payload, context) => [payload, { ...withoutPrincipal(context), principal: id }],
  ],
  [
    'context.accountId',
    (id) => (payload, context) => [payload, { ...withoutPrincipal(context), accountId: id }],
  ],
  [
    'payload.user.accountId',
    (id) => (payload, context) => [{ ...payload, user: { accountId: id } }, withoutPrincipal(context)],
  ],
  [
    'payload.atlassianId',
    (id) => (payload, context) => [{ ...payload, atlassianId: id }, withoutPrincipal(context)],
  ],
];

/** The acting user the simulator named in the context it sent. */
const actingUser = (context: Record<string, unknown>): string => {
  const { principal } = context;
  if (typeof principal !== 'object' || principal === null || !('accountId' in principal))
    throw new Error('the simulator names the acting user in context.principal');
  return String(principal.accountId);
};

/** Reporter changed behind the app's back (the simulator's state, as an admin's bulk change would leave it). */
const setReporter = (exceptionSite: ExceptionSite, key: string, accountId: string): void => {
  const issue = exceptionSite.sim.state.issue(key);
  if (issue === undefined) throw new Error(`no issue ${key}`);
  issue.reporterAccountId = accountId;
};

/** A person edits the issue outside any transition (PUT /issue), as themselves. */
const editIssue = async (
  exceptionSite: ExceptionSite,
  actor: string,
  key: string,
  fields: Record<string, unknown>,
) => {
  const { sim } = exceptionSite;
  const client = createSimClient(sim.baseUrl, { authorization: sim.authorizationFor(actor) });
  const response = await client.put(`/rest/api/3/issue/${key}`, { fields });
  expect(response.status).toBe(204);
};

describe('A2: who is acting, wherever the invocation names them', () => {
  it.each(VARIANTS)('reads the actor from %s', async (_variant, naming) => {
    const s = site();
    // The reviewer raises an exception of their own; the condition hides Approve from them, so an admin has
    // dropped it here: the validator must still know who is acting.
    const key = await s.raise(FIREWALL, securityReviewer);
    expect(s.statusOf(key)).toBe('Risk Review');
    setReporter(s, key, ciso); // the condition now lets the reviewer see Approve
    reinstall(s.sim, (payload, context) => naming(actingUser(context))(payload, context));
    expect(await s.refusal(key, 'Approve', securityReviewer, MEDIUM)).toEqual([segregation('approve')]);
  });

  it('fails closed when two places name different people', async () => {
    const s = site();
    const key = await s.raise(FIREWALL);
    reinstall(s.sim, (payload, context) => [{ ...payload, atlassianId: requester }, context]);
    expect(await s.refusal(key, 'Approve', securityReviewer, MEDIUM)).toEqual([UNKNOWN_ACTOR]);
    expect(s.statusOf(key)).toBe('Risk Review');
  });

  it('fails closed when nothing names the actor and there is no user session to ask', async () => {
    const s = site();
    const key = await s.raise(FIREWALL);
    reinstall(s.sim, (payload, context) => [payload, withoutPrincipal(context)]);
    expect(await s.refusal(key, 'Approve', securityReviewer, MEDIUM)).toEqual([UNKNOWN_ACTOR]);
  });
});

describe("A2: Auto-approve rests on the app's own intent, not on who Forge names", () => {
  it('auto-approves when the platform names no principal at all', async () => {
    const s = site();
    reinstall(s.sim, (payload, context) => [payload, withoutPrincipal(context)]);
    const key = await s.raise(EDR_GAP);
    expect(s.statusOf(key)).toBe('Approved');
    expect(s.statusChanges(key)).toEqual(['Submitted → Approved']);
    expect((await s.lifecycle(key)).history.map((entry) => entry.action)).toEqual([
      'submitted',
      'auto-approved',
    ]);
  });

  it('falls back to Risk Review with a comment when the platform names a person as the actor', async () => {
    const s = site();
    // A platform that reports the issue's creator as the principal of the app's own transition.
    reinstall(s.sim, (payload, context) => [payload, { ...context, principal: { accountId: requester } }]);
    const key = await s.raise(EDR_GAP);
    expect(s.statusOf(key)).toBe('Risk Review');
    expect(s.statusChanges(key)).toEqual(['Submitted → Risk Review']);
    expect(s.commentAuthors(key)).toEqual([s.sim.appUser.accountId]);
    expect(s.commentText(key, 0)).toBe(
      '@Rae Requester this security exception could not be auto-approved, so it has gone to Risk Review: an approver will decide on it.',
    );
    expect((await s.lifecycle(key)).history.map((entry) => entry.action)).toEqual(['submitted', 'triaged']);
  });

  it('refuses a person who runs Auto-approve, even on an exception that qualifies', async () => {
    const s = site();
    const key = await s.raise({ ...EDR_GAP, justification: 'Too short.' });
    expect(s.statusOf(key)).toBe('Submitted');
    await editIssue(s, requester, key, {
      [s.config.fields.justification]: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: EDR_GAP.justification }] }],
      },
    });
    expect(await s.refusal(key, 'Auto-approve', securityReviewer)).toEqual([
      'Only the app can auto-approve an exception: use Triage instead, so that an approver can decide in Risk Review.',
    ]);
  });
});

describe('B1: the requester never decides on their own exception', () => {
  it('editing Reporter does not change the requester of record (submitted.by)', async () => {
    const s = site();
    const key = await s.raise(FIREWALL, securityReviewer);
    await editIssue(s, securityReviewer, key, { reporter: { accountId: requester } });
    // Jira's condition now offers Approve to the reviewer; the validator still knows who asked.
    expect(await s.offered(key, securityReviewer)).toContain('Approve');
    expect(await s.refusal(key, 'Approve', securityReviewer, MEDIUM)).toEqual([segregation('approve')]);
    expect(s.statusOf(key)).toBe('Risk Review');
  });

  it('the requester cannot become the Risk Owner after editing Reporter away', async () => {
    const s = site();
    const key = await s.raise(FIREWALL, securityReviewer);
    await editIssue(s, securityReviewer, key, {
      reporter: { accountId: requester },
      [s.config.fields.riskOwner]: { accountId: securityReviewer },
    });
    s.attachEvidence(key, 'fw-change-request.pdf');
    expect(await s.refusal(key, 'Approve', ciso, { riskRating: 'High' })).toEqual([
      'Risk Owner cannot be the requester: the policy asks for someone else to be accountable for this risk. Pick another Risk Owner.',
    ]);
  });

  it.each([
    ['Request info', 'request more information on', {}],
    [
      'Reject',
      'reject',
      { decisionReason: 'Not needed after all; the vendor test moved to the staging firewall.' },
    ],
  ])('a reviewer cannot %s on an exception they raised', async (transition, verb, edits) => {
    const s = site();
    const key = await s.raise(FIREWALL, securityReviewer);
    setReporter(s, key, ciso); // as if the condition were dropped or Reporter edited
    expect(await s.refusal(key, transition, securityReviewer, edits)).toEqual([segregation(verb)]);
    expect(s.statusOf(key)).toBe('Risk Review');
  });

  it.each([
    [
      'someone who cannot browse the project',
      () => outsider,
      'Risk Owner cannot see this issue: pick someone who can browse the project, or ask a Jira admin to give them access first.',
    ],
    [
      "the app's own account",
      (s: ExceptionSite) => s.sim.appUser.accountId,
      'Risk Owner must be a person: an app account cannot be accountable for a risk. Pick the person accountable for it.',
    ],
  ])('a Risk Owner who is %s keeps the request out of review', async (_case, owner, message) => {
    const s = site();
    const key = await s.raise({ ...FIREWALL, riskOwner: owner(s) });
    expect(s.statusOf(key)).toBe('Submitted');
    expect(s.commentText(key, 0)).toBe(
      [
        '@Rae Requester this security exception cannot go to risk review yet. Please complete:',
        message,
        'Then send it to Risk Review with the Triage transition: the same checks run again there.',
      ].join('\n'),
    );
  });
});

describe('B2: authority follows the higher rating', () => {
  it("a reviewer cannot rate an exception below the type's default into their own tier", async () => {
    const s = site();
    // MFA bypass defaults to High: C-level sign-off.
    const key = await s.raise({
      ...FIREWALL,
      type: 'MFA bypass',
      affectedAssets: ['crm-legacy-01'],
      expirationDate: '2027-02-15',
    });
    expect(s.statusOf(key)).toBe('Risk Review');
    s.attachEvidence(key, 'crm-vendor-statement.pdf');
    expect(await s.refusal(key, 'Approve', securityReviewer, { riskRating: 'Medium' })).toEqual([
      C_LEVEL_NEEDED,
    ]);
    await s.transition(key, 'Approve', ciso, { riskRating: 'Medium' });
    expect(s.statusOf(key)).toBe('Approved');
  });

  it('a reviewer cannot lower a stored High rating on the Approve screen', async () => {
    const s = site();
    const key = await s.raise(FIREWALL);
    await editIssue(s, ciso, key, { [s.config.fields.riskRating]: { value: 'High' } });
    s.attachEvidence(key, 'fw-change-request.pdf');
    expect(await s.refusal(key, 'Approve', securityReviewer, { riskRating: 'Low' })).toEqual([
      C_LEVEL_NEEDED,
    ]);
  });
});

describe('B4: fields Jira carries are never taken from modifiedFields', () => {
  it('a payload claiming an attachment does not count as evidence', async () => {
    const s = site();
    const key = await s.raise(FIREWALL);
    const { statuses, fields } = s.config;
    const answer = await handlers.validateTransition(
      {
        issue: { key },
        configuration: { transition: 'approve' },
        transition: {
          from: { id: statuses['Risk Review'] },
          to: { id: statuses.Approved },
          modifiedFields: {
            [fields.riskRating]: { value: 'High', id: '3' },
            attachment: [{ id: '10999', filename: 'evidence.pdf' }],
            reporter: { accountId: ciso },
            status: { id: statuses.Approved, name: 'Approved' },
          },
        },
      },
      { principal: { accountId: ciso } },
    );
    expect(answer).toEqual({ result: false, errorMessage: EVIDENCE_NEEDED });
  });
});

describe('A7: the validator has one time budget', () => {
  it('refuses, saying the policy could not be checked in time, when Jira is slower than the budget', async () => {
    const s = site();
    const key = await s.raise(FIREWALL);
    s.sim.faults.set({ latencyMs: [1_500, 1_500], seed: 7 });
    const started = Date.now();
    const outcome = await validateTransition(
      {
        issueKey: key,
        configuration: { transition: 'approve' },
        modifiedFields: {},
        actorClaim: { kind: 'named', accountId: securityReviewer },
      },
      {
        jiraAsApp: new JiraRestClient(simulatorFetcher(s.sim), fastRetryPolicy()),
        jiraAsUser: new JiraRestClient(simulatorFetcher(s.sim, securityReviewer), fastRetryPolicy()),
        store: new KvsStore(),
        clock: testClock,
      },
      { timeBudgetMs: 500 },
    );
    expect(outcome.answer).toEqual({ result: false, errorMessage: OUT_OF_TIME_MESSAGE });
    expect(Date.now() - started).toBeLessThan(1_400);
    s.sim.faults.set({});
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // let the abandoned check finish
  });
});

describe('B8: the issue-created trigger delivered twice at once', () => {
  it('transitions a complete request once', async () => {
    const s = site();
    reinstall(s.sim, (payload, context) => [payload, context], 2);
    const key = await s.raise(FIREWALL);
    expect(s.statusChanges(key)).toEqual(['Submitted → Risk Review']);
    expect((await s.lifecycle(key)).history.map((entry) => entry.action)).toEqual(['submitted', 'triaged']);
  });

  it('comments once on an incomplete request', async () => {
    const s = site();
    reinstall(s.sim, (payload, context) => [payload, context], 2);
    const key = await s.raise({ ...FIREWALL, justification: 'Too short.' });
    expect(s.statusOf(key)).toBe('Submitted');
    expect(s.commentAuthors(key)).toEqual([s.sim.appUser.accountId]);
  });
});
