import { render, screen } from '@testing-library/react';
import type { ExceptionSummary } from '@contracts/issue-panel';
import { NextAction } from './NextAction';

type Action = NonNullable<ExceptionSummary['nextAction']>['action'];
const BEFORE = new Date('2026-05-01T12:00:00Z');
const next = (action: Action) => ({
  action,
  dueAt: '2026-05-15T00:00:00Z',
  reason: 'Because the policy says so.',
});

describe('NextAction', () => {
  it.each<[Action, string]>([
    ['remind-75', '75 % reminder'],
    ['remind-14d', '14-day reminder'],
    ['start-recertification', 'Recertification starts'],
    ['revert', 'Reverts'],
    ['escalate-chronic', 'Escalates as chronic'],
    ['sla-breach', 'SLA breach flagged'],
  ])('names %s as "%s" with its date in the viewer locale, in UTC', (action, label) => {
    render(<NextAction nextAction={next(action)} locale="en-GB" now={BEFORE} />);
    expect(screen.getByText(label).textContent).toBe(label);
    expect(screen.getByText(label).parentElement?.textContent).toBe(`${label} on 15 May 2026, 00:00 UTC.`);
    expect(screen.getByText('Because the policy says so.')).toBeTruthy();
  });

  it('says an action already due is done by the next run', () => {
    render(<NextAction nextAction={next('revert')} locale="en-US" now={new Date('2026-05-16T00:00:00Z')} />);
    expect(screen.getByText('Reverts').parentElement?.textContent).toBe(
      "Reverts: due since May 15, 2026, 12:00 AM UTC; the app's next run does it.",
    );
  });

  it('says when nothing is planned', () => {
    render(<NextAction nextAction={null} locale="en-GB" now={BEFORE} />);
    expect(
      screen.getByText('Nothing is scheduled: the app has no action planned for this exception.'),
    ).toBeTruthy();
  });
});
