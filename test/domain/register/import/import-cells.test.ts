/** ISSUE 7 item 4: what a spreadsheet cell holds, read into register values with exact problems. */
import {
  cellText,
  readChoice,
  readDate,
  readInstant,
  readList,
  readUser,
  unescapeCell,
} from '../../../../src/domain/register/import/import-cells';
import { neutralise } from '../../../../src/application/register-csv';
import { STATUSES } from '../../../../src/domain/vocabulary';

const ISO_HINT = 'must be a date written YYYY-MM-DD, e.g. 2026-12-01';
const AMBIGUOUS =
  'is ambiguous (its day and month could be either way round): write the date as YYYY-MM-DD, e.g. 2026-12-01';

describe('readDate', () => {
  it.each<[string, { ok: true; value: string } | { ok: false; problem: string }]>([
    ['2026-12-01', { ok: true, value: '2026-12-01' }],
    ['13/12/2026', { ok: true, value: '2026-12-13' }],
    ['12/13/2026', { ok: true, value: '2026-12-13' }],
    ['1.2.2026', { ok: false, problem: AMBIGUOUS }],
    ['01/12/2026', { ok: false, problem: AMBIGUOUS }],
    ['05/05/2026', { ok: true, value: '2026-05-05' }],
    ['31/02/2026', { ok: false, problem: 'must be a real calendar date' }],
    ['2026-02-30', { ok: false, problem: 'must be a real calendar date' }],
    ['Dec 1 2026', { ok: false, problem: ISO_HINT }],
    ['01/12/26', { ok: false, problem: ISO_HINT }],
  ])('%s', (cell, expected) => {
    expect(readDate(cell)).toEqual(expected);
  });
});

describe('readInstant', () => {
  it.each<[string, unknown]>([
    ['2026-11-21T09:00:00Z', { ok: true, value: '2026-11-21T09:00:00Z' }],
    ['2026-11-21T09:00:00+01:00', { ok: true, value: '2026-11-21T09:00:00+01:00' }],
    ['2026-11-21', { ok: true, value: '2026-11-21T00:00:00Z' }],
    ['21/11/2026', { ok: true, value: '2026-11-21T00:00:00Z' }],
    [
      '2026-11-21T09:00:00',
      { ok: false, problem: 'must be an ISO-8601 date-time with a time zone, e.g. 2026-11-21T09:00:00Z' },
    ],
  ])('%s', (cell, expected) => {
    expect(readInstant(cell)).toEqual(expected);
  });
});

describe('cellText', () => {
  it.each<[string | undefined, string]>([
    [undefined, ''],
    ['', ''],
    ['   ', ''],
    ['N/A', ''],
    ['n/a', ''],
    ['NA', ''],
    ['none', ''],
    ['-', ''],
    ['—', ''],
    ['  kept  ', 'kept'],
    ["'=SUM(A1)", '=SUM(A1)'],
    ["'@cmd", '@cmd'],
    ["'-1", '-1'],
    ["it's fine", "it's fine"],
    ["'plain quote", "'plain quote"],
  ])('%j reads as %j', (cell, expected) => {
    expect(cellText(cell)).toBe(expected);
  });

  it.each([
    '=HYPERLINK("x")',
    '+1',
    '-2',
    '@SUM(1)',
    'line one\n=evil()',
    'a\r\n+b',
    '＝full width',
    '\tTab',
  ])('reads back the export escape of %j exactly', (text) => {
    expect(unescapeCell(String(neutralise(text)))).toBe(text);
  });
});

describe('readChoice', () => {
  it.each([
    ['risk review', 'Risk Review'],
    ['RISK  REVIEW', 'Risk Review'],
    ['approved', 'Approved'],
  ])('%s is %s', (cell, expected) => {
    expect(readChoice(cell, STATUSES)).toEqual({ ok: true, value: expected });
  });

  it('names the choices, never the cell', () => {
    expect(readChoice('<script>', ['Urgent', 'Standard'])).toEqual({
      ok: false,
      problem: 'is not one of "Urgent", "Standard"',
    });
  });
});

describe('readList', () => {
  it.each<[string, string[]]>([
    ['crm-01', ['crm-01']],
    ['a, b;c', ['a', 'b', 'c']],
    ['a\nb\r\nc', ['a', 'b', 'c']],
    ['a;; a ; N/A', ['a']],
    ['', []],
  ])('%j', (cell, expected) => {
    expect(readList(cell)).toEqual(expected);
  });
});

describe('readUser', () => {
  it.each<[string, unknown]>([
    [
      '5b10ac8d82e05b22cc7d4ef5',
      { ok: true, value: { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: '' } },
    ],
    ['Ana Lopez (a1)', { ok: true, value: { accountId: 'a1', displayName: 'Ana Lopez' } }],
    [
      'Ana Lopez',
      { ok: false, problem: 'must be a Jira account id, or a name followed by the account id in brackets' },
    ],
  ])('%j', (cell, expected) => {
    expect(readUser(cell)).toEqual(expected);
  });
});
