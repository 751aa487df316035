/** The admin page (jira:adminPage): policy, setup, self-check, export, import, sweeps and scanner tokens, a tab each. */
import Heading from '@atlaskit/heading';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import { LoadingState } from '@shared/components/LoadingState';
import { lazy, Suspense, type ReactNode } from 'react';
import { PolicyTab } from '../PolicyTab';

// The other tabs load when opened, so the page's first JavaScript stays within its budget (ISSUE 9).
const SetupTab = lazy(() => import('../SetupTab').then((module) => ({ default: module.SetupTab })));
const SelfCheckTab = lazy(() =>
  import('../SelfCheckTab').then((module) => ({ default: module.SelfCheckTab })),
);
const ExportTab = lazy(() => import('../ExportTab').then((module) => ({ default: module.ExportTab })));
const ImportTab = lazy(() => import('../ImportTab').then((module) => ({ default: module.ImportTab })));
const SweepsTab = lazy(() => import('../SweepsTab').then((module) => ({ default: module.SweepsTab })));
const ScannerTokensTab = lazy(() =>
  import('../ScannerTokensTab').then((module) => ({ default: module.ScannerTokensTab })),
);

function Lazy({ children }: { readonly children: ReactNode }) {
  return <Suspense fallback={<LoadingState label="Loading this tab" />}>{children}</Suspense>;
}

export function AdminPage() {
  return (
    <main style={{ padding: token('space.200') }}>
      <Heading as="h1" size="large">
        Security Exceptions
      </Heading>
      <Tabs id="admin-tabs">
        <TabList>
          <Tab>Policy</Tab>
          <Tab>Setup</Tab>
          <Tab>Self-check</Tab>
          <Tab>Export</Tab>
          <Tab>Import</Tab>
          <Tab>Sweeps</Tab>
          <Tab>Scanners</Tab>
        </TabList>
        <TabPanel>
          <PolicyTab />
        </TabPanel>
        <TabPanel>
          <Lazy>
            <SetupTab />
          </Lazy>
        </TabPanel>
        <TabPanel>
          <Lazy>
            <SelfCheckTab />
          </Lazy>
        </TabPanel>
        <TabPanel>
          <Lazy>
            <ExportTab />
          </Lazy>
        </TabPanel>
        <TabPanel>
          <Lazy>
            <ImportTab />
          </Lazy>
        </TabPanel>
        <TabPanel>
          <Lazy>
            <SweepsTab />
          </Lazy>
        </TabPanel>
        <TabPanel>
          <Lazy>
            <ScannerTokensTab />
          </Lazy>
        </TabPanel>
      </Tabs>
    </main>
  );
}
