/**
 * The sweep's query (ISSUE 6 A6) against the simulator, which accepts only the documented property-JQL forms and
 * date formats and indexes only documented date values: the nextActionAt the real handlers store is found by the
 * documented quoted form at the right moment, and not before.
 */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { dueExceptionsJql, UnsafeJqlValueError } from '../../../src/application/lifecycle/due-exceptions-jql';
import { EDR_GAP } from './scenarios';
import { exceptionSitePerTest } from './site-per-test';
import { START } from './test-clock';

jest.setTimeout(30_000);

const site = exceptionSitePerTest();

const dueKeys = async (now: string): Promise<string[]> => {
  const jql = dueExceptionsJql(site().config, now);
  if (jql === null) throw new Error('no project set up');
  // The enhanced search returns only ids unless asked for more: the key is requested.
  const page = await site().site.asApp.search(jql, { fields: ['key'], properties: [], maxResults: 100 });
  return page.issues.map((issue) => issue.key);
};

describe('the query for due exceptions', () => {
  it('finds an undecided exception once its decision SLA has passed, and an approved one at its first reminder', async () => {
    const undecided = await site().raise({ ...EDR_GAP, compensatingControls: '' });
    const approved = await site().raise(EDR_GAP);
    const lifecycleOf = async (key: string) => (await site().lifecycle(key)).nextActionAt;
    // Standard urgency: 120 h after creation; the auto-approved one's 75 % reminder of a 90-day period.
    expect(await lifecycleOf(undecided)).toBe('2026-11-26T09:00:00Z');
    expect(await lifecycleOf(approved)).toBe('2027-01-14T00:00:00Z');

    expect(await dueKeys(START)).toEqual([]);
    expect(await dueKeys('2026-11-26T08:59:59.999Z')).toEqual([]);
    expect(await dueKeys('2026-11-26T09:00:00.000Z')).toEqual([undecided]);
    expect(await dueKeys('2027-01-14T00:00:00Z')).toEqual([undecided, approved]);
  });

  it('puts nothing but checked ids and its own instant into the query', () => {
    const config = site().config;
    expect(dueExceptionsJql({ ...config, projects: [] }, START)).toBeNull();
    expect(dueExceptionsJql(config, '2026-11-21T09:00:00.123Z')).toBe(
      `project in (${config.projects.map((project) => project.id).join(', ')}) AND issuetype = ${config.issueTypeId} AND issue.property['security-exception-lifecycle'].nextActionAt <= "2026-11-21T09:00:00Z" ORDER BY id ASC`,
    );
    expect(() =>
      dueExceptionsJql({ ...config, projects: [{ id: '1) OR project = SECRET', key: 'X' }] }, START),
    ).toThrow(UnsafeJqlValueError);
    expect(() => dueExceptionsJql({ ...config, issueTypeId: '10001 OR 1=1' }, START)).toThrow(
      "The stored issue type id is not a Jira id, so it cannot be used in a search: run the app's setup again.",
    );
  });
});
