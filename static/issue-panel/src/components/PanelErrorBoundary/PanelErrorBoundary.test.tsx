import { render, screen } from '@testing-library/react';
import { Suspense, lazy } from 'react';
import { PanelErrorBoundary } from './PanelErrorBoundary';

describe('PanelErrorBoundary', () => {
  it('shows a plain message when a lazy view cannot be downloaded', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const Broken = lazy(() => Promise.reject(new Error('chunk failed to load')));
    render(
      <PanelErrorBoundary>
        <Suspense fallback={<p>Loading</p>}>
          <Broken />
        </Suspense>
      </PanelErrorBoundary>,
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The panel could not be shown. Reload the page; if it keeps failing, ask a Jira admin to look at the app.',
    );
    expect(errors.mock.calls.some((args) => args[0] === 'The issue panel failed to show.')).toBe(true);
    errors.mockRestore();
  });

  it('shows its children when nothing fails', () => {
    render(
      <PanelErrorBoundary>
        <p>All well</p>
      </PanelErrorBoundary>,
    );
    expect(screen.getByText('All well')).toBeTruthy();
  });
});
