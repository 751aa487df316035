import { isValidAdf } from '../../../simulator/issues/adf-validator';
import { LIFECYCLE_PROPERTY_KEY, type LifecycleProperty } from '../../../src/application/lifecycle-property';
import { CURRENT_POLICY_KEY, policyVersionKey } from '../../../src/application/policy/policy-store';
import { triageOnCreate, type TriageRequest } from '../../../src/application/transitions/triage-on-create';
import { PolicySchema } from '../../../src/domain/policy-schema';
import {
  APP_ACCOUNT,
  exceptionFields,
  fakeSite,
  statusValue,
  WORKFLOW,
  type ExceptionValues,
  type FakeSite,
} from './exception-site';

const NEW_REQUEST: ExceptionValues = { status: 'Submitted', riskRating: null };
const LOW_GAP: ExceptionValues = {
  ...NEW_REQUEST,
  type: 'Endpoint control gap',
  affectedAssets: ['laptop-0042'],
  compensatingControls: 'Device isolated on a VLAN; daily EDR log review.',
};
const TRIAGE_ID = WORKFLOW.find((transition) => transition.name === 'triage')?.id;
const AUTO_APPROVE_ID = WORKFLOW.find((transition) => transition.name === 'auto-approve')?.id;

const CREATED: TriageRequest = { issueKey: 'SEC-12', issueTypeId: '10100', projectId: '10000' };

const siteWith = async (values: ExceptionValues): Promise<FakeSite> => {
  const site = await fakeSite();
  site.issues.put({ id: '10012', key: 'SEC-12', fields: exceptionFields(values) });
  return site;
};

const lifecycle = (site: FakeSite) =>
  site.issues.property('SEC-12', LIFECYCLE_PROPERTY_KEY) as LifecycleProperty;
const SUBMITTED = { at: '2026-11-20T10:00:00Z', action: 'submitted', by: 'ana' };

