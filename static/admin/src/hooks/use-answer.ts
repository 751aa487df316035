/**
 * A resolver answer loaded when the component mounts (and again on `reload`): loading, failed (the call itself), or
 * the answer, which may be a refusal the page shows.
 */
import { useCallback, useEffect, useState } from 'react';

export type Loaded<Answer> =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly error: Error }
  | { readonly state: 'done'; readonly answer: Answer };

export const asError = (error: unknown): Error =>
  error instanceof Error ? error : new Error('The call failed for an unknown reason.');

export const useAnswer = <Answer>(load: () => Promise<Answer>): [Loaded<Answer>, () => void] => {
  const [loaded, setLoaded] = useState<Loaded<Answer>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    load().then(
      (answer) => {
        if (current) setLoaded({ state: 'done', answer });
      },
      (error: unknown) => {
        if (current) setLoaded({ state: 'failed', error: asError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [load, round]);
  const reload = useCallback(() => {
    setRound((value) => value + 1);
  }, []);
  return [loaded, reload];
};
