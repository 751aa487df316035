/** The issue panel (jira:issuePanel): Jira's theme, then the panel for the issue in the context. */
import '@atlaskit/css-reset';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheme } from '@shared/theme/enable-theme';
import { PanelApp } from './components/PanelApp';
import { PanelErrorBoundary } from './components/PanelErrorBoundary';
import { preloadResultViews } from './lazy-views';

void enableTheme();
// Fetched alongside Jira's context and the resolver call; a failure here surfaces when the view renders.
preloadResultViews().catch((error: unknown) => {
  console.warn('The panel could not load its views yet; it tries again when it needs them.', error);
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <PanelErrorBoundary>
      <PanelApp />
    </PanelErrorBoundary>
  </StrictMode>,
);
