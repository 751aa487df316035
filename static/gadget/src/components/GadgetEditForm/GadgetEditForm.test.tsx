import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_GADGET_CONFIG, MAX_GADGET_JQL_LENGTH } from '@contracts/gadget-kpis';
import { bridgeCalls, onBridge, resetBridge } from '@shared/test/bridge-stub';
import { GadgetEditForm } from './GadgetEditForm';

afterEach(resetBridge);

const submits = () => bridgeCalls.filter(([name]) => name === 'submit').map(([, payload]) => payload);

/** The message shown under a field (its aria-describedby). */
const messageOf = (label: string): string => {
  const field = screen.getByLabelText(label);
  const id = field.getAttribute('aria-describedby') ?? '';
  return document.getElementById(id)?.textContent ?? '';
};

describe('GadgetEditForm', () => {
  it('shows the schema’s messages next to a too long JQL and a month count out of range, and submits nothing', async () => {
    const user = userEvent.setup();
    onBridge('submit', () => true);
    render(<GadgetEditForm config={DEFAULT_GADGET_CONFIG} />);

    await user.click(screen.getByLabelText('A JQL filter'));
    const jql = screen.getByLabelText('JQL filter');
    await user.click(jql);
    await user.paste('x'.repeat(MAX_GADGET_JQL_LENGTH + 1));
    const months = screen.getByLabelText('Number of months');
    await user.clear(months);
    await user.type(months, '61');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(messageOf('JQL filter')).toBe('must be at most 2000 characters');
    expect(messageOf('Number of months')).toBe('must be at most 60');
    expect(screen.getByRole('alert').textContent).toBe('2 settings need a change before saving.');
    expect(submits()).toEqual([]);

    await user.clear(months);
    await user.type(months, '0');
    expect(messageOf('Number of months')).toBe('must be at least 1');
    await user.clear(months);
    expect(messageOf('Number of months')).toBe('must be a number');
  });

  it('names a bad project key, an empty JQL, a target out of range and a month written wrongly', async () => {
    const user = userEvent.setup();
    render(<GadgetEditForm config={DEFAULT_GADGET_CONFIG} />);

    await user.click(screen.getByLabelText('Chosen projects'));
    await user.type(screen.getByLabelText('Project keys'), 'SEC, 9ops');
    await user.click(screen.getByLabelText('From one month to another'));
    await user.type(screen.getByLabelText('First month'), '2026-13');
    await user.type(screen.getByLabelText('Assets excepted target'), '5');
    await user.type(screen.getByLabelText('Decision target (hours)'), '1.5');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(messageOf('Project keys')).toBe('project 2 must be a Jira project key such as SEC');
    expect(messageOf('First month')).toBe('must be a month written YYYY-MM');
    expect(messageOf('Assets excepted target')).toBe('must be a fraction from 0 to 1');
    expect(messageOf('Decision target (hours)')).toBe('must be whole hours');

    await user.click(screen.getByLabelText('A JQL filter'));
    await user.type(screen.getByLabelText('JQL filter'), '   ');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(messageOf('JQL filter')).toBe('must not be empty');
    expect(submits()).toEqual([]);
  });

  it('submits the exact configuration, with Forge’s refresh in minutes', async () => {
    const user = userEvent.setup();
    onBridge('submit', () => true);
    render(<GadgetEditForm config={DEFAULT_GADGET_CONFIG} />);

    await user.click(screen.getByLabelText('Chosen projects'));
    await user.type(screen.getByLabelText('Project keys'), 'sec ops,');
    await user.click(screen.getByLabelText('From one month to another'));
    await user.type(screen.getByLabelText('First month'), '2026-01');
    await user.clear(screen.getByLabelText('Last month'));
    await user.type(screen.getByLabelText('Last month'), '2026-06');
    await user.type(screen.getByLabelText('Assets excepted target'), '0.1');
    await user.type(screen.getByLabelText('Decision target (hours)'), '72');
    await user.click(screen.getByLabelText('Every 30 minutes'));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(submits()).toEqual([
        {
          scope: { kind: 'projects', projectKeys: ['SEC', 'OPS'] },
          period: { kind: 'fixed', from: '2026-01', to: '2026-06' },
          targets: { assetsExceptedTarget: 0.1, decisionTargetHours: 72 },
          refreshMinutes: 30,
          refresh: 30,
        },
      ]);
    });
  });

  it('submits no Forge refresh when the gadget refreshes only on load, and starts from the saved settings', async () => {
    const user = userEvent.setup();
    onBridge('submit', () => true);
    render(
      <GadgetEditForm
        config={{
          scope: { kind: 'jql', jql: 'project = SEC' },
          period: { kind: 'rolling', months: 6 },
          refreshMinutes: 15,
        }}
      />,
    );

    expect(screen.getByLabelText<HTMLTextAreaElement>('JQL filter').value).toBe('project = SEC');
    expect(screen.getByLabelText<HTMLInputElement>('Number of months').value).toBe('6');
    await user.click(screen.getByLabelText('Only when the dashboard loads'));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(submits()).toEqual([
        {
          scope: { kind: 'jql', jql: 'project = SEC' },
          period: { kind: 'rolling', months: 6 },
          refreshMinutes: 0,
        },
      ]);
    });
  });

  it('says when Jira did not save, and Cancel closes the editor', async () => {
    const user = userEvent.setup();
    onBridge('submit', () => false);
    onBridge('close', () => true);
    render(<GadgetEditForm config={DEFAULT_GADGET_CONFIG} />);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The settings were not saved')).toBeTruthy();
    expect(screen.getByText("this resource's view is not submittable.")).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(bridgeCalls.filter(([name]) => name === 'close')).toHaveLength(1);
  });
});
