/**
 * One-click setup against the contract-checked Jira simulator: what it creates, read back through Jira's REST
 * API, matches DESIGN.md §2–§3; a second run creates nothing; the app's rules run as Jira calls them.
 */
import { provisionProject } from '../../../src/application/setup/provision-project';
import type { SetupReport } from '../../../src/application/setup/setup-report';
import { SITE_CONFIG_KEY, SiteConfigSchema } from '../../../src/application/site-config';
import { createSimClient, extensionAri } from '../../../simulator';
import { FRESH_SITE_CREATED, REQUESTER_FIELDS } from './expected-reports';
import { readCustomFields, readProjectSchemes, readScreens, readWorkflow } from './read-back';
import {
  APP_ID,
  APPROVER_GROUP_IDS,
  ENVIRONMENT_ID,
  setupSitePerTest,
  totalOf,
  writeCalls,
} from './setup-site';

// The first request of an operation compiles its schema from Jira's 2.5 MB document: seconds on a busy machine.
jest.setTimeout(30_000);

const CF = 'com.atlassian.jira.plugin.system.customfieldtypes';

const site = setupSitePerTest();

/** The rules as capabilities reports them (forge:… rule key, the module's extension ARI), with their config. */
const validator = (transition: string): string =>
  `forge:expression-validator ${extensionAri(APP_ID, ENVIRONMENT_ID, 'exception-policy-validator')} {"transition":"${transition}"}`;
const postFunction = (transition: string): string =>
  `forge:workflow-post-function ${extensionAri(APP_ID, ENVIRONMENT_ID, 'exception-lifecycle-recorder')} {"transition":"${transition}"}`;
const notTheRequester = `forge:expression-condition ${extensionAri(APP_ID, ENVIRONMENT_ID, 'not-the-requester')} {}`;
const requesterCannotDecide = `forge:expression-validator ${extensionAri(APP_ID, ENVIRONMENT_ID, 'requester-cannot-decide')} {}`;
const screen = (name: string): string => `system:transition-screen ${name}`;
/** Jira's own condition, restricting the transition to the approver groups (its groupIds: approver-restriction.test.ts). */
const approversOnly = 'system:restrict-issue-transition';

const enforced = (name: string, rule: string, from: string[], to: string) => ({
  name,
  type: 'DIRECTED',
  from,
  to,
  validators: [validator(rule)],
  postFunctions: [postFunction(rule)],
  conditions: [] as string[],
  screen: null as string | null,
});

const EXPECTED_TRANSITIONS = [
  {
    name: 'Create',
    type: 'INITIAL',
    from: [],
    to: 'Submitted',
    validators: [],
    postFunctions: [],
    conditions: [],
    screen: null,
  },
  enforced('Triage', 'triage', ['Submitted'], 'Risk Review'),
  enforced('Auto-approve', 'auto-approve', ['Submitted'], 'Approved'),
  {
    ...enforced('Request info', 'request-info', ['Risk Review'], 'Submitted'),
    conditions: [approversOnly],
    screen: screen('Security Exception Comment Screen'),
  },
  {
    ...enforced('Approve', 'approve', ['Risk Review'], 'Approved'),
    validators: [validator('approve'), requesterCannotDecide],
    conditions: [notTheRequester, approversOnly],
    screen: screen('Security Exception Review Screen'),
  },
  {
    ...enforced('Reject', 'reject', ['Risk Review'], 'Rejected'),
    conditions: [approversOnly],
    screen: screen('Security Exception Decision Screen'),
  },
  enforced('Start recertification', 'start-recertification', ['Approved'], 'Recertification'),
  {
    ...enforced('Recertify', 'recertify', ['Recertification'], 'Approved'),
    validators: [validator('recertify'), requesterCannotDecide],
    conditions: [notTheRequester],
    screen: screen('Security Exception Recertify Screen'),
  },
  {
    ...enforced('Revert', 'revert', ['Approved', 'Recertification'], 'Reverted'),
    screen: screen('Security Exception Decision Screen'),
  },
  enforced('Retire', 'retire', ['Approved', 'Recertification'], 'Retired'),
];

