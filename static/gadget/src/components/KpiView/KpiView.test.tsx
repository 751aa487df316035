import { act, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_GADGET_CONFIG, type GadgetConfig } from '@contracts/gadget-kpis';
import { bridgeCalls, onBridge, onInvoke, resetBridge } from '@shared/test/bridge-stub';
import { answer, emptyAnswer } from '../../test/kpi-answer';
import { KpiView } from './KpiView';

type RefreshListener = (payload: unknown) => void;
let refreshListeners: RefreshListener[] = [];

beforeEach(() => {
  refreshListeners = [];
  onBridge('on', (call) => {
    const { event, callback } = call as { event: string; callback: RefreshListener };
    if (event === 'JIRA_DASHBOARD_GADGET_REFRESH') refreshListeners.push(callback);
    return { unsubscribe: () => undefined };
  });
});
afterEach(() => {
  resetBridge();
  jest.useRealTimers();
});

const kpiCalls = () => bridgeCalls.filter(([name]) => name === 'invoke');

const show = (config: GadgetConfig = DEFAULT_GADGET_CONFIG, configUnreadable = false) =>
  render(
    <KpiView
      config={config}
      gadgetId="10042"
      siteUrl="https://acme.atlassian.net"
      configUnreadable={configUnreadable}
    />,
  );

describe('KpiView', () => {
  it('asks for the KPIs with its configuration and shows the period, freshness, projects and notes', async () => {
    onInvoke({ getKpis: () => answer });
    show();

    expect(screen.getByText('Loading the KPIs…')).toBeTruthy();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Security exceptions, Dec 2025 – Nov 2026' }),
    ).toBeTruthy();
    expect(kpiCalls()).toEqual([
      ['invoke', { functionKey: 'getKpis', payload: { config: DEFAULT_GADGET_CONFIG } }],
    ]);
    expect(
      screen.getByText('As of 29 Nov 2026, 09:45 UTC · Projects: SEC, OPS (OPS counted live)'),
    ).toBeTruthy();
    expect(screen.getByText('About these numbers')).toBeTruthy();
    expect(
      screen.getByText('OPS is being counted for the first time; its numbers come from Jira directly.'),
    ).toBeTruthy();
    const types = screen.getByRole('list', { name: 'Top exception types' });
    expect(
      within(types)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['MFA bypass30', 'Firewall rule15']);
    expect(screen.queryByText('Loading the KPIs…')).toBeNull();
    expect(await screen.findByRole('table', { name: 'Exceptions created per month' })).toBeTruthy();
  });

  it('says there are no exceptions yet rather than show empty tiles', async () => {
    onInvoke({ getKpis: () => emptyAnswer });
    show();

    expect(await screen.findByRole('heading', { name: 'No security exceptions yet' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Overdue' })).toBeNull();
    expect(screen.getByText('As of 29 Nov 2026, 09:45 UTC · Projects: SEC')).toBeTruthy();
  });

  it('shows a refusal with its message and problems', async () => {
    onInvoke({
      getKpis: () => ({
        ok: false,
        error: {
          code: 'invalid-request',
          message: 'Jira refused the gadget’s JQL filter.',
          problems: [{ path: 'config.scope.jql', message: 'is not valid JQL' }],
        },
      }),
    });
    show({ ...DEFAULT_GADGET_CONFIG, scope: { kind: 'jql', jql: 'project = = SEC' } });

    expect(await screen.findByText('The request was not accepted')).toBeTruthy();
    expect(screen.getByText('Jira refused the gadget’s JQL filter.')).toBeTruthy();
    expect(screen.getByRole('listitem').textContent).toBe('config.scope.jql: is not valid JQL');
  });

  it('shows a failed call and tries again on request', async () => {
    onInvoke({ getKpis: () => ({ unexpected: true }) });
    show();

    expect(await screen.findByText('Something went wrong')).toBeTruthy();
    expect(
      screen.getByText(
        "The app's server answered getKpis in a shape this page does not know. Reload the page: the app may just have been updated.",
      ),
    ).toBeTruthy();
    onInvoke({ getKpis: () => answer });
    act(() => {
      screen.getByRole('button', { name: 'Try again' }).click();
    });
    expect(await screen.findByRole('region', { name: 'Overdue' })).toBeTruthy();
    expect(kpiCalls()).toHaveLength(2);
  });

  it('warns when the saved settings could not be read', async () => {
    onInvoke({ getKpis: () => answer });
    show(DEFAULT_GADGET_CONFIG, true);

    expect(screen.getByText('Showing the default settings')).toBeTruthy();
    await screen.findByRole('region', { name: 'Overdue' });
  });

  it('fetches again every refreshMinutes, and not before', async () => {
    jest.useFakeTimers();
    onInvoke({ getKpis: () => answer });
    const mounted = Date.now();
    show({ ...DEFAULT_GADGET_CONFIG, refreshMinutes: 5 });
    await screen.findByRole('region', { name: 'Overdue' });
    expect(kpiCalls()).toHaveLength(1);

    await act(async () => {
      // The clock counts from the first fetch (when the view mounted); waiting for the tiles moved it a little.
      jest.advanceTimersByTime(5 * 60_000 - 1 - (Date.now() - mounted));
      await Promise.resolve();
    });
    expect(kpiCalls()).toHaveLength(1);
    await act(async () => {
      jest.advanceTimersByTime(1);
      await Promise.resolve();
    });
    await waitFor(() => {
      expect(kpiCalls()).toHaveLength(2);
    });
    await waitFor(() => {
      expect(screen.queryByText('Refreshing the KPIs…')).toBeNull();
    });
    await act(async () => {
      jest.advanceTimersByTime(5 * 60_000);
      await Promise.resolve();
    });
    await waitFor(() => {
      expect(kpiCalls()).toHaveLength(3);
    });
  });

  it('never fetches on its own when refreshMinutes is 0', async () => {
    jest.useFakeTimers();
    onInvoke({ getKpis: () => answer });
    show({ ...DEFAULT_GADGET_CONFIG, refreshMinutes: 0 });
    await screen.findByRole('region', { name: 'Overdue' });

    await act(async () => {
      jest.advanceTimersByTime(24 * 60 * 60_000);
      await Promise.resolve();
    });
    expect(kpiCalls()).toHaveLength(1);
  });

  it("fetches again on Jira's refresh event for the dashboard or this gadget, not for another gadget", async () => {
    onInvoke({ getKpis: () => answer });
    show({ ...DEFAULT_GADGET_CONFIG, refreshMinutes: 0 });
    await screen.findByRole('region', { name: 'Overdue' });
    await waitFor(() => {
      expect(refreshListeners.length).toBeGreaterThan(0);
    });
    const fire = (payload: unknown) => {
      act(() => {
        refreshListeners.forEach((listener) => {
          listener(payload);
        });
      });
    };

    fire({ origin: 'gadget', gadgetId: '99999' });
    expect(kpiCalls()).toHaveLength(1);
    fire({ origin: 'dashboard' });
    await waitFor(() => {
      expect(kpiCalls()).toHaveLength(2);
    });
    fire({ origin: 'gadget', gadgetId: '10042' });
    await waitFor(() => {
      expect(kpiCalls()).toHaveLength(3);
    });
  });
});
