import type { JiraSimulator } from '../../simulator';
import { adf, appClient, clientAs, type ErrorCollection, startSeededSimulator } from './simulator-fixture';

interface IssueBean {
  id: string;
  key: string;
  fields: Record<string, unknown>;
}

describe('issues, comments, properties, links and bulk reads', () => {
  let sim: JiraSimulator;
  let exceptionTypeId: string;
  let urgencyId: string;
  let riskOwnerId: string;

  beforeEach(async () => {
    sim = await startSeededSimulator();
    exceptionTypeId = sim.state.addIssueType({ name: 'Exception' }).id;
    urgencyId = sim.state.addCustomField({
      name: 'Urgency',
      type: 'select',
      options: ['Urgent', 'Standard'],
    }).id;
    riskOwnerId = sim.state.addCustomField({ name: 'Risk Owner', type: 'userpicker' }).id;
  });

  afterEach(async () => {
    sim.assertNoContractViolations();
    await sim.close();
  });

  const create = (fields: Record<string, unknown>, asUser = 'ana') =>
    appClient(sim, asUser).post<{ key: string } & ErrorCollection>('/rest/api/3/issue', {
      fields: { project: { key: 'SEC' }, issuetype: { id: exceptionTypeId }, ...fields },
    });

  it('creates an issue with the caller as reporter and reads it back in REST v3 form', async () => {
    const created = await create({
      summary: 'MFA bypass for legacy CRM',
      description: adf('Legacy CRM blocks sales logins'),
      labels: ['crm-legacy-01'],
      [urgencyId]: { value: 'Urgent' },
      [riskOwnerId]: { accountId: 'cy' },
    });
    const read = await clientAs(sim, 'ana').get<IssueBean>(
      `/rest/api/3/issue/${created.body.key}?fields=summary,description,labels,reporter,status,${urgencyId},${riskOwnerId}`,
    );

    expect(created.status).toBe(201);
    expect(created.body.key).toBe('SEC-1');
    const { fields } = read.body;
    expect(fields.summary).toBe('MFA bypass for legacy CRM');
    expect(fields.description).toEqual(adf('Legacy CRM blocks sales logins'));
    expect(fields.labels).toEqual(['crm-legacy-01']);
    expect((fields.reporter as { accountId: string }).accountId).toBe('ana');
    expect((fields.status as { name: string }).name).toBe('To Do');
    expect(fields[urgencyId]).toEqual({
      self: expect.stringContaining('/rest/api/3/customFieldOption/') as unknown,
      value: 'Urgent',
      id: expect.any(String) as unknown,
    });
    expect((fields[riskOwnerId] as { displayName: string }).displayName).toBe('Cy');
  });

  it.each<[string, Record<string, unknown>, string, Record<string, string>]>([
    ['no summary', {}, 'ana', { summary: 'You must specify a summary of the issue.' }],
    [
      'a plain-text description',
      { summary: 'x', description: 'plain' },
      'ana',
      { description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' },
    ],
    [
      'an ADF document that breaks the schema',
      {
        summary: 'x',
        description: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text' }] }],
        },
      },
      'ana',
      { description: 'INVALID_INPUT' },
    ],
    [
      'an unknown option',
      { summary: 'x', [`URGENCY`]: null },
      'ana',
      { URGENCY: "Field 'URGENCY' cannot be set. It is not on the appropriate screen, or unknown." },
    ],
    [
      'a project the user cannot browse',
      { summary: 'x' },
      'bo',
      { project: 'Specify a valid project ID or key' },
    ],
    [
      'a label with a space',
      { summary: 'x', labels: ['prod db'] },
      'ana',
      { labels: "The label 'prod db' contains spaces which is invalid." },
    ],
  ])('refuses a create with %s', async (_case, fields, asUser, errors) => {
    const response = await create(fields, asUser);

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errorMessages: [], errors });
  });

  it('refuses an option the field does not have', async () => {
    const response = await create({ summary: 'x', [urgencyId]: { value: 'Someday' } });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual({ [urgencyId]: "Option value 'Someday' is not valid" });
  });

  it('edits fields, records the changelog, and serves it through changelog/bulkfetch', async () => {
    await create({ summary: 'Firewall rule', labels: ['fw-01'], [urgencyId]: { value: 'Standard' } });

    const edit = await clientAs(sim, 'ana').put('/rest/api/3/issue/SEC-1', {
      fields: { [urgencyId]: { value: 'Urgent' } },
      update: { labels: [{ add: 'fw-02' }, { remove: 'fw-01' }] },
    });
    const unchanged = await clientAs(sim, 'ana').put('/rest/api/3/issue/SEC-1', {
      fields: { summary: 'Firewall rule' },
    });
    const changelog = await clientAs(sim, 'ana').post<{
      issueChangeLogs: { issueId: string; changeHistories: { items: unknown[] }[] }[];
    }>('/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: ['SEC-1'] });

    expect([edit.status, unchanged.status]).toEqual([204, 204]);
    expect(sim.state.issue('SEC-1')?.fields.get('labels')).toEqual(['fw-02']);
    expect(changelog.body.issueChangeLogs).toHaveLength(1);
    expect(changelog.body.issueChangeLogs[0]?.changeHistories.map((history) => history.items)).toEqual([
      [
        {
          field: 'Urgency',
          fieldtype: 'custom',
          fieldId: urgencyId,
          from: expect.any(String) as unknown,
          fromString: 'Standard',
          to: expect.any(String) as unknown,
          toString: 'Urgent',
        },
        { field: 'labels', fieldtype: 'jira', fieldId: 'labels', fromString: 'fw-01', toString: 'fw-02' },
      ],
    ]);
  });

  it('pages changelogs with nextPageToken and filters them by field', async () => {
    await create({ summary: 'One' });
    for (const label of ['a', 'b', 'c']) {
      await clientAs(sim, 'ana').put('/rest/api/3/issue/SEC-1', {
        update: { labels: [{ add: label }] },
        fields: { summary: `One ${label}` },
      });
    }
    const first = await clientAs(sim, 'ana').post<{
      issueChangeLogs: { changeHistories: { items: { fieldId: string; toString: string }[] }[] }[];
      nextPageToken?: string;
    }>('/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: ['SEC-1'],
      fieldIds: ['summary'],
      maxResults: 2,
    });
    const second = await clientAs(sim, 'ana').post<typeof first.body>('/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: ['SEC-1'],
      fieldIds: ['summary'],
      maxResults: 2,
      nextPageToken: first.body.nextPageToken,
    });

    const texts = (body: typeof first.body) =>
      body.issueChangeLogs.flatMap((log) =>
        log.changeHistories.flatMap((history) => history.items.map((item) => item.toString)),
      );
    expect(texts(first.body)).toEqual(['One a', 'One b']);
    expect(texts(second.body)).toEqual(['One c']);
    expect(second.body.nextPageToken).toBeUndefined();
  });

  it('adds ADF comments, refuses broken ones, and lists them oldest first', async () => {
    await create({ summary: 'One' });
    const added = await clientAs(sim, 'ana').post<{ id: string; author: { accountId: string } }>(
      '/rest/api/3/issue/SEC-1/comment',
      { body: adf('First') },
    );
    await appClient(sim).post('/rest/api/3/issue/SEC-1/comment', { body: adf('Second') });
    const broken = await clientAs(sim, 'ana').post<ErrorCollection>('/rest/api/3/issue/SEC-1/comment', {
      body: 'plain text',
    });
    const listed = await clientAs(sim, 'ana').get<{
      total: number;
      comments: { body: unknown; author: { accountId: string } }[];
    }>('/rest/api/3/issue/SEC-1/comment');

    expect(added.status).toBe(201);
    expect(added.body.author.accountId).toBe('ana');
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ errorMessages: [], errors: { comment: 'INVALID_INPUT' } });
    expect(listed.body.total).toBe(2);
    expect(listed.body.comments.map((comment) => [comment.author.accountId, comment.body])).toEqual([
      ['ana', adf('First')],
      ['simulator-app', adf('Second')],
    ]);
  });

  it('stores, replaces and deletes issue properties', async () => {
    await create({ summary: 'One' });
    const url = '/rest/api/3/issue/SEC-1/properties/security-exception-lifecycle';
    const client = appClient(sim);

    const created = await client.put(url, { version: 1 });
    const replaced = await client.put(url, { version: 2 });
    const read = await client.get(url);
    const deleted = await client.delete(url);
    const gone = await client.get<ErrorCollection>(url);

    expect([created.status, replaced.status, read.status, deleted.status, gone.status]).toEqual([
      201, 200, 200, 204, 404,
    ]);
    expect(read.body).toEqual({ key: 'security-exception-lifecycle', value: { version: 2 } });
    expect(gone.body.errorMessages).toEqual([
      "The property with key 'security-exception-lifecycle' does not exist.",
    ]);
  });

  it('bulk-fetches visible issues in id order and reports the others as issueErrors', async () => {
    sim.state.addIssue({ project: 'SEC', summary: 'Hidden from Bo' });
    sim.state.addIssue({ project: 'OPS', summary: 'Visible' });
    sim.state.addIssue({ project: 'OPS', summary: 'Also visible' });

    const response = await clientAs(sim, 'bo').post<{
      issues: IssueBean[];
      issueErrors: { id: string; errorMessage: string }[];
    }>('/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ['OPS-2', 'SEC-1', 'OPS-1', 'NOPE-1'],
      fields: ['summary'],
    });
    const tooMany = await clientAs(sim, 'bo').post<ErrorCollection>('/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: Array.from({ length: 101 }, (_, index) => `OPS-${index + 1}`),
    });

    expect(response.body.issues.map((issue) => [issue.key, issue.fields.summary])).toEqual([
      ['OPS-1', 'Visible'],
      ['OPS-2', 'Also visible'],
    ]);
    expect(response.body.issueErrors.map((error) => error.id)).toEqual(['SEC-1', 'NOPE-1']);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errorMessages).toEqual(['Between 1 and 100 issue IDs or keys must be provided.']);
  });

  it('links issues and comments on the outward issue', async () => {
    await create({ summary: 'Exception' });
    sim.state.addIssue({ project: 'OPS', summary: 'Engineering fix' });

    const linked = await appClient(sim).post('/rest/api/3/issueLink', {
      type: { name: 'Relates' },
      inwardIssue: { key: 'OPS-1' },
      outwardIssue: { key: 'SEC-1' },
      comment: { body: adf('Chronic exception: engineering issue OPS-1 created.') },
    });
    const read = await appClient(sim).get<IssueBean>('/rest/api/3/issue/SEC-1?fields=issuelinks');

    expect(linked.status).toBe(201);
    expect(read.body.fields.issuelinks).toEqual([
      expect.objectContaining({
        type: expect.objectContaining({ name: 'Relates' }) as unknown,
        inwardIssue: expect.objectContaining({ key: 'OPS-1' }) as unknown,
      }),
    ]);
    expect(sim.state.issue('SEC-1')?.comments.map((comment) => comment.body)).toEqual([
      adf('Chronic exception: engineering issue OPS-1 created.'),
    ]);
  });
});