describe('setup on a fresh site', () => {
  let report: SetupReport;

  beforeEach(async () => {
    report = await provisionProject(site().deps, { projectKey: 'SEC' });
  });

  test('reports every object it created, adopts nothing, and skips only what Jira made with them', () => {
    expect(report).toEqual({
      created: FRESH_SITE_CREATED,
      adopted: [],
      skipped: [
        // Jira gives a new custom field a global context; setup adds its options there.
        'context "Default Configuration Scheme for Exception Type" of field "Exception Type"',
        'context "Default Configuration Scheme for Urgency" of field "Urgency"',
        'context "Default Configuration Scheme for Risk Rating" of field "Risk Rating"',
        'context "Default Configuration Scheme for Recertification Checklist" of field "Recertification Checklist"',
        // New issue types join the default issue type scheme, which project SEC uses.
        'issue type "Exception" in the issue type scheme of project SEC',
      ],
    });
  });

  test('the workflow read back has the statuses, transitions, rules and screens of DESIGN §3', async () => {
    const workflow = await readWorkflow(site().ada, 'Security Exception Workflow');
    expect(workflow?.statuses).toEqual([
      { name: 'Submitted', category: 'TODO' },
      { name: 'Risk Review', category: 'IN_PROGRESS' },
      { name: 'Approved', category: 'IN_PROGRESS' },
      { name: 'Recertification', category: 'IN_PROGRESS' },
      { name: 'Rejected', category: 'DONE' },
      { name: 'Reverted', category: 'DONE' },
      { name: 'Retired', category: 'DONE' },
    ]);
    expect(workflow?.transitions).toEqual(EXPECTED_TRANSITIONS);
  });

  test('the rule keys and ids wired are the ones workflows/capabilities reports for the app', async () => {
    const project = site().sim.state.project('SEC');
    const capabilities = await site().ada.get<{
      forgeRules: { id: string; ruleKey: string; ruleType: string }[];
    }>(`/rest/api/3/workflows/capabilities?projectId=${project?.id ?? ''}&issueTypeId=10000`);
    expect(
      capabilities.body.forgeRules.map(({ id, ruleKey, ruleType }) => ({ id, ruleKey, ruleType })),
    ).toEqual([
      {
        id: extensionAri(APP_ID, ENVIRONMENT_ID, 'exception-policy-validator'),
        ruleKey: 'forge:expression-validator',
        ruleType: 'Validator',
      },
      {
        id: extensionAri(APP_ID, ENVIRONMENT_ID, 'requester-cannot-decide'),
        ruleKey: 'forge:expression-validator',
        ruleType: 'Validator',
      },
      {
        id: extensionAri(APP_ID, ENVIRONMENT_ID, 'exception-lifecycle-recorder'),
        ruleKey: 'forge:workflow-post-function',
        ruleType: 'Function',
      },
      {
        id: extensionAri(APP_ID, ENVIRONMENT_ID, 'not-the-requester'),
        ruleKey: 'forge:expression-condition',
        ruleType: 'Condition',
      },
    ]);
  });

  test('the screens read back hold the fields of DESIGN §2–§3', async () => {
    expect(await readScreens(site().ada)).toEqual({
      'Security Exception Create Screen': [...REQUESTER_FIELDS, 'Attachment'],
      'Security Exception Screen': [...REQUESTER_FIELDS, 'Risk Rating', 'Recertification Checklist'],
      'Security Exception Review Screen': ['Risk Rating', 'Compensating Controls', 'Expiration Date'],
      'Security Exception Recertify Screen': [
        'Recertification Checklist',
        'Business Justification',
        'Expiration Date',
      ],
      'Security Exception Decision Screen': ['Decision Reason'],
      'Security Exception Comment Screen': [],
    });
  });

  test('the fields read back have their types and options', async () => {
    const fields = await readCustomFields(site().ada);
    expect(
      Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, [field.type, field.options]])),
    ).toEqual({
      'Exception Type': [
        `${CF}:select`,
        [
          'MFA bypass',
          'Firewall rule',
          'Vulnerability patch delay',
          'Endpoint control gap',
          'Third-party / vendor access',
          'Legacy system support',
          'Other',
        ],
      ],
      'Business Justification': [`${CF}:textarea`, []],
      'Risk Owner': [`${CF}:userpicker`, []],
      'Compensating Controls': [`${CF}:textarea`, []],
      'Expiration Date': [`${CF}:datepicker`, []],
      'Affected Assets': [`${CF}:labels`, []],
      Urgency: [`${CF}:select`, ['Urgent', 'Standard']],
      'Remediation Plan': [`${CF}:textarea`, []],
      'Risk Rating': [`${CF}:select`, ['Low', 'Medium', 'High', 'Critical']],
      'Recertification Checklist': [
        `${CF}:multicheckboxes`,
        ['Controls still effective', 'Justification still valid', 'No better option available'],
      ],
      'Decision Reason': [`${CF}:textarea`, []],
      Findings: [`${CF}:textarea`, []],
    });
  });

  test("the project's schemes give Exception the workflow and screens, and keep everything else", async () => {
    expect(await readProjectSchemes(site().ada, 'SEC')).toEqual({
      issueTypes: ['Task', 'Exception'],
      workflowScheme: {
        name: 'SEC: Security Exception Workflow Scheme',
        defaultWorkflow: 'Default Workflow',
        mappings: { Exception: 'Security Exception Workflow' },
      },
      screenScheme: {
        name: 'SEC: Security Exception Issue Type Screen Scheme',
        mappings: { default: 'Default Screen Scheme', Exception: 'Security Exception Screen Scheme' },
      },
    });
    const screenSchemes = await site().ada.get<{
      values: { name: string; screens: Record<string, number> }[];
    }>('/rest/api/3/screenscheme');
    expect(
      screenSchemes.body.values.find((scheme) => scheme.name === 'Security Exception Screen Scheme'),
    ).toEqual(expect.objectContaining({ screens: { default: 3, create: 2 } }));
  });

  test('the site configuration names every id setup made', async () => {
    const fields = await readCustomFields(site().ada);
    const id = (name: string): string => fields[name]?.id ?? '';
    expect(await site().store.get(SITE_CONFIG_KEY, SiteConfigSchema)).toEqual({
      version: 1,
      fields: {
        exceptionType: id('Exception Type'),
        justification: id('Business Justification'),
        riskOwner: id('Risk Owner'),
        compensatingControls: id('Compensating Controls'),
        expirationDate: id('Expiration Date'),
        affectedAssets: id('Affected Assets'),
        urgency: id('Urgency'),
        remediationPlan: id('Remediation Plan'),
        riskRating: id('Risk Rating'),
        recertificationChecklist: id('Recertification Checklist'),
        decisionReason: id('Decision Reason'),
        findings: id('Findings'),
      },
      issueTypeId: site().sim.state.issueType('Exception')?.id,
      statuses: Object.fromEntries(
        ['Submitted', 'Risk Review', 'Approved', 'Recertification', 'Rejected', 'Reverted', 'Retired'].map(
          (name) => [name, site().sim.state.status(name)?.id],
        ),
      ),
      projects: [{ id: site().sim.state.project('SEC')?.id, key: 'SEC' }],
      workflowName: 'Security Exception Workflow',
      approverGroups: [
        { groupId: APPROVER_GROUP_IDS['security-reviewers'], name: 'security-reviewers' },
        { groupId: APPROVER_GROUP_IDS['c-level'], name: 'c-level' },
      ],
    });
    expect(site().store.keys()).toEqual([SITE_CONFIG_KEY]);
  });

  test('a second run creates nothing, says so, and sends no write to Jira', async () => {
    const writesBefore = writeCalls(site().sim);
    const again = await provisionProject(site().deps, { projectKey: 'SEC' });
    expect(again.created).toEqual([]);
    expect(again.adopted).toEqual([]);
    expect(again.skipped).toEqual([
      'field "Exception Type" (customfield_10000)',
      'context "Default Configuration Scheme for Exception Type" of field "Exception Type"',
      'options of field "Exception Type"',
      'field "Business Justification" (customfield_10001)',
      'field "Risk Owner" (customfield_10002)',
      'field "Compensating Controls" (customfield_10003)',
      'field "Expiration Date" (customfield_10004)',
      'field "Affected Assets" (customfield_10005)',
      'field "Urgency" (customfield_10006)',
      'context "Default Configuration Scheme for Urgency" of field "Urgency"',
      'options of field "Urgency"',
      'field "Remediation Plan" (customfield_10007)',
      'field "Risk Rating" (customfield_10008)',
      'context "Default Configuration Scheme for Risk Rating" of field "Risk Rating"',
      'options of field "Risk Rating"',
      'field "Recertification Checklist" (customfield_10009)',
      'context "Default Configuration Scheme for Recertification Checklist" of field "Recertification Checklist"',
      'options of field "Recertification Checklist"',
      'field "Decision Reason" (customfield_10010)',
      'field "Findings" (customfield_10011)',
      'issue type "Exception" (10001)',
      'status "Submitted" (10003)',
      'status "Risk Review" (10004)',
      'status "Approved" (10005)',
      'status "Recertification" (10006)',
      'status "Rejected" (10007)',
      'status "Reverted" (10008)',
      'status "Retired" (10009)',
      'screen "Security Exception Create Screen" (2)',
      'fields on screen "Security Exception Create Screen"',
      'screen "Security Exception Screen" (3)',
      'fields on screen "Security Exception Screen"',
      'screen "Security Exception Review Screen" (4)',
      'fields on screen "Security Exception Review Screen"',
      'screen "Security Exception Recertify Screen" (5)',
      'fields on screen "Security Exception Recertify Screen"',
      'screen "Security Exception Decision Screen" (6)',
      'fields on screen "Security Exception Decision Screen"',
      'screen "Security Exception Comment Screen" (7)',
      'workflow "Security Exception Workflow" (00000000-0000-4000-8000-000000000005)',
      'issue type "Exception" in the issue type scheme of project SEC',
      'workflow scheme "SEC: Security Exception Workflow Scheme" (10001) of project SEC',
      'screen scheme "Security Exception Screen Scheme" (2)',
      'issue type screen scheme "SEC: Security Exception Issue Type Screen Scheme" (2) of project SEC',
      'site configuration for project SEC',
    ]);
    expect(writeCalls(site().sim)).toEqual(writesBefore);
    expect(totalOf(writesBefore)).toBe(66);
  });

  test("an Exception runs through the workflow with the app's rules as Jira calls them", async () => {
    const asBo = createSimClient(site().sim.baseUrl, { authorization: site().sim.authorizationFor('bo') });
    const created = await asBo.post<{ key: string }>('/rest/api/3/issue', {
      fields: {
        project: { key: 'SEC' },
        issuetype: { name: 'Exception' },
        summary: 'MFA bypass for the CRM',
      },
    });
    expect(created.status).toBe(201);
    const key = created.body.key;
    const offered = async (client: typeof asBo): Promise<{ id: string; name: string }[]> =>
      (
        await client.get<{ transitions: { id: string; name: string }[] }>(
          `/rest/api/3/issue/${key}/transitions`,
        )
      ).body.transitions;
    const names = async (client: typeof asBo): Promise<string[]> =>
      (await offered(client)).map((transition) => transition.name);
    expect(await names(asBo)).toEqual(['Triage', 'Auto-approve']);
    const triageId = (await offered(site().ada)).find((transition) => transition.name === 'Triage')?.id;
    const triage = await site().ada.post(`/rest/api/3/issue/${key}/transitions`, {
      transition: { id: triageId },
    });
    expect(triage.status).toBe(204);
    await site().sim.idle();
    expect(site().ruleCalls).toEqual([
      { rule: 'validator', configuration: { transition: 'triage' } },
      { rule: 'postFunction', configuration: { transition: 'triage' } },
    ]);
    // Only approvers see the decisions, and never on their own exception: Jira's conditions, no app code.
    site().sim.state.addUser({ accountId: 'cy', displayName: 'Cy', groups: ['c-level'] });
    const asCy = createSimClient(site().sim.baseUrl, { authorization: site().sim.authorizationFor('cy') });
    expect(await names(asCy)).toEqual(['Request info', 'Approve', 'Reject']);
    expect(await names(asBo)).toEqual([]);
    expect(await names(site().ada)).toEqual([]);
    site().sim.state.addToGroup('security-reviewers', 'bo');
    expect(await names(asBo)).toEqual(['Request info', 'Reject']);
  });
});
