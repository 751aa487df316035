import { act, render, screen } from '@testing-library/react';
import type { Refusal } from '@contracts/refusal';
import { useResolver } from './use-resolver';

type Answer = { readonly ok: true; readonly value: string };

/** A call whose every run waits until the test settles it. */
const deferredCalls = () => {
  const pending: { resolve: (value: Answer | Refusal) => void; reject: (error: unknown) => void }[] = [];
  const call = () =>
    new Promise<Answer | Refusal>((resolve, reject) => {
      pending.push({ resolve, reject });
    });
  return { call, pending };
};

function Probe({ call }: { call: () => Promise<Answer | Refusal> }) {
  const result = useResolver(call);
  return (
    <div>
      <p>state: {result.state}</p>
      <p>reloading: {String(result.reloading)}</p>
      {result.state === 'answered' && <p>answer: {result.answer.value}</p>}
      {result.state === 'refused' && <p>refusal: {result.refusal.error.message}</p>}
      {result.state === 'failed' && <p>error: {result.error.message}</p>}
      <button onClick={result.reload}>reload</button>
    </div>
  );
}

/** Lets the call settle and React render what follows. */
const settle = async (step: () => void): Promise<void> => {
  await act(async () => {
    step();
    await Promise.resolve();
  });
};

const clickReload = (): void => {
  act(() => {
    screen.getByRole('button', { name: 'reload' }).click();
  });
};

const text = (prefix: string) => screen.getByText(new RegExp(`^${prefix}: `)).textContent;

describe('useResolver', () => {
  it('is loading until the call answers, then shows the answer', async () => {
    const { call, pending } = deferredCalls();
    render(<Probe call={call} />);
    expect(text('state')).toBe('state: loading');

    await settle(() => pending[0]?.resolve({ ok: true, value: 'first' }));
    expect(text('state')).toBe('state: answered');
    expect(text('answer')).toBe('answer: first');
  });

  it('tells a refusal from a failure', async () => {
    const refused = deferredCalls();
    const { unmount } = render(<Probe call={refused.call} />);
    await settle(() =>
      refused.pending[0]?.resolve({ ok: false, error: { code: 'blocked', message: 'Not set up.' } }),
    );
    expect(text('state')).toBe('state: refused');
    expect(text('refusal')).toBe('refusal: Not set up.');
    unmount();

    const failed = deferredCalls();
    render(<Probe call={failed.call} />);
    await settle(() => failed.pending[0]?.reject(new Error('The app could not reach its server.')));
    expect(text('state')).toBe('state: failed');
    expect(text('error')).toBe('error: The app could not reach its server.');
  });

  it('keeps the shown answer while reloading, then shows the new one', async () => {
    const { call, pending } = deferredCalls();
    render(<Probe call={call} />);
    await settle(() => pending[0]?.resolve({ ok: true, value: 'first' }));

    clickReload();
    expect(text('state')).toBe('state: answered');
    expect(text('answer')).toBe('answer: first');
    expect(text('reloading')).toBe('reloading: true');

    await settle(() => pending[1]?.resolve({ ok: true, value: 'second' }));
    expect(text('answer')).toBe('answer: second');
    expect(text('reloading')).toBe('reloading: false');
  });

  it('shows loading again when retrying after a failure', async () => {
    const { call, pending } = deferredCalls();
    render(<Probe call={call} />);
    await settle(() => pending[0]?.reject(new Error('down')));
    clickReload();
    expect(text('state')).toBe('state: loading');
  });

  it('drops an older answer that arrives after a newer one', async () => {
    const { call, pending } = deferredCalls();
    render(<Probe call={call} />);
    await settle(() => pending[0]?.resolve({ ok: true, value: 'first' }));
    clickReload();
    clickReload();

    await settle(() => pending[2]?.resolve({ ok: true, value: 'newest' }));
    await settle(() => pending[1]?.resolve({ ok: true, value: 'stale' }));
    expect(text('answer')).toBe('answer: newest');
  });

  it('reports a thrown non-Error as a failure with a plain message', async () => {
    const { call, pending } = deferredCalls();
    render(<Probe call={call} />);
    await settle(() => pending[0]?.reject('nope'));
    expect(text('error')).toBe('error: The call failed for a reason the page could not read.');
  });
});
