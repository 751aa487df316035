/**
 * The reason for Reject and Revert, end to end with the REAL handlers: the Decision Reason field of the decision
 * screen reaches the validator in modifiedFields (a paragraph field is on the documented list), the comment counts
 * too in every form it may arrive in (the simulator's Get-issue page, an ADF document, a string), a REST comment
 * that does not reach the validator at all (FORGE_NOTES §16) leaves the field as the way to give one, text that
 * only looks filled is no reason, and the post function records the same reason as the history entry's note.
 */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import { SITE_CONFIG_KEY } from '../../../src/application/site-config';
import { SITE_USERS } from '../../support/simulated-site';
import { EDR_GAP } from './scenarios';
import { exceptionSitePerTest } from './site-per-test';
import { START } from './test-clock';

jest.setTimeout(30_000);

const { ciso, securityReviewer } = SITE_USERS;

/** The messages of the rules rejection-reason-missing, revert-comment-missing and approver-not-in-group. */
const REASON_NEEDED =
  'A reason is required to reject: say in Decision Reason (or in the comment) why the exception is refused and what would make it acceptable.';
const RESTORE_REASON_NEEDED =
  'A reason is required to revert: say in Decision Reason (or in the comment) what must be restored, for example "Re-enable the endpoint control (EDR, anti-malware, disk encryption) on the affected devices."';
const REJECTER_NOT_APPROVER =
  'Rejecting a Low risk exception needs a member of security-reviewers. Ask one of them to make this transition.';

const REASON =
  'No compensating control is described; isolate the workstation on the lab VLAN and raise it again.';

const site = exceptionSitePerTest();

/** An exception in Risk Review: without compensating controls triage sends it to review. */
const inReview = async (): Promise<string> => {
  const key = await site().raise({ ...EDR_GAP, compensatingControls: '' });
  expect(site().statusOf(key)).toBe('Risk Review');
  return key;
};

const lastEntry = async (key: string) => (await site().lifecycle(key)).history.at(-1);

