import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ExceptionSummary } from '@contracts/issue-panel';
import { bridgeCalls, onInvoke, resetBridge } from '@shared/test/bridge-stub';
import { preloadResultViews } from '../../lazy-views';
import { exceptionSummary } from '../../test/summary-fixture';
import { issueChangedEvents } from '../../test/panel-bridge';
import { ExceptionPanel } from './ExceptionPanel';

// The result views are a lazy chunk (lazy-views.tsx); load it once so each test waits only for the panel.
beforeAll(async () => {
  await preloadResultViews();
});
afterEach(resetBridge);

const CONTEXT = { issueKey: 'SEC-12', issueId: '10012', locale: 'en-GB' };
const DELAY = 30;
const summaryCalls = () => bridgeCalls.filter(([name]) => name === 'invoke').length;
const wait = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

/** Answers each call with the next status, so a refetch shows. */
const answersInTurn = (...statuses: ExceptionSummary['status'][]) => {
  let call = 0;
  onInvoke({
    getExceptionSummary: () => {
      const status = statuses[Math.min(call, statuses.length - 1)] ?? 'Approved';
      call += 1;
      return { ok: true, summary: exceptionSummary({ status }) };
    },
  });
};

describe('ExceptionPanel', () => {
  it('shows a refusal with its message', async () => {
    issueChangedEvents();
    onInvoke({
      getExceptionSummary: () => ({
        ok: false,
        error: {
          code: 'invalid-request',
          message:
            'This issue does not exist, or you may not see it. Reload the page; if it persists, ask whoever shared it.',
        },
      }),
    });
    render(<ExceptionPanel context={CONTEXT} />);
    expect(await screen.findByText('The request was not accepted')).toBeTruthy();
    expect(
      screen.getByText(
        'This issue does not exist, or you may not see it. Reload the page; if it persists, ask whoever shared it.',
      ),
    ).toBeTruthy();
  });

  it('shows a failed call and tries again on request', async () => {
    issueChangedEvents();
    let calls = 0;
    onInvoke({
      getExceptionSummary: () => {
        calls += 1;
        if (calls === 1) throw new Error('network');
        return { ok: true, summary: { kind: 'not-an-exception' } };
      },
    });
    render(<ExceptionPanel context={CONTEXT} />);
    expect(await screen.findByText('Something went wrong')).toBeTruthy();
    expect(
      screen.getByText(
        'The app could not reach its server (getExceptionSummary). Reload the page; if it keeps failing, ask a Jira admin to look at the app.',
      ),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByText('This issue is not a security exception, so there is nothing here to track.'),
    ).toBeTruthy();
  });

  it('shows an answer of the wrong shape as a failure, not as data', async () => {
    issueChangedEvents();
    onInvoke({ getExceptionSummary: () => ({ ok: true, summary: { kind: 'exception', key: 'SEC-12' } }) });
    render(<ExceptionPanel context={CONTEXT} />);
    expect(
      await screen.findByText(
        "The app's server answered getExceptionSummary in a shape this page does not know. Reload the page: the app may just have been updated.",
      ),
    ).toBeTruthy();
  });

  it('asks again once, after a burst of change events for this issue, and shows the new status', async () => {
    const events = issueChangedEvents();
    answersInTurn('Risk Review', 'Approved');
    render(<ExceptionPanel context={CONTEXT} refreshDelayMs={DELAY} />);
    expect((await screen.findByText('Risk Review')).textContent).toBe('Risk Review');
    await waitFor(() => {
      expect(events.subscriberCount()).toBe(1);
    });

    act(() => {
      events.emit({
        issueId: '10012',
        projectId: '10000',
        changes: [{ changeType: 'updated', atlassianId: 'a' }],
      });
      events.emit({
        issueId: 10012,
        projectId: '10000',
        changes: [{ changeType: 'commented', atlassianId: 'a' }],
      });
      events.emit({ issueId: '10012', projectId: '10000', changes: [] });
    });
    // The shown answer stays while the panel asks again.
    expect(screen.getByText('Risk Review')).toBeTruthy();
    expect(await screen.findByText('Approved')).toBeTruthy();
    await wait(DELAY * 3);
    expect(summaryCalls()).toBe(2);
  });

  it('ignores change events for another issue', async () => {
    const events = issueChangedEvents();
    answersInTurn('Risk Review', 'Approved');
    render(<ExceptionPanel context={CONTEXT} refreshDelayMs={DELAY} />);
    await screen.findByText('Risk Review');
    await waitFor(() => {
      expect(events.subscriberCount()).toBe(1);
    });
    act(() => {
      events.emit({ issueId: '99999', projectId: '10000', changes: [] });
    });
    await wait(DELAY * 3);
    expect(summaryCalls()).toBe(1);
    expect(screen.getByText('Risk Review')).toBeTruthy();
  });

  it('asks again when the page is shown again', async () => {
    issueChangedEvents();
    answersInTurn('Risk Review', 'Rejected');
    render(<ExceptionPanel context={CONTEXT} refreshDelayMs={DELAY} />);
    await screen.findByText('Risk Review');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(await screen.findByText('Rejected')).toBeTruthy();
    expect(summaryCalls()).toBe(2);
  });

  it('stops listening when it goes away', async () => {
    const events = issueChangedEvents();
    answersInTurn('Approved');
    const { unmount } = render(<ExceptionPanel context={CONTEXT} refreshDelayMs={DELAY} />);
    await screen.findByText('Approved');
    await waitFor(() => {
      expect(events.subscriberCount()).toBe(1);
    });
    unmount();
    expect(events.subscriberCount()).toBe(0);
  });
});
