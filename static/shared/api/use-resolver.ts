/**
 * useResolver: runs one resolver call (a typed wrapper from an app's `src/api/`) and tells the page where it stands:
 * `loading`, `answered` (the contract's `{ ok: true }` member), `refused` (the one refusal shape, shown with
 * RefusalMessage) or `failed` (a call that did not complete, shown with ErrorState). `reload()` runs the call again
 * and keeps a shown answer until the new outcome arrives (a refetch does not blank the page); an outcome that
 * arrives after a newer call started, or after unmount, is dropped, so a slow old answer never overwrites a new one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Refusal } from '@contracts/refusal';

export type ResolverOutcome<Answer> =
  | { readonly state: 'loading' }
  | { readonly state: 'answered'; readonly answer: Answer }
  | { readonly state: 'refused'; readonly refusal: Refusal }
  | { readonly state: 'failed'; readonly error: Error };

export type ResolverCall<Answer> = ResolverOutcome<Answer> & {
  /** Runs the call again; a shown answer stays until the new outcome arrives. */
  readonly reload: () => void;
  /** True while a reload runs behind an outcome already shown. */
  readonly reloading: boolean;
};

const asError = (thrown: unknown): Error =>
  thrown instanceof Error ? thrown : new Error('The call failed for a reason the page could not read.');

/**
 * `call` is run on mount and again whenever its identity changes (wrap it in useCallback with what it depends on).
 */
export const useResolver = <Answer extends { readonly ok: true }>(
  call: () => Promise<Answer | Refusal>,
): ResolverCall<Answer> => {
  const [outcome, setOutcome] = useState<ResolverOutcome<Answer>>({ state: 'loading' });
  const [reloading, setReloading] = useState(false);
  const latest = useRef(0);

  const run = useCallback(
    (isReload: boolean) => {
      const id = ++latest.current;
      // A shown answer stays while it reloads; a refusal or failure gives way to the spinner (the person retried).
      setOutcome((shown) => (isReload && shown.state === 'answered' ? shown : { state: 'loading' }));
      setReloading(isReload);
      call().then(
        (result) => {
          if (id !== latest.current) return;
          setReloading(false);
          setOutcome(
            result.ok ? { state: 'answered', answer: result } : { state: 'refused', refusal: result },
          );
        },
        (thrown: unknown) => {
          if (id !== latest.current) return;
          setReloading(false);
          setOutcome({ state: 'failed', error: asError(thrown) });
        },
      );
    },
    [call],
  );

  useEffect(() => {
    run(false);
    return () => {
      // Outcomes of calls started before unmount (or before `call` changed) are dropped.
      latest.current += 1;
    };
  }, [run]);

  const reload = useCallback(() => {
    run(true);
  }, [run]);
  return { ...outcome, reload, reloading };
};
