/** The KPI gadget (jira:dashboardGadget): theme, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@atlaskit/css-reset';
import { enableTheme } from '@shared/theme/enable-theme';
import { GadgetApp } from './components/GadgetApp';

void enableTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <GadgetApp />
  </StrictMode>,
);
