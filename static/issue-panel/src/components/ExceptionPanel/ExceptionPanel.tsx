/**
 * The panel for one issue: asks getExceptionSummary for it and shows the answer, the refusal or the failure. It asks
 * again, debounced, when Jira says this issue changed (`JIRA_ISSUE_CHANGED`, FORGE_NOTES §8: it names the issue by
 * id and arrives seconds late, sometimes several at once) and when the page becomes visible again, so a transition
 * made in the issue view shows here without a reload.
 */
import { events } from '@forge/bridge';
import { Suspense, useCallback, useEffect, useRef } from 'react';
import { useResolver } from '@shared/api/use-resolver';
import { LoadingState } from '@shared/components/LoadingState';
import { getExceptionSummary } from '../../api/get-exception-summary';
import type { PanelContext } from '../../context/panel-context';
import { LazyErrorState, LazyRefusalMessage, LazySummaryView } from '../../lazy-views';

export interface ExceptionPanelProps {
  readonly context: PanelContext;
  /** How long to wait for more change events before asking again. */
  readonly refreshDelayMs?: number;
}

const issueIdOf = (payload: unknown): string | undefined => {
  if (typeof payload !== 'object' || payload === null || !('issueId' in payload)) return undefined;
  const { issueId } = payload;
  return typeof issueId === 'string' || typeof issueId === 'number' ? String(issueId) : undefined;
};

/** Runs `action` once `delayMs` after the last request; nothing runs after unmount. */
const useDebounced = (action: () => void, delayMs: number): (() => void) => {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(action);
  latest.current = action;
  useEffect(
    () => () => {
      clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      latest.current();
    }, delayMs);
  }, [delayMs]);
};

export function ExceptionPanel({ context, refreshDelayMs = 1000 }: ExceptionPanelProps) {
  const { issueKey, issueId, locale } = context;
  const call = useCallback(() => getExceptionSummary({ issueKey }), [issueKey]);
  const result = useResolver(call);
  const refresh = useDebounced(result.reload, refreshDelayMs);

  useEffect(() => {
    let subscription: { unsubscribe: () => void } | undefined;
    let unmounted = false;
    events
      .on('JIRA_ISSUE_CHANGED', (payload: unknown) => {
        const changed = issueIdOf(payload);
        // An event that does not name an issue, or a panel that does not know its id, refreshes to be safe.
        if (changed === undefined || issueId === undefined || changed === issueId) refresh();
      })
      .then(
        (subscribed) => {
          if (unmounted) subscribed.unsubscribe();
          else subscription = subscribed;
        },
        (error: unknown) => {
          // The panel still works; it just does not follow changes until the page is reloaded or shown again.
          console.warn(
            'The panel cannot follow changes to this issue; it refreshes when shown again.',
            error,
          );
        },
      );
    return () => {
      unmounted = true;
      subscription?.unsubscribe();
    };
  }, [issueId, refresh]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const loading = <LoadingState label="Loading the exception" />;
  return (
    <main aria-busy={result.state === 'loading' || result.reloading}>
      <Suspense fallback={loading}>
        {result.state === 'loading' && loading}
        {result.state === 'refused' && <LazyRefusalMessage refusal={result.refusal} />}
        {result.state === 'failed' && <LazyErrorState error={result.error} onRetry={result.reload} />}
        {result.state === 'answered' && (
          <LazySummaryView summary={result.answer.summary} locale={locale} now={new Date()} />
        )}
      </Suspense>
    </main>
  );
}
