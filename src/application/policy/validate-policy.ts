/** validatePolicy: every problem of a draft policy, so the admin page can show them before saving. */
import type { ValidatePolicyRequest, ValidatePolicyResponse } from '../../contracts/admin-policy';
import type { Answered } from '../../contracts/refusal';
import { adminUseCase } from '../use-case';
import { checkPolicy } from './policy-problems';
import type { PolicyDependencies } from './policy-dependencies';
import { notAdminMessage } from './require-jira-admin';

export const validatePolicy = adminUseCase(
  notAdminMessage('check a security exception policy'),
  (
    request: ValidatePolicyRequest,
    _deps: Pick<PolicyDependencies, 'jiraAsUser'>,
  ): Promise<Answered<ValidatePolicyResponse>> => {
    // The stamp is the server's on save; any valid one will do to check the rest of the document.
    const check = checkPolicy(request.policy, { version: 1, updatedAt: null, updatedBy: null });
    return Promise.resolve({ ok: true, valid: check.ok, problems: check.ok ? [] : check.problems });
  },
);
