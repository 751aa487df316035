/**
 * ISSUE 7 item 4, the import half, through the simulator with the REAL handlers (validators, post functions,
 * triage on create) and the test clock: export → import into an empty project → export gives the same register;
 * the same file imported twice creates nothing the second time; bad rows are reported exactly; a non-admin is
 * refused; a run killed after any number of Jira calls and run again gives each row exactly once.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import { policyInForce } from '../../../src/application/policy/policy-store';
import { nextActionAt } from '../../../src/domain/planner';
import { RegisterSchema } from '../../../src/domain/register-schema';
import { SITE_USERS } from '../../support/simulated-site';
import { IMPORT_PROPERTY_KEY } from '../../../src/application/register/import/import-property';
import { invokeAdminResolver as invoke, writeFields } from '../transitions/exception-harness';
import { EDR_GAP } from '../transitions/scenarios';
import { exceptionSitePerTest } from '../transitions/site-per-test';
import { testClock } from '../transitions/test-clock';
import {
  comparable,
  csvWithout,
  exportOf,
  importInto,
  issuesIn,
  IMPORTED,
  setUpEmptyProject,
} from './import-harness';

jest.setTimeout(120_000);

const site = exceptionSitePerTest();
const { ciso, requester, riskOwner } = SITE_USERS;
const LATER = '2027-01-28T09:00:00Z';

/**
 * Five exceptions through the app: auto-approved, in review, approved by a person on High risk, in recertification,
 * retired. (Rejected is not among them: the workflow keeps Reject to the approver groups; see the bad-rows test.)
 */
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
  const recertifying = await site().raise({ ...EDR_GAP, affectedAssets: ['lab-01', 'lab-02'] });
  const retired = await site().raise({ ...EDR_GAP, summary: 'Retired early', affectedAssets: ['lab-03'] });
  testClock.set('2027-01-10T09:00:00Z');
  await site().transition(recertifying, 'Start recertification', riskOwner);
  await site().transition(retired, 'Retire', riskOwner);
  const keys = [autoApproved, inReview, high, recertifying, retired];
  expect(keys.map((key) => site().statusOf(key))).toEqual(STATUSES_SEEDED);
  testClock.set(LATER);
  return keys;
};

const STATUSES_SEEDED = ['Approved', 'Risk Review', 'Approved', 'Recertification', 'Retired'];