describe('fields, options and screens', () => {
  let sim: JiraSimulator;

  beforeEach(async () => {
    sim = await startSeededSimulator();
  });

  afterEach(async () => {
    sim.assertNoContractViolations();
    await sim.close();
  });

  it('creates a select field with options and finds it through /field/search', async () => {
    const admin = appClient(sim);
    const field = await admin.post<{ id: string; schema: unknown }>('/rest/api/3/field', {
      name: 'Exception Type',
      type: 'com.atlassian.jira.plugin.system.customfieldtypes:select',
    });
    const contexts = await admin.get<{ values: { id: string; isGlobalContext: boolean }[] }>(
      `/rest/api/3/field/${field.body.id}/context`,
    );
    const contextId = contexts.body.values[0]?.id ?? '';
    const created = await admin.post<{ options: { value: string }[] }>(
      `/rest/api/3/field/${field.body.id}/context/${contextId}/option`,
      {
        options: [{ value: 'MFA bypass' }, { value: 'Firewall rule' }],
      },
    );
    const duplicate = await admin.post<ErrorCollection>(
      `/rest/api/3/field/${field.body.id}/context/${contextId}/option`,
      {
        options: [{ value: 'MFA bypass' }],
      },
    );
    const options = await admin.get<{ values: { value: string }[] }>(
      `/rest/api/3/field/${field.body.id}/context/${contextId}/option`,
    );
    const found = await admin.get<{ values: { id: string; name: string; key: string }[] }>(
      '/rest/api/3/field/search?type=custom&query=exception&expand=key',
    );

    expect(field.status).toBe(201);
    expect(field.body.schema).toEqual({
      type: 'option',
      custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select',
      customId: Number(field.body.id.replace('customfield_', '')),
    });
    expect(contexts.body.values.map((context) => context.isGlobalContext)).toEqual([true]);
    expect(created.body.options.map((option) => option.value)).toEqual(['MFA bypass', 'Firewall rule']);
    expect(duplicate.status).toBe(400);
    expect(options.body.values.map((option) => option.value)).toEqual(['MFA bypass', 'Firewall rule']);
    expect(found.body.values).toEqual([
      {
        id: field.body.id,
        name: 'Exception Type',
        key: field.body.id,
        schema: field.body.schema,
        description: '',
      },
    ]);
  });

  it('builds a screen with a tab and fields, a screen scheme and an issue type screen scheme for a project', async () => {
    const admin = appClient(sim);
    const screen = await admin.post<{ id: number }>('/rest/api/3/screens', { name: 'Exception screen' });
    const tab = await admin.post<{ id: number }>(`/rest/api/3/screens/${screen.body.id}/tabs`, {
      name: 'Exception',
    });
    await admin.post(`/rest/api/3/screens/${screen.body.id}/tabs/${tab.body.id}/fields`, {
      fieldId: 'summary',
    });
    const twice = await admin.post<ErrorCollection>(
      `/rest/api/3/screens/${screen.body.id}/tabs/${tab.body.id}/fields`,
      { fieldId: 'summary' },
    );
    const fields = await admin.get<{ id: string }[]>(
      `/rest/api/3/screens/${screen.body.id}/tabs/${tab.body.id}/fields`,
    );
    const screenScheme = await admin.post<{ id: number }>('/rest/api/3/screenscheme', {
      name: 'Exception screens',
      screens: { default: screen.body.id },
    });
    const typeScheme = await admin.post<{ id: string }>('/rest/api/3/issuetypescreenscheme', {
      name: 'Exception screens',
      issueTypeMappings: [{ issueTypeId: 'default', screenSchemeId: String(screenScheme.body.id) }],
    });
    const projectId = sim.state.project('SEC')?.id ?? '';
    const assigned = await admin.put('/rest/api/3/issuetypescreenscheme/project', {
      issueTypeScreenSchemeId: typeScheme.body.id,
      projectId,
    });
    const association = await admin.get<{
      values: { issueTypeScreenScheme: { id: string }; projectIds: string[] }[];
    }>(`/rest/api/3/issuetypescreenscheme/project?projectId=${projectId}`);

    expect(fields.body.map((field) => field.id)).toEqual(['summary']);
    expect(twice.status).toBe(400);
    expect(assigned.status).toBe(204);
    expect(association.body.values).toEqual([
      {
        issueTypeScreenScheme: expect.objectContaining({ id: typeScheme.body.id }) as unknown,
        projectIds: [projectId],
      },
    ]);
  });

  it('creates statuses and finds them with /statuses/search', async () => {
    const created = await appClient(sim).post<{ id: string; name: string }[]>('/rest/api/3/statuses', {
      scope: { type: 'GLOBAL' },
      statuses: [{ name: 'Risk Review', statusCategory: 'IN_PROGRESS' }],
    });
    const again = await appClient(sim).post<ErrorCollection>('/rest/api/3/statuses', {
      scope: { type: 'GLOBAL' },
      statuses: [{ name: 'Risk Review', statusCategory: 'IN_PROGRESS' }],
    });
    const found = await appClient(sim).get<{ values: { name: string; statusCategory: string }[] }>(
      '/rest/api/3/statuses/search?searchString=review',
    );

    expect(created.body.map((status) => status.name)).toEqual(['Risk Review']);
    expect(again.status).toBe(409);
    expect(found.body.values).toEqual([
      expect.objectContaining({ name: 'Risk Review', statusCategory: 'IN_PROGRESS' }),
    ]);
  });
});
