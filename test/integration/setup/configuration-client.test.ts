/** JiraConfigurationClient against the simulator: complete listings across pages, 404 as absence. */
import { setupSitePerTest } from './setup-site';

const site = setupSitePerTest();

test('listings read every page', async () => {
  const names = Array.from({ length: 120 }, (_, index) => `Field ${String(index).padStart(3, '0')}`);
  for (const name of names) site().sim.state.addCustomField({ name, type: 'textfield' });
  const fields = await site().deps.configuration.listCustomFields();
  expect(fields.map((field) => field.name)).toEqual(names);
  expect(fields[0]).toEqual({
    id: 'customfield_10000',
    name: 'Field 000',
    description: '',
    type: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield',
  });
  expect(site().sim.calls.count('GET /rest/api/3/field/search')).toBe(3);
});

test('a project Jira does not know is absent, not an error', async () => {
  expect(await site().deps.configuration.getProject('NOPE')).toBeNull();
  expect(await site().deps.configuration.getProject('SEC')).toEqual({
    id: site().sim.state.project('SEC')?.id,
    key: 'SEC',
    name: 'Security',
    teamManaged: false,
    issueTypeIds: ['10000'],
  });
});
