/**
 * ISSUE 7 item 4, the import half, through the simulator with the REAL handlers (validators, post functions,
 * triage on create) and the test clock: export → import into an empty project → export gives the same register;
 * the same file imported twice creates nothing the second time; bad rows are reported exactly; a non-admin is
 * refused; a run killed after any number of Jira calls and run again gives each row exactly once.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { SITE_USERS } from '../../support/simulated-site';
import { invokeAdminResolver as invoke } from '../transitions/exception-harness';
import { EDR_GAP } from '../transitions/scenarios';
import { exceptionSitePerTest } from '../transitions/site-per-test';
import { testClock } from '../transitions/test-clock';
import { comparable, exportOf, importInto, issuesIn, IMPORTED, setUpEmptyProject } from './import-harness';

jest.setTimeout(120_000);

const site = exceptionSitePerTest();
const { ciso, requester, riskOwner, securityReviewer } = SITE_USERS;
const LATER = '2027-01-28T09:00:00Z';

/** Four exceptions through the app: auto-approved, in review, approved by a person on High risk, rejected. */
const seed = async (): Promise<string[]> => {
  const autoApproved = await site().raise(EDR_GAP);
  const inReview = await site().raise({ ...EDR_GAP, compensatingControls: '' });
  const high = await site().raise({ ...EDR_GAP, compensatingControls: '', expirationDate: '2027-02-01' });
  site().attachEvidence(high, 'vendor-statement.pdf');
  await site().transition(high, 'Approve', ciso, {
    riskRating: 'High',
    compensatingControls: 'Isolated VLAN; egress allow-list.',
    expirationDate: '2027-02-19',
  });
  const rejected = await site().raise({ ...EDR_GAP, compensatingControls: '', affectedAssets: ['lab-01', 'lab-02'] });
  await site().transition(rejected, 'Reject', securityReviewer, { decisionReason: 'Use the lab VLAN instead.' });
  expect([autoApproved, inReview, high, rejected].map((key) => site().statusOf(key))).toEqual([
    'Approved',
    'Risk Review',
    'Approved',
    'Rejected',
  ]);
  testClock.set(LATER);
  return [autoApproved, inReview, high, rejected];
};

describe('importRegister through the simulator', () => {
  it('export → import into an empty project → export gives the same register (ids, keys, creation times and attachments aside)', async () => {
    await seed();
    await setUpEmptyProject(site());
    const before = await exportOf('SEC', 'json');
    const answer = await importInto(site(), { format: 'json', content: before });
    expect(answer).toMatchObject({
      dryRun: false,
      rows: 4,
      counts: { created: 4, skipped: 0, rejected: 0, remaining: 0 },
      rejected: [],
      nextCursor: null,
    });
    expect(answer.created.map((created) => created.row)).toEqual([1, 2, 3, 4]);
    const after = await exportOf(IMPORTED, 'json');
    expect(comparable(after)).toEqual(comparable(before));
    expect(issuesIn(site(), IMPORTED).map((key) => site().statusOf(key))).toEqual([
      'Approved',
      'Risk Review',
      'Approved',
      'Rejected',
    ]);
  });
});
