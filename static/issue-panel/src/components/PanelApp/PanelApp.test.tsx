import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bridgeCalls, onBridge, onInvoke, resetBridge } from '@shared/test/bridge-stub';
import { preloadResultViews } from '../../lazy-views';
import { exceptionSummary } from '../../test/summary-fixture';
import { issueChangedEvents, issuePanelContext } from '../../test/panel-bridge';
import { PanelApp } from './PanelApp';

// The result views are a lazy chunk (lazy-views.tsx); load it once so each test waits only for the panel.
beforeAll(async () => {
  await preloadResultViews();
});
afterEach(resetBridge);

const invokes = () => bridgeCalls.filter(([name]) => name === 'invoke').map(([, call]) => call);

describe('PanelApp', () => {
  it('asks for the summary of the issue named in the context, and shows it with dates in the viewer locale', async () => {
    onBridge('getContext', () => issuePanelContext());
    issueChangedEvents();
    onInvoke({ getExceptionSummary: () => ({ ok: true, summary: exceptionSummary() }) });
    render(<PanelApp />);

    expect(screen.getByText('Loading the exception…')).toBeTruthy();
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Security exception SEC-12');
    expect(invokes()).toEqual([
      { functionKey: 'getExceptionSummary', payload: { issueKey: 'SEC-12' }, metadata: undefined },
    ]);
    // Jira's `en_GB` is read as en-GB.
    expect(screen.getByText('1 Mar 2026 to 29 May 2026 (90 days)')).toBeTruthy();
  });

  it('says so, and calls nothing, when the context names no issue', async () => {
    onBridge('getContext', () => ({ ...issuePanelContext(), extension: { type: 'jira:adminPage' } }));
    render(<PanelApp />);
    expect(
      await screen.findByText(
        'Jira did not say which issue this panel is on. Open the panel from an issue, or reload the page.',
      ),
    ).toBeTruthy();
    expect(invokes()).toEqual([]);
  });

  it('offers to try again when the context cannot be read, and then works', async () => {
    let attempts = 0;
    onBridge('getContext', () => {
      attempts += 1;
      if (attempts === 1) throw new Error('bridge down');
      return issuePanelContext({ key: 'SEC-7' });
    });
    issueChangedEvents();
    onInvoke({ getExceptionSummary: () => ({ ok: true, summary: { kind: 'not-an-exception' } }) });
    render(<PanelApp />);

    expect(
      await screen.findByText('The panel could not ask Jira which issue it is on. Reload the page.'),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByText('This issue is not a security exception, so there is nothing here to track.'),
    ).toBeTruthy();
    expect(invokes()).toEqual([
      { functionKey: 'getExceptionSummary', payload: { issueKey: 'SEC-7' }, metadata: undefined },
    ]);
  });
});
