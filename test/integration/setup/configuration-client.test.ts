/** JiraConfigurationClient against the simulator: complete listings across pages, 404 as absence. */
import { APPROVER_GROUP_IDS, setupSitePerTest } from './setup-site';

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

test('groups are found by exact name, with their ids, one lookup per distinct name', async () => {
  site().sim.state.addGroup({ name: 'security-reviewers-emea' });
  const found = await site().deps.configuration.findGroupsByName([
    'c-level',
    'security-reviewers',
    'c-level',
    'no-such-group',
  ]);
  expect(found).toEqual([
    { groupId: APPROVER_GROUP_IDS['c-level'], name: 'c-level' },
    { groupId: APPROVER_GROUP_IDS['security-reviewers'], name: 'security-reviewers' },
  ]);
  expect(site().sim.calls.count('GET /rest/api/3/group/bulk')).toBe(3);
});

/** GroupDetails: `groupId` is nullable and optional in the document; a name may come back in Jira's own case. */
type GroupChange = (group: Record<string, unknown>) => Record<string, unknown>;
const GROUP_VARIANTS: [string, GroupChange][] = [
  ['a null groupId', (group) => ({ ...group, groupId: null })],
  ['no groupId', ({ name }) => ({ name })],
  ['an empty groupId', (group) => ({ ...group, groupId: '' })],
  ['the name in another case', (group) => ({ ...group, name: 'C-Level' })],
];
test.each(GROUP_VARIANTS)(
  'a group answered with %s is not found (no rule can name it)',
  async (_variant, change) => {
    site().sim.tamperWithNextResponse((body) => {
      const page = body as { values: Record<string, unknown>[] };
      return { ...page, values: page.values.map(change) };
    });
    expect(await site().deps.configuration.findGroupsByName(['c-level'])).toEqual([]);
  },
);
