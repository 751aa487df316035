import path from 'node:path';
import { createJiraSimulator, type JiraSimulator, OpenApiDocumentMissingError } from '../../simulator';
import { appClient, type ErrorCollection, startSeededSimulator } from './simulator-fixture';

describe('contract validation against the official Jira OpenAPI document', () => {
  let sim: JiraSimulator;

  beforeEach(async () => {
    sim = await startSeededSimulator();
    sim.state.addIssue({ project: 'OPS', summary: 'Patch the proxy' });
  });

  afterEach(async () => {
    await sim.close();
  });

  it('refuses a request whose body breaks the schema with 400 and records the violation', async () => {
    const response = await appClient(sim).post<ErrorCollection>('/rest/api/3/search/jql', {
      jql: 'project = OPS',
      maxResults: 'many',
    });

    expect(response.status).toBe(400);
    expect(response.body.errorMessages).toEqual([
      'simulator contract violation: the request does not match searchAndReconsileIssuesUsingJqlPost: requestBody/maxResults must be integer',
    ]);
    expect(sim.contractViolations).toEqual([
      {
        direction: 'request',
        method: 'POST',
        path: '/rest/api/3/search/jql',
        operationId: 'searchAndReconsileIssuesUsingJqlPost',
        errors: ['requestBody/maxResults must be integer'],
      },
    ]);
  });

  it('catches a response that breaks the schema, answered 500 "simulator contract violation"', async () => {
    sim.tamperWithNextResponse((body) => ({ ...(body as Record<string, unknown>), isLast: 'perhaps' }));

    const response = await appClient(sim).post<ErrorCollection>('/rest/api/3/search/jql', {
      jql: 'project = OPS',
    });

    expect(response.status).toBe(500);
    expect(response.body.errorMessages[0]).toMatch(
      /^simulator contract violation: the 200 response does not match searchAndReconsileIssuesUsingJqlPost: /,
    );
    expect(sim.contractViolations).toEqual([
      {
        direction: 'response',
        method: 'POST',
        path: '/rest/api/3/search/jql',
        operationId: 'searchAndReconsileIssuesUsingJqlPost',
        status: 200,
        errors: ['isLast must be boolean'],
      },
    ]);
    expect(() => {
      sim.assertNoContractViolations();
    }).toThrow(
      'Jira contract violations:\nresponse POST /rest/api/3/search/jql (searchAndReconsileIssuesUsingJqlPost, status 200): isLast must be boolean',
    );
  });

  it('treats a path the document lacks as a violation', async () => {
    const response = await appClient(sim).get<ErrorCollection>('/rest/api/3/no-such-thing');

    expect(response.status).toBe(404);
    expect(sim.contractViolations).toEqual([
      {
        direction: 'request',
        method: 'GET',
        path: '/rest/api/3/no-such-thing',
        operationId: null,
        errors: [
          'GET /rest/api/3/no-such-thing is not an operation of the Jira Cloud platform REST API document',
        ],
      },
    ]);
  });

  it('treats an undocumented query parameter as a violation', async () => {
    const response = await appClient(sim).get('/rest/api/3/issue/OPS-1?fieldz=summary');

    expect(response.status).toBe(400);
    expect(sim.contractViolations.map((violation) => violation.errors)).toEqual([
      ["query must NOT have additional properties ('fieldz')"],
    ]);
  });

  it('lets well-formed traffic through without violations', async () => {
    const response = await appClient(sim).get('/rest/api/3/issue/OPS-1?fields=summary,status');

    expect(response.status).toBe(200);
    expect(() => {
      sim.assertNoContractViolations();
    }).not.toThrow();
  });

  it('in record mode answers as Jira would and only records the violation', async () => {
    const recording = await createJiraSimulator({ contract: 'record' });
    recording.state.addProject({ key: 'OPS' });
    try {
      const response = await appClient(recording).post('/rest/api/3/search/jql', {
        jql: 'project = OPS',
        colour: 'blue',
      });

      expect(response.status).toBe(200);
      expect(recording.contractViolations.map((violation) => violation.errors)).toEqual([
        ["requestBody must NOT have additional properties ('colour')"],
      ]);
    } finally {
      await recording.close();
    }
  });

  it('names the path and JIRA_OPENAPI when the document is missing', async () => {
    const missing = path.join('/nonexistent', 'jira.json');

    await expect(createJiraSimulator({ openApiPath: missing })).rejects.toThrow(OpenApiDocumentMissingError);
    await expect(createJiraSimulator({ openApiPath: missing })).rejects.toThrow(
      'The Jira OpenAPI document was not found at /nonexistent/jira.json. Set JIRA_OPENAPI to its path',
    );
  });
});