describe('the reason for Reject and Revert through the simulator', () => {
  it('refuses Reject without a reason, keeps a refused comment off the issue, and records the reason as the note', async () => {
    const key = await inReview();

    expect(await site().refusal(key, 'Reject', securityReviewer)).toEqual([REASON_NEEDED]);
    expect(await site().refusal(key, 'Reject', securityReviewer, { comment: '   ', via: 'screen' })).toEqual([
      REASON_NEEDED,
    ]);
    // An approver of another tier: Jira offers Reject to every approver group (ISSUE6 A2), the app refuses it.
    expect(await site().refusal(key, 'Reject', ciso, { comment: REASON, via: 'screen' })).toEqual([
      REJECTER_NOT_APPROVER,
    ]);
    expect(site().statusOf(key)).toBe('Risk Review');
    expect(site().commentAuthors(key)).toEqual([]);

    await site().transition(key, 'Reject', securityReviewer, { comment: REASON, via: 'screen' });

    expect(site().statusOf(key)).toBe('Rejected');
    expect(site().commentAuthors(key)).toEqual([securityReviewer]);
    expect(site().commentText(key, 0)).toBe(REASON);
    const { history } = await site().lifecycle(key);
    expect(history.map((entry) => entry.action)).toEqual(['submitted', 'triaged', 'rejected']);
    expect(history.at(-1)).toEqual({
      at: START,
      action: 'rejected',
      by: securityReviewer,
      note: REASON,
      // The note points to the comment, where the whole text stays.
      commentId: site().sim.state.issue(key)?.comments[0]?.id,
      actionKey: expect.any(String) as string,
    });
    expect(site().statusChanges(key)).toEqual(['Submitted → Risk Review', 'Risk Review → Rejected']);
  });

  it('takes the reason from Decision Reason when the REST comment never reaches the validator', async () => {
    const key = await inReview();

    // The comment is typed, but the validator does not see it: only the field can carry the reason.
    expect(await site().refusal(key, 'Reject', securityReviewer, { comment: REASON })).toEqual([
      REASON_NEEDED,
    ]);
    expect(site().commentAuthors(key)).toEqual([]);

    await site().transition(key, 'Reject', securityReviewer, { decisionReason: REASON });

    expect(site().statusOf(key)).toBe('Rejected');
    expect(await lastEntry(key)).toEqual({
      at: START,
      action: 'rejected',
      by: securityReviewer,
      note: REASON,
      actionKey: expect.any(String) as string,
    });
  });

  it.each<['adf' | 'string' | 'page']>([['adf'], ['string'], ['page']])(
    'accepts the screen comment box arriving as %s',
    async (form) => {
      site().sim.habits.screenCommentFormat = form;
      const key = await inReview();

      expect(
        await site().refusal(key, 'Reject', securityReviewer, { comment: '\u200b \u00a0', via: 'screen' }),
      ).toEqual([REASON_NEEDED]);
      await site().transition(key, 'Reject', securityReviewer, { comment: REASON, via: 'screen' });

      expect(site().statusOf(key)).toBe('Rejected');
      expect((await lastEntry(key))?.note).toBe(REASON);
    },
  );

  it('does not take a Decision Reason that only looks filled', async () => {
    const key = await inReview();

    for (const blank of ['   ', '\u200b\u2060\ufeff', '\u00a0\n\t', '...'])
      expect(await site().refusal(key, 'Reject', securityReviewer, { decisionReason: blank })).toEqual([
        REASON_NEEDED,
      ]);
    expect(site().statusOf(key)).toBe('Risk Review');
  });

  it('records both the field and the comment when both are given, the field first', async () => {
    const key = await inReview();
    const comment = 'Raise it again once the VLAN is in place.';

    await site().transition(key, 'Reject', securityReviewer, {
      decisionReason: REASON,
      comment,
      via: 'screen',
    });

    expect((await lastEntry(key))?.note).toBe(`${REASON}\n${comment}`);
  });

  it('refuses a security reviewer Revert without a reason, and records what must be restored as the note', async () => {
    const key = await site().raise(EDR_GAP);
    expect(site().statusOf(key)).toBe('Approved');
    const restore = 'Re-enable the EDR agent on cad-ws-07 today: the vendor withdrew the patch.';

    expect(await site().refusal(key, 'Revert', securityReviewer)).toEqual([RESTORE_REASON_NEEDED]);
    expect(await site().refusal(key, 'Revert', securityReviewer, { decisionReason: ' \u200b ' })).toEqual([
      RESTORE_REASON_NEEDED,
    ]);
    expect(site().statusOf(key)).toBe('Approved');
    expect(site().commentAuthors(key)).toEqual([]);

    await site().transition(key, 'Revert', securityReviewer, { comment: restore, via: 'screen' });

    expect(site().statusOf(key)).toBe('Reverted');
    expect(site().commentAuthors(key)).toEqual([securityReviewer]);
    expect(site().commentText(key, 0)).toBe(restore);
    const { history } = await site().lifecycle(key);
    expect(history.map((entry) => entry.action)).toEqual(['submitted', 'auto-approved', 'reverted']);
    expect(history.at(-1)).toEqual({
      at: START,
      action: 'reverted',
      by: securityReviewer,
      note: restore,
      // The note points to the comment, where the whole text stays.
      commentId: site().sim.state.issue(key)?.comments[0]?.id,
      actionKey: expect.any(String) as string,
    });
    expect(site().statusChanges(key)).toEqual(['Submitted → Approved', 'Approved → Reverted']);
  });

  it('reverts with the reason in Decision Reason alone, and records it as the note', async () => {
    const key = await site().raise(EDR_GAP);
    const restore = 'Re-enable the EDR agent on cad-ws-07 today.';

    await site().transition(key, 'Revert', securityReviewer, { decisionReason: restore });

    expect(site().statusOf(key)).toBe('Reverted');
    expect(site().commentAuthors(key)).toEqual([]);
    expect((await lastEntry(key))?.note).toBe(restore);
  });

  it('still takes the comment on a site whose stored configuration predates Decision Reason', async () => {
    const store = new KvsStore();
    const olderFields = { ...site().config.fields };
    delete olderFields.decisionReason;
    await store.set(SITE_CONFIG_KEY, { ...site().config, fields: olderFields });
    const key = await inReview();

    expect(await site().refusal(key, 'Reject', securityReviewer)).toEqual([REASON_NEEDED]);
    await site().transition(key, 'Reject', securityReviewer, { comment: REASON, via: 'screen' });

    expect(site().statusOf(key)).toBe('Rejected');
    expect((await lastEntry(key))?.note).toBe(REASON);
  });
});
