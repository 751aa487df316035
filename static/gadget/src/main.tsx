import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// Until the KPI gadget issue builds the real interface, the page says so rather than show made-up data.
function Placeholder() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '8px 16px' }}>
      <h1 style={{ fontSize: '1.25rem' }}>Security exception KPIs</h1>
      <p>
        Dashboard gadget (jira:dashboardGadget): volume, approval time, overdue share, controls coverage,
        assets excepted and SLA. This page is a placeholder: the interface arrives with the KPI gadget issue,
        and nothing shown here is live data yet.
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
