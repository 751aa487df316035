/** The admin page (jira:adminPage): policy, setup, self-check, export and sweeps, one tab each. */
import Heading from '@atlaskit/heading';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import { ExportTab } from '../ExportTab';
import { PolicyTab } from '../PolicyTab';
import { SelfCheckTab } from '../SelfCheckTab';
import { SetupTab } from '../SetupTab';
import { SweepsTab } from '../SweepsTab';

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
          <Tab>Sweeps</Tab>
        </TabList>
        <TabPanel>
          <PolicyTab />
        </TabPanel>
        <TabPanel>
          <SetupTab />
        </TabPanel>
        <TabPanel>
          <SelfCheckTab />
        </TabPanel>
        <TabPanel>
          <ExportTab />
        </TabPanel>
        <TabPanel>
          <SweepsTab />
        </TabPanel>
      </Tabs>
    </main>
  );
}
