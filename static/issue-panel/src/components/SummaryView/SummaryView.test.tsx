import { render, screen, within } from '@testing-library/react';
import { exceptionSummary } from '../../test/summary-fixture';
import { SummaryView } from './SummaryView';

const NOW = new Date('2026-04-29T09:00:00Z');

describe('SummaryView', () => {
  it('shows an exception in full', () => {
    render(<SummaryView summary={exceptionSummary()} locale="en-GB" now={NOW} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Security exception SEC-12');
  });

  it('says briefly that another issue is not an exception', () => {
    render(<SummaryView summary={{ kind: 'not-an-exception' }} locale="en-GB" now={NOW} />);
    expect(document.body.textContent).toBe(
      'This issue is not a security exception, so there is nothing here to track.',
    );
  });

  it('lists what cannot be read, as text', () => {
    render(
      <SummaryView
        summary={{
          kind: 'unreadable',
          problems: ['Expiration Date: the field is missing', '<b>Risk Owner</b>'],
        }}
        locale="en-GB"
        now={NOW}
      />,
    );
    expect(screen.getByText('The app cannot read this exception')).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Problems' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Expiration Date: the field is missing', '<b>Risk Owner</b>']);
    expect(document.querySelector('b')).toBeNull();
  });
});
