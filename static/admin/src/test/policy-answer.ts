/** A stored policy answer for the tests: the default policy saved as version 3. */
import { PolicySchema } from '@contracts/policy-document';

export const storedPolicy = () =>
  PolicySchema.parse({ version: 3, updatedAt: '2026-11-02T10:00:00.000Z', updatedBy: 'alice' });

export const versionsAnswer = {
  ok: true,
  versions: [
    { version: 3, updatedAt: '2026-11-02T10:00:00.000Z', updatedBy: 'alice', current: true },
    { version: 2, updatedAt: '2026-10-01T09:00:00.000Z', updatedBy: 'bob', current: false },
  ],
};
