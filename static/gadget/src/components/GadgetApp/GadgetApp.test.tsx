import { render, screen } from '@testing-library/react';
import { DEFAULT_GADGET_CONFIG } from '@contracts/gadget-kpis';
import { bridgeCalls, onBridge, onInvoke, resetBridge } from '@shared/test/bridge-stub';
import { answer } from '../../test/kpi-answer';
import { GadgetApp } from './GadgetApp';

beforeEach(() => {
  onBridge('on', () => ({ unsubscribe: () => undefined }));
  onInvoke({ getKpis: () => answer });
});
afterEach(resetBridge);

const context = (extension: Record<string, unknown>) => () => ({
  siteUrl: 'https://acme.atlassian.net/',
  extension: { type: 'jira:dashboardGadget', gadget: { id: '10042' }, dashboard: { id: '1' }, ...extension },
});

const kpiPayloads = () =>
  bridgeCalls.filter(([name]) => name === 'invoke').map(([, call]) => (call as { payload: unknown }).payload);

describe('GadgetApp', () => {
  it('asks for the KPIs with the saved configuration, without Forge’s own refresh member', async () => {
    const saved = {
      scope: { kind: 'projects', projectKeys: ['SEC'] },
      period: { kind: 'rolling', months: 6 },
      refreshMinutes: 30,
    };
    onBridge('getContext', context({ gadgetConfiguration: { ...saved, refresh: 30 } }));
    render(<GadgetApp />);

    await screen.findByRole('region', { name: 'Overdue' });
    expect(kpiPayloads()).toEqual([{ config: saved }]);
    expect(
      screen
        .getAllByRole('link', { name: 'Open the 2 open-ended exceptions in Jira' })[0]
        ?.getAttribute('href'),
    ).toMatch(/^https:\/\/acme\.atlassian\.net\/issues\/\?jql=/);
  });

  it('uses the default configuration for a new gadget', async () => {
    onBridge('getContext', context({ gadgetConfiguration: {} }));
    render(<GadgetApp />);

    await screen.findByRole('region', { name: 'Overdue' });
    expect(kpiPayloads()).toEqual([{ config: DEFAULT_GADGET_CONFIG }]);
    expect(screen.queryByText('Showing the default settings')).toBeNull();
  });

  it('says so when the saved configuration is not one it can read, and shows the default', async () => {
    onBridge('getContext', context({ gadgetConfiguration: { scope: { kind: 'everything' }, refresh: 15 } }));
    render(<GadgetApp />);

    expect(await screen.findByText('Showing the default settings')).toBeTruthy();
    await screen.findByRole('region', { name: 'Overdue' });
    expect(kpiPayloads()).toEqual([{ config: DEFAULT_GADGET_CONFIG }]);
  });

  it('opens the settings form in edit mode and asks for no KPIs', async () => {
    onBridge('getContext', context({ entryPoint: 'edit', gadgetConfiguration: { refresh: 15 } }));
    render(<GadgetApp />);

    expect(await screen.findByRole('heading', { name: 'Gadget settings' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Every 15 minutes').checked).toBe(true);
    expect(kpiPayloads()).toEqual([]);
  });

  it('shows an error when the context cannot be read', async () => {
    onBridge('getContext', () => {
      throw new Error('no host');
    });
    render(<GadgetApp />);

    expect(
      await screen.findByText('The gadget could not read where it is shown. Reload the dashboard.'),
    ).toBeTruthy();
  });
});
