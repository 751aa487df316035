/**
 * The app as integration tests install it in the simulator: its id and the workflow-rule modules of manifest.yml
 * (the policy validator, the requester expression validator, post function, condition), so
 * `workflows/capabilities` reports them as Jira would and the simulator evaluates the expressions.
 */
import type { ForgeModule } from '../../simulator';

export const APP_ID = '5c1e0d2a-7b4f-4e8a-9c61-3f2d8a7b6e10';
export const ENVIRONMENT_ID = 'e7a1c0de-0000-4000-8000-000000000001';
export const APP_NAME = 'Security Exceptions for Jira';

export const WORKFLOW_RULE_MODULES: readonly ForgeModule[] = [
  { key: 'exception-policy-validator', type: 'validator', name: 'Security exception policy' },
  {
    key: 'requester-cannot-decide',
    type: 'validator',
    name: 'Requester cannot decide',
    expression: 'user.accountId != issue.reporter.accountId',
    errorMessage:
      'Segregation of duties: the requester cannot approve or recertify their own exception. Ask another approver.',
  },
  { key: 'exception-lifecycle-recorder', type: 'postFunction', name: 'Record security exception lifecycle' },
  {
    key: 'not-the-requester',
    type: 'condition',
    name: 'Not the requester',
    expression: 'user.accountId != issue.reporter.accountId',
  },
];
