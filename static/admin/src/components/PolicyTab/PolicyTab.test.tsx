import { fireEvent, render, screen } from '@testing-library/react';
import { bridgeCalls, onInvoke, resetBridge } from '@shared/test/bridge-stub';
import { storedPolicy, versionsAnswer } from '../../test/policy-answer';
import { PolicyTab } from './PolicyTab';

afterEach(resetBridge);
// The editor renders every policy setting; on a shared 2-core machine one save round takes tens of seconds.
jest.setTimeout(120_000);

const invoked = (name: string) =>
  bridgeCalls
    .filter(([bridge]) => bridge === 'invoke')
    .map(([, call]) => call as { functionKey: string; payload: unknown })
    .filter((call) => call.functionKey === name);

const typeInto = (label: string, value: string) => {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
};

describe('PolicyTab', () => {
  it('shows the schema message next to an invalid field, disables Save and saves nothing', async () => {
    onInvoke({
      getPolicy: () => ({ ok: true, policy: storedPolicy(), stored: true }),
      listPolicyVersions: () => versionsAnswer,
    });
    render(<PolicyTab />);
    await screen.findByLabelText('High: longest approval period (days)');

    typeInto('High: longest approval period (days)', '2000');

    const problems = screen.getByRole('list', { name: 'Problems with High: longest approval period (days)' });
    expect(problems.textContent).toBe('must be a whole number of days from 1 to 1825');
    expect(screen.getByRole('alert').textContent).toBe('The policy has 1 problem: fix it to save.');
    const save = screen.getByRole('button', { name: 'Save policy' });
    expect(save.hasAttribute('disabled')).toBe(true);
    fireEvent.click(save);
    expect(invoked('validatePolicy')).toEqual([]);
    expect(invoked('savePolicy')).toEqual([]);
  });

  it('shows the cross-field message of chronic days over the cap', async () => {
    onInvoke({
      getPolicy: () => ({ ok: true, policy: storedPolicy(), stored: true }),
      listPolicyVersions: () => versionsAnswer,
    });
    render(<PolicyTab />);
    await screen.findByLabelText('Cumulative cap across renewals (days)');
    typeInto('Cumulative cap across renewals (days)', '100');
    expect(
      screen.getByRole('list', { name: 'Problems with Chronic after this many cumulative days' }).textContent,
    ).toBe('must not exceed cumulativeCapDays (100): a case is chronic before it is capped');
  });

  it('validates, then saves exactly the edited policy with the version it started from', async () => {
    const policy = storedPolicy();
    onInvoke({
      getPolicy: () => ({ ok: true, policy, stored: true }),
      listPolicyVersions: () => versionsAnswer,
      validatePolicy: () => ({ ok: true, valid: true, problems: [] }),
      savePolicy: (payload) => ({
        ok: true,
        policy: { ...(payload as { policy: object }).policy, version: 4, updatedBy: 'carol' },
      }),
    });
    render(<PolicyTab />);
    await screen.findByLabelText('High: longest approval period (days)');

    typeInto('High: longest approval period (days)', '60');
    typeInto('High: approver groups', 'c-level\n\nrisk-board ');
    typeInto('Assets in scope', '');
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));

    expect(await screen.findByText('Saved as version 4.', undefined, { timeout: 10_000 })).toBeTruthy();
    const edited = {
      ...policy,
      tiers: { ...policy.tiers, High: { maxDurationDays: 60, approverGroups: ['c-level', 'risk-board'] } },
    };
    expect(invoked('validatePolicy').map((call) => call.payload)).toEqual([{ policy: edited }]);
    expect(invoked('savePolicy').map((call) => call.payload)).toEqual([{ policy: edited, baseVersion: 3 }]);
  });

  it('places the server problems next to their fields and does not save', async () => {
    onInvoke({
      getPolicy: () => ({ ok: true, policy: storedPolicy(), stored: true }),
      listPolicyVersions: () => versionsAnswer,
      validatePolicy: () => ({
        ok: true,
        valid: false,
        problems: [{ path: 'packs.MFA bypass.restoreText', message: 'must not be empty' }],
      }),
    });
    render(<PolicyTab />);
    await screen.findByLabelText('High: longest approval period (days)');
    typeInto('Urgent: decision within (hours)', '12');
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));

    expect(
      (await screen.findByRole('list', { name: 'Problems with MFA bypass: what to restore on revert' }))
        .textContent,
    ).toBe('must not be empty');
    expect(invoked('savePolicy')).toEqual([]);
  });

  it('keeps the edits after a version conflict and says to reload', async () => {
    onInvoke({
      getPolicy: () => ({ ok: true, policy: storedPolicy(), stored: true }),
      listPolicyVersions: () => versionsAnswer,
      validatePolicy: () => ({ ok: true, valid: true, problems: [] }),
      savePolicy: () => ({
        ok: false,
        error: {
          code: 'version-conflict',
          message:
            'Version 4 was saved since you opened version 3. Reload the policy and make your change again.',
        },
      }),
    });
    render(<PolicyTab />);
    await screen.findByLabelText('High: longest approval period (days)');
    typeInto('High: longest approval period (days)', '45');
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));

    expect(await screen.findByText('Someone else changed this first')).toBeTruthy();
    expect(
      screen.getByText(
        'Version 4 was saved since you opened version 3. Reload the policy and make your change again.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Your edits are kept')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('High: longest approval period (days)').value).toBe('45');
  });

  it('lists the saved versions with who and when', async () => {
    onInvoke({
      getPolicy: () => ({ ok: true, policy: storedPolicy(), stored: true }),
      listPolicyVersions: () => versionsAnswer,
    });
    render(<PolicyTab />);
    const table = await screen.findByRole('table');
    const rows = Array.from(table.querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['3 current', 'alice', '2026-11-02T10:00:00.000Z'],
      ['2 ', 'bob', '2026-10-01T09:00:00.000Z'],
    ]);
  });

  it('shows a refusal to read the policy', async () => {
    onInvoke({
      getPolicy: () => ({
        ok: false,
        error: { code: 'not-admin', message: 'Only Jira administrators can read it.' },
      }),
      listPolicyVersions: () => versionsAnswer,
    });
    render(<PolicyTab />);
    expect(await screen.findByText('Only Jira administrators can do this')).toBeTruthy();
    expect(screen.getByText('Only Jira administrators can read it.')).toBeTruthy();
  });
});
