import { issueNavigatorPath, kpiJql, monthAfter, quote } from './kpi-jql';

const projects = { scope: { kind: 'projects' as const, projectKeys: ['SEC'] }, projectKeys: ['SEC', 'OPS'] };

describe('kpi-jql', () => {
  it('writes the overdue query of DESIGN.md §6 for the counted projects', () => {
    expect(kpiJql.overdue(projects)).toBe(
      'issuetype = "Exception" AND project in ("SEC", "OPS") AND status not in ("Rejected", "Reverted", "Retired") AND "Expiration Date" < startOfDay()',
    );
  });

  it('writes open-ended, in force and open', () => {
    expect(kpiJql.openEnded(projects)).toBe(
      'issuetype = "Exception" AND project in ("SEC", "OPS") AND status in ("Approved", "Recertification") AND "Expiration Date" is EMPTY',
    );
    expect(kpiJql.inForceWithControls(projects)).toBe(
      'issuetype = "Exception" AND project in ("SEC", "OPS") AND status in ("Approved", "Recertification") AND "Compensating Controls" is not EMPTY',
    );
    expect(kpiJql.open(projects)).toBe(
      'issuetype = "Exception" AND project in ("SEC", "OPS") AND status not in ("Rejected", "Reverted", "Retired")',
    );
  });

  it('counts creation from the first day of the first month to the first day after the last, across a year end', () => {
    expect(kpiJql.created(projects, '2025-12', '2026-11')).toBe(
      'issuetype = "Exception" AND project in ("SEC", "OPS") AND created >= "2025-12-01" AND created < "2026-12-01"',
    );
    expect(monthAfter('2026-12')).toBe('2027-01-01');
    expect(monthAfter('2026-09')).toBe('2026-10-01');
  });

  it('wraps a JQL scope in parentheses, without its ORDER BY', () => {
    const jql = {
      scope: { kind: 'jql' as const, jql: 'project = SEC OR labels = pci ORDER BY created DESC' },
      projectKeys: [],
    };
    expect(kpiJql.openEnded(jql)).toBe(
      'issuetype = "Exception" AND (project = SEC OR labels = pci) AND status in ("Approved", "Recertification") AND "Expiration Date" is EMPTY',
    );
  });

  it('quotes names with quotes and backslashes so they stay one value', () => {
    expect(quote('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
    expect(
      kpiJql.typeCreated(
        { scope: { kind: 'all' }, projectKeys: [] },
        'Third-party / vendor access',
        '2026-01',
        '2026-01',
      ),
    ).toBe(
      'issuetype = "Exception" AND "Exception Type" = "Third-party / vendor access" AND created >= "2026-01-01" AND created < "2026-02-01"',
    );
    expect(
      kpiJql.assetCreated({ scope: { kind: 'all' }, projectKeys: [] }, 'db"01', '2026-01', '2026-02'),
    ).toBe(
      'issuetype = "Exception" AND "Affected Assets" = "db\\"01" AND created >= "2026-01-01" AND created < "2026-03-01"',
    );
  });

  it('encodes the query for the issue navigator', () => {
    expect(issueNavigatorPath('a = "b & c"')).toBe('/issues/?jql=a%20%3D%20%22b%20%26%20c%22');
  });
});
