/**
 * Reads the gadget's context once, then shows edit mode or the KPIs (FORGE_NOTES §7). Each mode is its own chunk,
 * loaded when needed, so a dashboard never downloads the settings form and the first script stays small (ISSUE 9).
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { ErrorState } from '@shared/components/ErrorState';
import { LoadingState } from '@shared/components/LoadingState';
import { loadGadgetContext, type GadgetContext } from '../../config/gadget-context';
import { readGadgetConfig } from '../../config/read-gadget-config';

const GadgetEditForm = lazy(() =>
  import('../GadgetEditForm').then((module) => ({ default: module.GadgetEditForm })),
);
const KpiView = lazy(() => import('../KpiView').then((module) => ({ default: module.KpiView })));

type ContextState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly context: GadgetContext }
  | { readonly status: 'failed'; readonly error: Error };

export function GadgetApp() {
  const [state, setState] = useState<ContextState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setState({ status: 'loading' });
    loadGadgetContext().then(
      (context) => {
        setState({ status: 'ready', context });
      },
      () => {
        setState({
          status: 'failed',
          error: new Error('The gadget could not read where it is shown. Reload the dashboard.'),
        });
      },
    );
  }, [attempt]);
  const saved = state.status === 'ready' ? state.context.savedConfiguration : undefined;
  const reading = useMemo(() => readGadgetConfig(saved), [saved]);

  if (state.status === 'loading') return <LoadingState label="Loading the gadget" />;
  if (state.status === 'failed')
    return (
      <ErrorState
        error={state.error}
        onRetry={() => {
          setAttempt((n) => n + 1);
        }}
      />
    );
  const { context } = state;
  return (
    <Suspense fallback={<LoadingState label="Loading the gadget" />}>
      {context.mode === 'edit' ? (
        <GadgetEditForm config={reading.config} />
      ) : (
        <KpiView
          config={reading.config}
          gadgetId={context.gadgetId}
          siteUrl={context.siteUrl}
          configUnreadable={reading.unreadable}
        />
      )}
    </Suspense>
  );
}
