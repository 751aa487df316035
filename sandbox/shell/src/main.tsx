import '@atlaskit/css-reset';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack } from '@atlaskit/primitives';
import { Surface } from './Surface';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import { setGlobalTheme, token } from '@atlaskit/tokens';
import { StrictMode, useCallback, useEffect, useState, type CSSProperties } from 'react';
import { createRoot } from 'react-dom/client';
import { actAs, advanceClock, getSite, JiraRefusal, type SiteInfo, type SweepReport } from './api';
import { AdminPage, Dashboard } from './AppFrame';
import { CreateForm } from './CreateForm';
import { IssueList } from './IssueList';
import { IssueView } from './IssueView';

type Route =
  | { page: 'issues' }
  | { page: 'issue'; key: string }
  | { page: 'create' }
  | { page: 'dashboard' }
  | { page: 'admin' };

const routeOf = (hash: string): Route => {
  const issue = /^#\/issue\/([A-Z][A-Z0-9_]*-\d+)$/.exec(hash);
  if (issue?.[1] !== undefined) return { page: 'issue', key: issue[1] };
  if (hash === '#/create') return { page: 'create' };
  if (hash === '#/dashboard') return { page: 'dashboard' };
  if (hash === '#/admin') return { page: 'admin' };
  return { page: 'issues' };
};

const bar: CSSProperties = { borderBottom: `${token('border.width')} solid ${token('color.border')}` };
const page: CSSProperties = {
  backgroundColor: token('elevation.surface'),
  minHeight: '100vh',
  color: token('color.text'),
};

function ClockControl({ onMoved }: { onMoved: () => void }) {
  const [report, setReport] = useState<SweepReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const move = async (days: number) => {
    setBusy(true);
    setProblem(null);
    try {
      setReport(await advanceClock(days));
      onMoved();
    } catch (error) {
      setProblem(error instanceof JiraRefusal ? error.message : 'The clock did not move.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <span>Advance the clock and run the sweep:</span>
        {[1, 7, 30, 80].map((days) => (
          <Button key={days} isDisabled={busy} onClick={() => void move(days)}>
            {`+${String(days)} ${days === 1 ? 'day' : 'days'}`}
          </Button>
        ))}
        {busy && <span role="status">Sweeping…</span>}
      </Inline>
      {problem !== null && (
        <SectionMessage appearance="error" title="The clock did not move">
          <p>{problem}</p>
        </SectionMessage>
      )}
      {report !== null && (
        <section aria-label="What the sweep did">
          <SectionMessage
            appearance="information"
            title={`Now ${report.now}: the sweep ran ${String(report.sweeps)} time(s)`}
          >
            <p>
              {report.statusChanges.length} status change(s), comments on {report.comments.length} issue(s)
              {report.queued > 0 ? `, ${String(report.queued)} event(s) still queued` : ''}.
            </p>
            <ul aria-label="Status changes" style={{ maxHeight: '12rem', overflowY: 'auto' }}>
              {report.statusChanges.map((change) => (
                <li key={change.key}>
                  <a href={`#/issue/${change.key}`}>{change.key}</a>: {change.from} → {change.to}
                </li>
              ))}
            </ul>
            <details>
              <summary>The handlers' log</summary>
              <pre style={{ whiteSpace: 'pre-wrap' }}>{report.log.join('\n')}</pre>
            </details>
          </SectionMessage>
        </section>
      )}
    </Stack>
  );
}

function Shell() {
  const [site, setSite] = useState<SiteInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [route, setRoute] = useState<Route>(routeOf(location.hash));
  const [version, setVersion] = useState(0);
  const [dark, setDark] = useState(() => matchMedia('(prefers-color-scheme: dark)').matches);

  const reload = useCallback(() => {
    getSite().then(setSite, () => {
      setProblem('The sandbox did not answer. Is `npm start` still running?');
    });
  }, []);
  useEffect(reload, [reload]);
  useEffect(() => {
    const onHash = () => {
      setRoute(routeOf(location.hash));
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
    };
  }, []);
  useEffect(() => {
    // Jira's themes, as the host gives them to Forge apps (the bridge mirrors them into each app): the colour
    // mode, and the typography and shape themes that `font.*` and `border.radius.*` tokens need (the apps' tokens
    // have no fallbacks, so without these their headings and values would be body text).
    void setGlobalTheme({
      colorMode: dark ? 'dark' : 'light',
      typography: 'typography-modernized',
      shape: 'shape',
    });
  }, [dark]);

  if (problem !== null)
    return (
      <SectionMessage appearance="error" title="No sandbox">
        <p>{problem}</p>
      </SectionMessage>
    );
  if (site === null) return <p>Loading the sandbox…</p>;
  const people = site.users.map((user) => ({
    label: `${user.displayName}${user.siteAdmin ? ' (Jira admin)' : ''}${user.groups.includes('c-level') ? ' (C-level)' : user.groups.includes('security-reviewers') ? ' (reviewer)' : ''}`,
    value: user.accountId,
  }));
  const userKey = `${site.currentUser}-${String(version)}`;
  return (
    <Surface style={page}>
      <Surface style={bar} padding="space.200">
        <Stack space="space.150">
          <Inline space="space.300" alignBlock="center" shouldWrap>
            <Heading size="medium" as="h1">
              Security Exceptions sandbox
            </Heading>
            <nav aria-label="Pages">
              <Inline space="space.200">
                <a href="#/issues">Issues</a>
                <a href="#/create">Create</a>
                <a href="#/dashboard">Dashboard</a>
                <a href="#/admin">Admin</a>
              </Inline>
            </nav>
            <Inline space="space.100" alignBlock="center">
              <label htmlFor="act-as">Act as</label>
              <Surface style={{ minWidth: '260px' }}>
                <Select
                  inputId="act-as"
                  options={people}
                  value={people.find((option) => option.value === site.currentUser) ?? null}
                  onChange={(option) => {
                    if (option) void actAs(option.value).then(reload);
                  }}
                />
              </Surface>
            </Inline>
            <Button
              onClick={() => {
                setDark(!dark);
              }}
            >
              {dark ? 'Light theme' : 'Dark theme'}
            </Button>
            <span>Clock: {site.now}</span>
          </Inline>
          <ClockControl
            onMoved={() => {
              setVersion((current) => current + 1);
              reload();
            }}
          />
        </Stack>
      </Surface>
      <Surface as="main" padding="space.300">
        {route.page === 'issues' && <IssueList site={site} userKey={userKey} />}
        {route.page === 'issue' && <IssueView site={site} issueKey={route.key} userKey={userKey} />}
        {route.page === 'create' && <CreateForm site={site} />}
        {route.page === 'dashboard' && <Dashboard userKey={userKey} />}
        {route.page === 'admin' && <AdminPage userKey={userKey} />}
      </Surface>
    </Surface>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Shell />
  </StrictMode>,
);
