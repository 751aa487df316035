import { render, screen } from '@testing-library/react';
import { exceptionSummary } from '../../test/summary-fixture';
import { ExceptionDetails } from './ExceptionDetails';

const NOW = new Date('2026-04-29T09:00:00Z');

/** The definition list as "term: value" lines. */
const facts = () =>
  [...document.querySelectorAll('dt')].map(
    (term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`,
  );

describe('ExceptionDetails', () => {
  it('shows status, tier, route, approvers, owner, period, next action and transitions', () => {
    render(<ExceptionDetails summary={exceptionSummary()} locale="en-GB" now={NOW} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Security exception SEC-12');
    expect(facts()).toEqual([
      'Status: Approved',
      'Tier: High',
      'Route: C-level sign-off',
      'Who must approve: Members of c-level-approvers',
      'Risk owner: Dana Owner',
    ]);
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Current period',
      'Next action by the app',
      'Next steps',
    ]);
    expect(screen.getByText('30 days left')).toBeTruthy();
    expect(screen.getByText('14-day reminder').parentElement?.textContent).toBe(
      '14-day reminder on 15 May 2026, 00:00 UTC.',
    );
    expect(screen.getByText('Start recertification: ready')).toBeTruthy();
    expect(screen.getByText('A reason is required to revert: say what must be restored.')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('names each route and every approver group', () => {
    const { rerender } = render(
      <ExceptionDetails
        summary={exceptionSummary({
          tier: 'Medium',
          route: 'tier-1-review',
          approverGroups: ['sec-review', 'sec-leads'],
        })}
        locale="en-GB"
        now={NOW}
      />,
    );
    expect(facts().slice(2, 4)).toEqual([
      'Route: Tier-1 review',
      'Who must approve: A member of any of: sec-review, sec-leads',
    ]);
    rerender(
      <ExceptionDetails
        summary={exceptionSummary({ tier: 'Low', route: 'auto-approve', approverGroups: [] })}
        locale="en-GB"
        now={NOW}
      />,
    );
    expect(facts().slice(2, 4)).toEqual([
      'Route: Auto-approve',
      'Who must approve: No approver group is set for this tier; a Jira admin sets one in the policy.',
    ]);
  });

  it('flags an inactive risk owner and says when none is set', () => {
    const { rerender } = render(
      <ExceptionDetails
        summary={exceptionSummary({ riskOwner: { accountId: 'a', displayName: 'Old Owner', active: false } })}
        locale="en-GB"
        now={NOW}
      />,
    );
    expect(facts()[4]).toBe(
      'Risk owner: Old Owner InactiveThis account is deactivated: name an active risk owner.',
    );
    rerender(<ExceptionDetails summary={exceptionSummary({ riskOwner: null })} locale="en-GB" now={NOW} />);
    expect(facts()[4]).toBe('Risk owner: Not set');
  });

  it('shows the checklist in recertification, and says when no period runs yet', () => {
    render(
      <ExceptionDetails
        summary={exceptionSummary({
          status: 'Submitted',
          period: null,
          nextAction: null,
          checklist: [
            { check: 'Controls still effective', done: false },
            { check: 'Justification still valid', done: false },
            { check: 'No better option available', done: false },
          ],
          transitions: [],
        })}
        locale="en-GB"
        now={NOW}
      />,
    );
    expect(screen.getByText('Not approved yet: no period is running.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Recertification checklist' })).toBeTruthy();
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    expect(screen.getByText('No transition is open to you from this status.')).toBeTruthy();
  });
});
