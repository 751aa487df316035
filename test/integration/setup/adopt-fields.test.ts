/**
 * Adopting existing fields (DESIGN.md §2: many sites already have an "Expiration Date"), by name and type or by
 * the admin's choice, and refusing — before writing anything — what setup cannot use.
 */
import { provisionProject } from '../../../src/application/setup/provision-project';
import { SetupBlockedError } from '../../../src/application/setup/setup-errors';
import { SITE_CONFIG_KEY, SiteConfigSchema } from '../../../src/application/site-config';
import { readScreens } from './read-back';
import { setupSitePerTest, totalOf, writeCalls } from './setup-site';

// The first request of an operation compiles its schema from Jira's 2.5 MB document: seconds on a busy machine.
jest.setTimeout(30_000);

const site = setupSitePerTest();

const fieldsNamed = (name: string) =>
  [...site().sim.state.fields.values()].filter((field) => field.name === name);

test('an existing "Expiration Date" date field is adopted, not duplicated', async () => {
  const existing = site().sim.state.addCustomField({ name: 'Expiration Date', type: 'datepicker' });
  const report = await provisionProject(site().deps, { projectKey: 'SEC' });
  expect(report.adopted).toEqual([`field "Expiration Date" (${existing.id})`]);
  expect(report.created.filter((line) => line.startsWith('field "Expiration Date"'))).toEqual([]);
  expect(fieldsNamed('Expiration Date')).toHaveLength(1);
  const config = await site().store.get(SITE_CONFIG_KEY, SiteConfigSchema);
  expect(config?.fields.expirationDate).toBe(existing.id);
  expect((await readScreens(site().ada))['Security Exception Review Screen']).toEqual([
    'Risk Rating',
    'Compensating Controls',
    'Expiration Date',
  ]);

  const again = await provisionProject(site().deps, { projectKey: 'SEC' });
  expect(again.created).toEqual([]);
  expect(again.adopted).toEqual([`field "Expiration Date" (${existing.id})`]);
});

test('a field the admin chose is adopted under its own name, and setup creates none for it', async () => {
  const validUntil = site().sim.state.addCustomField({ name: 'Valid Until', type: 'datepicker' });
  const report = await provisionProject(site().deps, {
    projectKey: 'SEC',
    adoptFields: { expirationDate: validUntil.id },
  });
  expect(report.adopted).toEqual([`field "Valid Until" (${validUntil.id})`]);
  expect(fieldsNamed('Expiration Date')).toEqual([]);
  expect((await site().store.get(SITE_CONFIG_KEY, SiteConfigSchema))?.fields.expirationDate).toBe(
    validUntil.id,
  );
});

test('an adopted select field keeps its options and gains the missing ones', async () => {
  const urgency = site().sim.state.addCustomField({
    name: 'Urgency',
    type: 'select',
    options: ['Urgent', 'Whenever'],
  });
  const report = await provisionProject(site().deps, { projectKey: 'SEC' });
  expect(report.adopted).toEqual([`field "Urgency" (${urgency.id})`]);
  expect(report.created).toContain('options of field "Urgency": Standard');
  const options = [...site().sim.state.fieldContexts.values()]
    .filter((context) => context.fieldId === urgency.id)
    .flatMap((context) => context.options.map((option) => option.value));
  expect(options).toEqual(['Urgent', 'Whenever', 'Standard']);
});

describe('setup refuses, before writing anything, what it cannot use', () => {
  test.each([
    {
      situation: 'an "Expiration Date" that is not a date',
      arrange: () => {
        site().sim.state.addCustomField({ name: 'Expiration Date', type: 'textfield' });
        return {};
      },
      problems: [
        'Expiration Date: a field with this name (customfield_10000) exists but is a Short text field; choose a Date Picker field to adopt, or rename the existing one.',
      ],
    },
    {
      situation: 'a chosen field that does not exist',
      arrange: () => ({ expirationDate: 'customfield_19999' }),
      problems: ['Expiration Date: the field customfield_19999 chosen for it does not exist.'],
    },
    {
      situation: 'a chosen field of the wrong type, and one field chosen twice',
      arrange: () => {
        const notes = site().sim.state.addCustomField({ name: 'Notes', type: 'textarea' });
        return { riskOwner: notes.id, justification: notes.id, compensatingControls: notes.id };
      },
      problems: [
        'Risk Owner: "Notes" (customfield_10000) is a Paragraph field; Risk Owner needs a User Picker (single user) field.',
        'customfield_10000 is chosen for Business Justification and Compensating Controls; each needs its own field.',
      ],
    },
  ])('$situation', async ({ arrange, problems }) => {
    const adoptFields = arrange();
    const error: unknown = await provisionProject(site().deps, { projectKey: 'SEC', adoptFields }).catch(
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(SetupBlockedError);
    expect((error as SetupBlockedError).problems).toEqual(problems);
    expect(totalOf(writeCalls(site().sim))).toBe(0);
    expect(site().store.keys()).toEqual([]);
  });

  test('a project that does not exist', async () => {
    await expect(provisionProject(site().deps, { projectKey: 'NOPE' })).rejects.toThrow(
      new SetupBlockedError(['Project NOPE does not exist, or the app cannot see it.']),
    );
    expect(totalOf(writeCalls(site().sim))).toBe(0);
  });

  test('a site where the app offers no workflow rules', async () => {
    site().sim.installApp({ appId: 'another-app', environmentId: 'env', modules: [] });
    const error: unknown = await provisionProject(
      { ...site().deps, appId: 'ari:cloud:ecosystem::app/0b5e1ec7-0000-4000-8000-000000000000' },
      { projectKey: 'SEC' },
    ).catch((rejection: unknown) => rejection);
    expect((error as SetupBlockedError).problems).toEqual([
      "Jira does not offer the app's workflow rules (exception-policy-validator, exception-lifecycle-recorder, not-the-requester, requester-cannot-decide); check that the app is installed on this site and up to date.",
    ]);
    expect(totalOf(writeCalls(site().sim))).toBe(0);
  });
});
