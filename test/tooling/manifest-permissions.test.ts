import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const ManifestPermissions = z.looseObject({
  permissions: z.looseObject({
    scopes: z.record(z.string(), z.strictObject({ allowImpersonation: z.boolean().optional() })),
  }),
});

describe('manifest.yml permissions', () => {
  const manifest = ManifestPermissions.parse(
    parse(readFileSync(path.join(__dirname, '../../manifest.yml'), 'utf8')),
  );

  it('allows offline user impersonation on read:jira-user only: the validator asks /myself under asUser (ISSUE 6 A2)', () => {
    const impersonating = Object.entries(manifest.permissions.scopes)
      .filter(([, options]) => options.allowImpersonation === true)
      .map(([scope]) => scope);
    expect(impersonating).toEqual(['read:jira-user']);
  });

  it('keeps the scopes the app uses', () => {
    expect(Object.keys(manifest.permissions.scopes).sort()).toEqual([
      'manage:jira-configuration',
      'manage:jira-project',
      'read:jira-user',
      'read:jira-work',
      'storage:app',
      'write:jira-work',
    ]);
  });
});
