import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repositoryRoot = path.resolve(__dirname, '../..');

/** Where the official Jira Cloud platform OpenAPI document lives (../shared/jira/README.md). */
export const openApiDocumentPath = (): string =>
  process.env.JIRA_OPENAPI ?? path.resolve(repositoryRoot, '../shared/jira/jira-platform.openapi.json');

export class OpenApiDocumentMissingError extends Error {
  constructor(documentPath: string) {
    super(
      `The Jira OpenAPI document was not found at ${documentPath}. ` +
        'Set JIRA_OPENAPI to its path, or place it at ../shared/jira/jira-platform.openapi.json ' +
        '(published at https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json).',
    );
    this.name = 'OpenApiDocumentMissingError';
  }
}

/** Reads and parses the document; the caller caches it (it is 2.5 MB). */
export const readOpenApiDocument = (documentPath: string): unknown => {
  if (!existsSync(documentPath)) throw new OpenApiDocumentMissingError(documentPath);
  return JSON.parse(readFileSync(documentPath, 'utf8')) as unknown;
};
