/** The issue panel's page: reads which issue it is on from Jira's context, then shows that panel. */
import { Suspense, useCallback, useEffect, useState } from 'react';
import { LoadingState } from '@shared/components/LoadingState';
import { readPanelContext, type PanelContext } from '../../context/panel-context';
import { LazyErrorState } from '../../lazy-views';
import { ExceptionPanel } from '../ExceptionPanel';

type ContextState =
  | { readonly state: 'loading' }
  | { readonly state: 'read'; readonly context: PanelContext }
  | { readonly state: 'failed'; readonly error: Error };

export interface PanelAppProps {
  readonly refreshDelayMs?: number;
}

export function PanelApp({ refreshDelayMs }: PanelAppProps) {
  const [context, setContext] = useState<ContextState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setContext({ state: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  useEffect(() => {
    let current = true;
    readPanelContext().then(
      (read) => {
        if (current) setContext({ state: 'read', context: read });
      },
      (error: unknown) => {
        if (current)
          setContext({
            state: 'failed',
            error: error instanceof Error ? error : new Error('The panel could not read its context.'),
          });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  switch (context.state) {
    case 'loading':
      return <LoadingState label="Loading the exception" />;
    case 'failed':
      return (
        <Suspense fallback={<LoadingState label="Loading the exception" />}>
          <LazyErrorState error={context.error} onRetry={retry} />
        </Suspense>
      );
    case 'read':
      return refreshDelayMs === undefined ? (
        <ExceptionPanel context={context.context} />
      ) : (
        <ExceptionPanel context={context.context} refreshDelayMs={refreshDelayMs} />
      );
  }
}
