/**
 * The result views (result-views.ts) as lazy components. `preloadResultViews()` starts the download at start-up, so
 * it runs alongside the context and resolver calls instead of after them.
 */
import { lazy } from 'react';

let loading: Promise<typeof import('./result-views')> | undefined;

export const preloadResultViews = (): Promise<typeof import('./result-views')> => {
  // A failed download is forgotten, so the view's first render tries again rather than reuse the failure.
  loading ??= import('./result-views').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
};

export const LazySummaryView = lazy(() =>
  preloadResultViews().then((views) => ({ default: views.SummaryView })),
);
export const LazyErrorState = lazy(() =>
  preloadResultViews().then((views) => ({ default: views.ErrorState })),
);
export const LazyRefusalMessage = lazy(() =>
  preloadResultViews().then((views) => ({ default: views.RefusalMessage })),
);
