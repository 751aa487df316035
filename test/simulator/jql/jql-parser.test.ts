import { parseJql } from '../../../simulator/jql/jql-parser';

const literal = (text: string, quoted = false) => ({ kind: 'literal', text, quoted });
const compare = (field: string, operator: string, text: string, quoted = false) => ({
  kind: 'compare',
  field,
  operator,
  value: literal(text, quoted),
});

describe('parseJql', () => {
  it.each<[string, unknown]>([
    ['project = SEC', { where: compare('project', '=', 'SEC'), orderBy: [] }],
    [
      'a = 1 OR b = 2 AND c = 3',
      {
        where: {
          kind: 'or',
          clauses: [
            compare('a', '=', '1'),
            { kind: 'and', clauses: [compare('b', '=', '2'), compare('c', '=', '3')] },
          ],
        },
        orderBy: [],
      },
    ],
    [
      '(a = 1 OR b = 2) AND NOT c != "x y"',
      {
        where: {
          kind: 'and',
          clauses: [
            { kind: 'or', clauses: [compare('a', '=', '1'), compare('b', '=', '2')] },
            { kind: 'not', clause: compare('c', '!=', 'x y', true) },
          ],
        },
        orderBy: [],
      },
    ],
    [
      'key not in (SEC-1, "SEC-2")',
      {
        where: {
          kind: 'in',
          field: 'key',
          negated: true,
          values: [literal('SEC-1'), literal('SEC-2', true)],
        },
        orderBy: [],
      },
    ],
    ['duedate is not EMPTY', { where: { kind: 'empty', field: 'duedate', negated: true }, orderBy: [] }],
    [
      'reporter = currentUser()',
      {
        where: {
          kind: 'compare',
          field: 'reporter',
          operator: '=',
          value: { kind: 'function', name: 'currentUser', args: [] },
        },
        orderBy: [],
      },
    ],
    [
      'issue.property[security-exception-lifecycle].nextActionAt <= "2026-11-21T09:00:00Z"',
      {
        where: compare(
          'issue.property[security-exception-lifecycle].nextActionAt',
          '<=',
          '2026-11-21T09:00:00Z',
          true,
        ),
        orderBy: [],
      },
    ],
    [
      'created >= -30d order by key desc, created',
      {
        where: compare('created', '>=', '-30d'),
        orderBy: [
          { field: 'key', direction: 'DESC' },
          { field: 'created', direction: 'ASC' },
        ],
      },
    ],
    ['ORDER BY key DESC', { where: undefined, orderBy: [{ field: 'key', direction: 'DESC' }] }],
    ['', { where: undefined, orderBy: [] }],
  ])('parses %j', (jql, expected) => {
    expect(parseJql(jql)).toEqual(expected);
  });

  it.each<[string, string]>([
    [
      'summary ~ "open',
      "Error in the JQL Query: The quoted string 'open' has not been completed. (line 1, character 11)",
    ],
    [
      'project = A & B',
      "Error in the JQL Query: The character '&' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0026' instead. (line 1, character 13)",
    ],
    ['project SEC', "Error in the JQL Query: Expecting operator but got 'SEC'. (line 1, character 9)"],
    [
      'project = A B',
      "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'B'. (line 1, character 13)",
    ],
    ['key in (A-1', "Error in the JQL Query: Expecting ')' but got 'EOF'. (line 1, character 12)"],
    [
      'status = ',
      "Error in the JQL Query: Expecting either a value, list or function but got 'EOF'. (line 1, character 10)",
    ],
  ])('refuses %j', (jql, message) => {
    expect(() => parseJql(jql)).toThrow(message);
  });
});
