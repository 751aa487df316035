import { z } from 'zod';
import { JiraHttpError, JiraResponseShapeError } from '../../../src/adapters/jira/jira-errors';
import type { JiraResponse } from '../../../src/adapters/jira/jira-fetcher';
import { ensureOk, readJson } from '../../../src/adapters/jira/read-json';

const response = (status: number, body: string): JiraResponse => ({
  status,
  headers: { get: () => null },
  text: () => Promise.resolve(body),
});

describe('reading Jira responses', () => {
  const Schema = z.looseObject({ id: z.string(), key: z.string() });

  it('parses a body loosely: members Jira adds are kept, not refused', async () => {
    await expect(
      readJson('GET /issue/{key}', response(200, '{"id":"1","key":"SEC-1","self":"x"}'), Schema),
    ).resolves.toEqual({
      id: '1',
      key: 'SEC-1',
      self: 'x',
    });
  });

  it('names paths, never values, when the shape is wrong', async () => {
    const error = await readJson(
      'GET /issue/{key}',
      response(200, '{"id":1,"summary":"secret text"}'),
      Schema,
    ).catch((e: unknown) => e);
    expect(error).toEqual(
      new JiraResponseShapeError('GET /issue/{key}', ['id: invalid_type', 'key: invalid_type']),
    );
    expect((error as Error).message).not.toContain('secret');
  });

  it("turns non-2xx answers into JiraHttpError with Jira's messages", async () => {
    const body = JSON.stringify({
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: { summary: 'required' },
    });
    const error = await ensureOk('GET /issue/{key}', response(404, body)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraHttpError);
    expect(error).toMatchObject({
      endpoint: 'GET /issue/{key}',
      status: 404,
      jiraMessages: ['Issue does not exist or you do not have permission to see it.', 'summary: required'],
      message: 'Jira answered 404 to GET /issue/{key}',
    });
  });

  it('accepts empty 204 bodies', async () => {
    await expect(ensureOk('PUT /issue/{key}', response(204, ''))).resolves.toBeUndefined();
  });
});
