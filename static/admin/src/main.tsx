import '@atlaskit/css-reset';
import { enableTheme } from '@shared/theme/enable-theme';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminPage } from './components/AdminPage';

void enableTheme();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AdminPage />
  </StrictMode>,
);