describe('triageOnCreate', () => {
  it('records submitted and auto-approves a complete Low request with controls', async () => {
    const site = await siteWith(LOW_GAP);
    expect(await triageOnCreate(CREATED, site.deps())).toEqual({ outcome: 'auto-approved' });
    expect(site.issues.transitionsMade).toEqual([{ issueKey: 'SEC-12', transitionId: AUTO_APPROVE_ID }]);
    expect(site.issues.statusOf('SEC-12')).toEqual(statusValue('Approved'));
    // Standard decision SLA: 120 h after creation.
    expect(lifecycle(site)).toEqual({
      version: 1,
      history: [SUBMITTED],
      nextActionAt: '2026-11-25T10:00:00Z',
      policyVersion: null,
      // The app's first write of this lifecycle (the sweep compares it with the one its store keeps).
      revision: 1,
    });
  });

  it('sends a complete Medium request to Risk Review', async () => {
    const site = await siteWith(NEW_REQUEST);
    expect(await triageOnCreate(CREATED, site.deps())).toEqual({ outcome: 'triaged' });
    expect(site.issues.transitionsMade).toEqual([{ issueKey: 'SEC-12', transitionId: TRIAGE_ID }]);
    expect(site.issues.statusOf('SEC-12')).toEqual(statusValue('Risk Review'));
  });

  it('sends a Low request to review when the policy in force needs evidence it lacks', async () => {
    const site = await siteWith(LOW_GAP);
    await site.store.set(policyVersionKey(2), PolicySchema.parse({ version: 2, evidenceFromTier: 'Low' }));
    await site.store.set(CURRENT_POLICY_KEY, { version: 2 });
    expect(await triageOnCreate(CREATED, site.deps())).toEqual({ outcome: 'triaged' });
  });

  it('sends a Low request without controls to review', async () => {
    const site = await siteWith({ ...LOW_GAP, compensatingControls: null });
    expect(await triageOnCreate(CREATED, site.deps())).toEqual({ outcome: 'triaged' });
  });

  it('leaves an incomplete request in Submitted with one comment to the requester listing what is missing', async () => {
    const site = await siteWith({
      ...NEW_REQUEST,
      justification: 'Need it.',
      affectedAssets: null,
      riskOwner: 'ana',
    });
    const missing = [
      'Business Justification is too short: 6 letters or digits, the policy asks for at least 40. Explain the need and the business impact; spaces, punctuation and invisible characters do not count.',
      'Risk Owner cannot be the requester: the policy asks for someone else to be accountable for this risk. Pick another Risk Owner.',
      'Affected Assets needs at least one asset identifier, such as prod-db-01.',
    ];
    expect(await triageOnCreate(CREATED, site.deps())).toEqual({ outcome: 'incomplete', missing });
    expect(site.issues.transitionsMade).toEqual([]);
    expect(site.issues.statusOf('SEC-12')).toEqual(statusValue('Submitted'));
    const comments = site.issues.commentsOn('SEC-12');
    expect(comments).toEqual([
      {
        authorAccountId: APP_ACCOUNT,
        body: {
          type: 'doc',
          version: 1,
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'mention', attrs: { id: 'ana', text: '@Ana Requester', accessLevel: '' } },
                {
                  type: 'text',
                  text: ' this security exception cannot go to risk review yet. Please complete:',
                },
              ],
            },
            {
              type: 'bulletList',
              content: missing.map((item) => ({
                type: 'listItem',
                content: [{ type: 'paragraph', content: [{ type: 'text', text: item }] }],
              })),
            },
            {
              type: 'paragraph',
              content: [
                {
                  type: 'text',
                  text: 'Then send it to Risk Review with the Triage transition: the same checks run again there.',
                },
              ],
            },
          ],
        },
      },
    ]);
    expect(isValidAdf(comments[0]?.body)).toBe(true);
  });

  it('lists a missing Exception Type (the rules need it to say more)', async () => {
    const site = await siteWith({ ...NEW_REQUEST, type: null });
    expect(await triageOnCreate(CREATED, site.deps())).toEqual({
      outcome: 'incomplete',
      missing: [
        'Exception Type is required: pick MFA bypass, Firewall rule, Vulnerability patch delay, Endpoint control gap, Third-party / vendor access, Legacy system support or Other.',
      ],
    });
    expect(lifecycle(site).history).toEqual([SUBMITTED]);
  });

  it('does nothing twice when the event is delivered again', async () => {
    const incomplete = await siteWith({ ...NEW_REQUEST, justification: null });
    await triageOnCreate(CREATED, incomplete.deps());
    await triageOnCreate(CREATED, incomplete.deps());
    expect(incomplete.issues.commentsOn('SEC-12')).toHaveLength(1);
    expect(incomplete.issues.propertyWrites).toHaveLength(1);
    expect(lifecycle(incomplete).history).toEqual([SUBMITTED]);

    const complete = await siteWith(NEW_REQUEST);
    await triageOnCreate(CREATED, complete.deps());
    expect(await triageOnCreate(CREATED, complete.deps())).toEqual({
      outcome: 'skipped',
      reason: 'already-triaged',
    });
    expect(complete.issues.transitionsMade).toHaveLength(1);
  });

  it.each<[string, Partial<TriageRequest>, boolean, string]>([
    ['another issue type', { issueTypeId: '10001' }, true, 'not-an-exception'],
    ['a project that was not set up', { projectId: '10200' }, true, 'not-an-exception'],
    ['a site that is not set up', {}, false, 'not-set-up'],
  ])('leaves %s alone', async (_case, overrides, setUp, reason) => {
    const site = await fakeSite({ setUp });
    site.issues.put({ id: '10012', key: 'SEC-12', fields: exceptionFields(NEW_REQUEST) });
    expect(await triageOnCreate({ ...CREATED, ...overrides }, site.deps())).toEqual({
      outcome: 'skipped',
      reason,
    });
    expect(site.issues.propertyWrites).toEqual([]);
    expect(site.issues.transitionsMade).toEqual([]);
  });
});
