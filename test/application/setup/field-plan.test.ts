import type { CustomField } from '../../../src/application/ports/configuration-port';
import { planFields, type FieldDecision } from '../../../src/application/setup/field-plan';
import { ownDescription } from '../../../src/application/setup/setup-names';
import { LOGICAL_FIELDS } from '../../../src/application/site-config';

const CF = 'com.atlassian.jira.plugin.system.customfieldtypes';

const field = (id: string, name: string, type: string | null, description = ''): CustomField => ({
  id,
  name,
  type: type === null ? null : `${CF}:${type}`,
  description,
});

const decisionFor = (decisions: readonly FieldDecision[], logical: string): FieldDecision | undefined =>
  decisions.find((decision) => decision.field === logical);

test('on a site without any of the fields, every field is created', () => {
  expect(planFields([field('customfield_1', 'Story Points', 'float')], {})).toEqual({
    decisions: LOGICAL_FIELDS.map((logical) => ({ field: logical, action: 'create' })),
    problems: [],
  });
});

describe('Expiration Date, given what the site holds', () => {
  test.each([
    {
      site: 'a date field of that name',
      existing: [field('customfield_7', 'Expiration Date', 'datepicker')],
      adopt: {},
      decision: {
        field: 'expirationDate',
        action: 'use',
        id: 'customfield_7',
        name: 'Expiration Date',
        how: 'same-name',
      },
    },
    {
      site: 'the same name in other letter case and spacing',
      existing: [field('customfield_7', ' expiration date', 'datepicker')],
      adopt: {},
      decision: {
        field: 'expirationDate',
        action: 'use',
        id: 'customfield_7',
        name: ' expiration date',
        how: 'same-name',
      },
    },
    {
      site: "setup's own field beside an admin's of the same name",
      existing: [
        field('customfield_7', 'Expiration Date', 'datepicker'),
        field('customfield_8', 'Expiration Date', 'datepicker', ownDescription('The last day.')),
      ],
      adopt: {},
      decision: {
        field: 'expirationDate',
        action: 'use',
        id: 'customfield_8',
        name: 'Expiration Date',
        how: 'own',
      },
    },
    {
      site: 'a date field the admin chose',
      existing: [field('customfield_9', 'Valid Until', 'datepicker')],
      adopt: { expirationDate: 'customfield_9' },
      decision: {
        field: 'expirationDate',
        action: 'use',
        id: 'customfield_9',
        name: 'Valid Until',
        how: 'mapped',
      },
    },
  ])('$site', ({ existing, adopt, decision }) => {
    const plan = planFields(existing, adopt);
    expect(plan.problems).toEqual([]);
    expect(decisionFor(plan.decisions, 'expirationDate')).toEqual(decision);
  });
});

test('a single select may be adopted as radio buttons, whose values read alike', () => {
  const plan = planFields([field('customfield_3', 'Urgency', 'radiobuttons')], {});
  expect(decisionFor(plan.decisions, 'urgency')).toEqual({
    field: 'urgency',
    action: 'use',
    id: 'customfield_3',
    name: 'Urgency',
    how: 'same-name',
  });
});

describe('conflicts the admin must resolve', () => {
  test.each([
    {
      conflict: 'a field of the name but of another type',
      existing: [field('customfield_7', 'Expiration Date', 'textfield')],
      adopt: {},
      problems: [
        'Expiration Date: a field with this name (customfield_7) exists but is a Short text field; choose a Date Picker field to adopt, or rename the existing one.',
      ],
    },
    {
      conflict: 'a field of the name and an unknown type',
      existing: [field('customfield_7', 'Risk Rating', null)],
      adopt: {},
      problems: [
        'Risk Rating: a field with this name (customfield_7) exists but is a field of unknown type; choose a Select List (single choice) field to adopt, or rename the existing one.',
      ],
    },
    {
      conflict: 'a chosen field that does not exist',
      existing: [],
      adopt: { riskOwner: 'customfield_404' },
      problems: ['Risk Owner: the field customfield_404 chosen for it does not exist.'],
    },
    {
      conflict: 'a chosen field of another type',
      existing: [field('customfield_5', 'Assets', 'textfield')],
      adopt: { affectedAssets: 'customfield_5' },
      problems: [
        'Affected Assets: "Assets" (customfield_5) is a Short text field; Affected Assets needs a Labels field.',
      ],
    },
    {
      conflict: 'one field chosen for two',
      existing: [field('customfield_5', 'Notes', 'textarea')],
      adopt: { justification: 'customfield_5', remediationPlan: 'customfield_5' },
      problems: [
        'customfield_5 is chosen for Business Justification and Remediation Plan; each needs its own field.',
      ],
    },
  ])('$conflict', ({ existing, adopt, problems }) => {
    expect(planFields(existing, adopt).problems).toEqual(problems);
  });
});
