import { fireEvent, render, screen, within } from '@testing-library/react';
import { bridgeCalls, onInvoke, resetBridge } from '@shared/test/bridge-stub';
import { SetupTab } from './SetupTab';

afterEach(resetBridge);
jest.setTimeout(60_000);

const status = {
  ok: true,
  status: {
    ready: false,
    present: ['field "Risk Rating" (customfield_10020)'],
    missing: ['workflow "Security Exception"'],
  },
};

const items = (name: string) =>
  within(screen.getByRole('list', { name }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

const runFor = async (key: string) => {
  await screen.findByText('Not ready');
  fireEvent.change(screen.getByLabelText('Project key'), { target: { value: key } });
  fireEvent.click(screen.getByRole('button', { name: 'Run setup' }));
};

describe('SetupTab', () => {
  it('shows what exists and what is missing, runs setup for the key and shows its report', async () => {
    onInvoke({
      getSetupStatus: () => status,
      runSetup: () => ({
        ok: true,
        report: {
          created: ['workflow "Security Exception"', 'screen "Exception create"'],
          adopted: ['field "Risk Rating" (customfield_10020)'],
          skipped: [],
          problems: ['Create the Jira group "c-level": the High tier names it.'],
        },
      }),
    });
    render(<SetupTab />);
    await runFor('SEC');

    expect(await screen.findByText('Created (2)')).toBeTruthy();
    expect(items('Created')).toEqual(['workflow "Security Exception"', 'screen "Exception create"']);
    expect(items('Adopted')).toEqual(['field "Risk Rating" (customfield_10020)']);
    expect(items('Still to do')).toEqual(['Create the Jira group "c-level": the High tier names it.']);
    expect(items('Missing or changed since setup')).toEqual(['workflow "Security Exception"']);
    const runs = bridgeCalls.filter(
      ([name, call]) => name === 'invoke' && (call as { functionKey: string }).functionKey === 'runSetup',
    );
    expect(runs.map(([, call]) => (call as { payload: unknown }).payload)).toEqual([{ projectKey: 'SEC' }]);
  });

  it('shows a blocked refusal with its conflicts and what to do', async () => {
    onInvoke({
      getSetupStatus: () => status,
      runSetup: () => ({
        ok: false,
        error: {
          code: 'blocked',
          message: 'Setup found 1 conflict on the site.',
          problems: ['A field named "Risk Rating" exists twice.'],
        },
      }),
    });
    render(<SetupTab />);
    await runFor('SEC');

    expect(await screen.findByText('This cannot be done yet')).toBeTruthy();
    expect(screen.getByText('Setup found 1 conflict on the site.')).toBeTruthy();
    expect(items('Problems')).toEqual(['A field named "Risk Rating" exists twice.']);
    expect(
      screen.getByText('Resolve the conflicts listed above in Jira, then run setup again.'),
    ).toBeTruthy();
  });

  it('shows an incomplete run with what it did so far', async () => {
    onInvoke({
      getSetupStatus: () => status,
      runSetup: () => ({
        ok: false,
        error: {
          code: 'incomplete',
          message: 'Setup stopped after 3 steps.',
          report: { created: ['status "Risk Review"'], adopted: [], skipped: [] },
        },
      }),
    });
    render(<SetupTab />);
    await runFor('SEC');

    expect(await screen.findByText('This stopped part-way')).toBeTruthy();
    expect(
      screen.getByText(
        'Setup stopped part-way. Run it again: it resumes where it stopped. What it did so far:',
      ),
    ).toBeTruthy();
    expect(items('Created')).toEqual(['status "Risk Review"']);
  });

  it('does not run setup for a key that is not a project key', async () => {
    onInvoke({ getSetupStatus: () => status });
    render(<SetupTab />);
    await screen.findByText('Not ready');
    fireEvent.change(screen.getByLabelText('Project key'), { target: { value: 'sec-1' } });
    expect(screen.getByText('must be a Jira project key such as SEC')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run setup' }).hasAttribute('disabled')).toBe(true);
  });
});