describe('importRegister through the simulator', () => {
  it('export → import into an empty project → export gives the same register (ids, keys and attachment counts aside)', async () => {
    const seeded = await seed();
    await setUpEmptyProject(site());
    const before = await exportOf('SEC', 'json');
    const answer = await importInto(site(), { format: 'json', content: before });
    expect(answer).toMatchObject({
      dryRun: false,
      rows: 5,
      counts: { created: 5, skipped: 0, rejected: 0, remaining: 0 },
      rejected: [],
      nextCursor: null,
    });
    expect(answer.created.map((created) => created.row)).toEqual([1, 2, 3, 4, 5]);
    const after = await exportOf(IMPORTED, 'json');
    expect(comparable(after)).toEqual(comparable(before));
    const imported = issuesIn(site(), IMPORTED);
    expect(imported.map((key) => site().statusOf(key))).toEqual(STATUSES_SEEDED);
    // The sweep sees them as the originals, planned now: the same next action, the same policy version.
    const policy = await policyInForce(new KvsStore());
    const originals = RegisterSchema.parse(JSON.parse(before)).exceptions;
    for (const [index, key] of imported.entries()) {
      const original = originals[index];
      if (original === undefined) throw new Error(`no original for ${key}`);
      expect(await site().lifecycle(key)).toMatchObject({
        nextActionAt: nextActionAt(original, policy, LATER),
        policyVersion: (await site().lifecycle(seeded[index] ?? '')).policyVersion,
      });
    }
  });

  it('export → import → export of the CSV gives the same rows, Key and Attachments aside', async () => {
    await seed();
    await setUpEmptyProject(site());
    const before = await exportOf('SEC', 'csv');
    const answer = await importInto(site(), { format: 'csv', content: before });
    expect(answer.counts).toEqual({ created: 5, skipped: 0, rejected: 0, remaining: 0 });
    const after = await exportOf(IMPORTED, 'csv');
    expect(csvWithout(after, ['Key', 'Attachments'])).toEqual(csvWithout(before, ['Key', 'Attachments']));
  });

  it('imports the same CSV twice: the second time creates nothing and says what each row already is', async () => {
    await seed();
    await setUpEmptyProject(site());
    const csv = await exportOf('SEC', 'csv');
    const first = await importInto(site(), { format: 'csv', content: csv });
    const keys = issuesIn(site(), IMPORTED);
    expect(keys).toHaveLength(5);
    expect(first.created.map((created) => created.key)).toEqual(keys);

    const second = await importInto(site(), { format: 'csv', content: csv });
    expect(issuesIn(site(), IMPORTED)).toEqual(keys);
    expect(second).toMatchObject({
      counts: { created: 0, skipped: 5, rejected: 0, remaining: 0 },
      created: [],
    });
    expect(second.skipped).toEqual(
      keys.map((key, index) => ({ row: index + 1, reason: `already imported as ${key}` })),
    );
    // A dry run of it again says the same and creates nothing.
    const dry = await importInto(site(), { format: 'csv', content: csv, dryRun: true });
    expect(dry).toMatchObject({
      dryRun: true,
      counts: { created: 0, skipped: 5, rejected: 0, remaining: 0 },
    });
    expect(issuesIn(site(), IMPORTED)).toEqual(keys);
  });

  it('reports exactly the 5 bad rows of a hand-made spreadsheet, with their reasons, and creates the rest', async () => {
    await setUpEmptyProject(site());
    const mapping = {
      key: 'ID',
      summary: 'Title',
      type: 'Category',
      status: 'State',
      requester: 'Requested by',
      riskOwner: 'Owner',
      justification: 'Why',
      compensatingControls: 'Mitigation',
      expirationDate: 'Expires',
      affectedAssets: 'Systems',
      createdAt: 'Raised',
      riskRating: 'Risk',
    };
    const header = 'ID;Title;Category;State;Requested by;Owner;Why;Mitigation;Expires;Systems;Raised;Risk';
    const rows = [
      // good: lower-case choices, a semicolon-separated CSV, assets on several lines, "N/A" for no rating
      `EX-1;Legacy CRM MFA;mfa bypass;risk review;${requester};${riskOwner};Sales blocked;IP allow-list;2027-03-01;"crm-01\ncrm-02";2026-12-01;N/A`,
      // good: no key (its content is its identity), a formula-looking text the export would have escaped
      `;Open port 8443;Firewall rule;Submitted;${requester};;"'=vendor asks";;2027-02-01;fw-01, fw-02;2026-12-02T10:00:00Z;`,
      // bad: ambiguous date
      `EX-3;Old VPN;Legacy system support;Submitted;${requester};;Old VPN;;01/02/2027;vpn-01;2026-12-03;`,
      // good: an Approved row with no recorded decision, an unambiguous day-first date
      `EX-4;EDR gap;Endpoint control gap;APPROVED;${requester};${riskOwner};CAD build;Lab VLAN;15/03/2027;cad-07;2026-12-04;Low`,
      // bad: a status the workflow does not have
      `EX-5;Something;Other;Pending;${requester};;x;;2027-03-01;a-1;2026-12-05;`,
      // bad: a requester who is not a user of the site
      `EX-6;Ghost;Other;Submitted;ghost-account;;x;;2027-03-01;a-2;2026-12-06;`,
      // bad: the same key as row 1
      `EX-1;Again;Other;Submitted;${requester};;x;;2027-03-01;a-3;2026-12-07;`,
      // bad: no Category
      `EX-8;No type;;Submitted;${requester};;x;;2027-03-01;a-4;2026-12-08;`,
      // good
      `EX-9;Vendor access;Third-party / vendor access;Submitted;${requester};;Support;;2027-03-01;vendor-01;2026-12-09;`,
    ];
    const content = `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
    const answer = await importInto(site(), { format: 'csv', content, mapping });
    expect(answer.rejected).toEqual([
      {
        row: 3,
        reasons: [
          'Expires: is ambiguous (its day and month could be either way round): write the date as YYYY-MM-DD, e.g. 2026-12-01',
        ],
      },
      {
        row: 5,
        reasons: [
          'State: is not one of "Submitted", "Risk Review", "Approved", "Recertification", "Rejected", "Reverted", "Retired"',
        ],
      },
      { row: 6, reasons: ['Requested by: is not a Jira user of this site (no account has its account id)'] },
      { row: 7, reasons: ["ID: is the same as row 1's; each exception may appear once in a file"] },
      { row: 8, reasons: ['Category: is required'] },
    ]);
    expect(answer.counts).toEqual({ created: 4, skipped: 0, rejected: 5, remaining: 0 });
    expect(answer.rowNumbering).toBe(
      'Rows are counted from 1: row 1 is the first data row below the header (or the first exception of a JSON register).',
    );
    const created = answer.created.map((entry) => entry.row);
    expect(created).toEqual([1, 2, 4, 9]);
    const keys = answer.created.map((entry) => entry.key);
    expect(keys.map((key) => site().statusOf(key))).toEqual([
      'Risk Review',
      'Submitted',
      'Approved',
      'Submitted',
    ]);
    const register = JSON.parse(await exportOf(IMPORTED, 'json')) as {
      exceptions: {
        key: string;
        affectedAssets: string[];
        justification: string;
        riskRating: string | null;
        history: unknown[];
      }[];
    };
    const byKey = new Map(register.exceptions.map((exception) => [exception.key, exception]));
    expect(byKey.get(keys[0] ?? '')).toMatchObject({
      affectedAssets: ['crm-01', 'crm-02'],
      riskRating: null,
    });
    expect(byKey.get(keys[1] ?? '')).toMatchObject({
      justification: '=vendor asks',
      affectedAssets: ['fw-01', 'fw-02'],
    });
    expect(byKey.get(keys[2] ?? '')?.history).toEqual([
      { at: '2026-12-04T00:00:00Z', action: 'submitted', by: requester },
      {
        at: '2026-12-04T00:00:00Z',
        action: 'approved',
        by: null,
        periodStart: '2026-12-04',
        periodEnd: '2027-03-15',
        note: 'imported: the register records no approval; period from creation to expiry',
      },
    ]);
  });

  it('refuses a Rejected row while the workflow keeps Reject to the approver groups, naming why', async () => {
    await setUpEmptyProject(site());
    const header = 'Summary,Exception Type,Status,Requester,Created';
    const answer = await importInto(site(), {
      format: 'csv',
      content: `${header}\nTurned down,Other,Rejected,${requester},2026-12-01\n`,
    });
    expect(answer.rejected).toEqual([
      {
        row: 1,
        reasons: [
          'Status: a Rejected exception cannot be imported into this project: the workflow lets only the approver groups make the move to Rejected, and the app is not in them',
        ],
      },
    ]);
    expect(issuesIn(site(), IMPORTED)).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['a valid request', { projectKey: IMPORTED, format: 'csv', content: 'Key\n' }],
    ['a malformed one', { format: 'xls', content: 42 }],
    ['no payload', undefined],
  ])('refuses a non-admin given %s, before the payload is read, creating nothing', async (_name, payload) => {
    await setUpEmptyProject(site());
    expect(await invoke('importRegister', payload, requester)).toEqual({
      ok: false,
      error: {
        code: 'not-admin',
        message: 'Only Jira administrators can import a security exception register. Nothing was imported.',
      },
    });
    expect(issuesIn(site(), IMPORTED)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a mapping naming a heading the file lacks',
      {
        format: 'csv',
        content: 'Summary,Exception Type,Status,Requester,Created\n',
        mapping: { riskOwner: 'Approver' },
      },
      'The file has no column headed "Approver" (for riskOwner). Nothing was imported; fix the column mapping or the file\'s header row.',
    ],
    [
      'a file that is not JSON',
      { format: 'json', content: '{"version": 1,' },
      'The file is not valid JSON. Nothing was imported.',
    ],
    [
      'a CSV with an unclosed quote',
      { format: 'csv', content: 'Summary,Status\n"open,Submitted\n' },
      'The file is not readable as CSV (a quoted cell is never closed near line 2). Nothing was imported; save it again as CSV from the spreadsheet.',
    ],
  ])('refuses %s as a whole, creating nothing', async (_name, payload, message) => {
    await setUpEmptyProject(site());
    expect(
      await invoke('importRegister', { projectKey: IMPORTED, ...payload }, SITE_USERS.jiraAdmin),
    ).toEqual({
      ok: false,
      error: { code: 'invalid-request', message },
    });
    expect(issuesIn(site(), IMPORTED)).toEqual([]);
  });

  it('triages as usual an exception a person files with a forged import property', async () => {
    const { config } = site();
    const { key } = await site()
      .site.asUser(requester)
      .createIssue(
        {
          project: { key: 'SEC' },
          issuetype: { id: config.issueTypeId },
          summary: 'Forged',
          ...writeFields(config, { urgency: 'Standard', ...EDR_GAP }),
        },
        { properties: { [IMPORT_PROPERTY_KEY]: { identity: 'key:SEC-1', finished: true } } },
      );
    await site().sim.idle();
    expect(site().statusOf(key)).toBe('Approved');
    expect((await site().lifecycle(key)).history.map((entry) => entry.action)).toEqual([
      'submitted',
      'auto-approved',
    ]);
  });
});
