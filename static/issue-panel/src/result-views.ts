/**
 * Everything the panel shows once it has an outcome, in one chunk loaded after the first paint (lazy-views.tsx):
 * Atlaskit's buttons, messages and lozenges bring feature gates, tooltips and popper, which would otherwise put the
 * first JavaScript over the 200 KB gzip budget (ISSUE 9).
 */
export { SummaryView } from './components/SummaryView';
export { ErrorState } from '@shared/components/ErrorState';
export { RefusalMessage } from '@shared/components/RefusalMessage';
