import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// Until the admin page issue builds the real interface, the page says so rather than show made-up data.
function Placeholder() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '8px 16px' }}>
      <h1 style={{ fontSize: '1.25rem' }}>Security Exceptions</h1>
      <p>
        Admin page (jira:adminPage): policy, setup and export. This page is a placeholder: the interface
        arrives with the admin page issue, and nothing shown here is live data yet.
      </p>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Placeholder />
  </StrictMode>,
);
