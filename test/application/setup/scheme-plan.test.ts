import {
  issueTypesWithException,
  screenMappingsWithException,
  workflowSchemeWithException,
} from '../../../src/application/setup/scheme-plan';

test("the project's workflow scheme is copied with Exception mapped to the workflow", () => {
  expect(
    workflowSchemeWithException(
      {
        id: '10010',
        name: 'SEC: Software Simplified Workflow Scheme',
        description: '',
        defaultWorkflow: 'Software Simplified Workflow',
        issueTypeMappings: { '10002': 'Bug Workflow', '10009': 'Old Exception Workflow' },
      },
      '10009',
      'Security Exception Workflow',
      'SEC: Security Exception Workflow Scheme',
      'the scheme',
    ),
  ).toEqual({
    name: 'SEC: Security Exception Workflow Scheme',
    description: 'the scheme',
    defaultWorkflow: 'Software Simplified Workflow',
    issueTypeMappings: { '10002': 'Bug Workflow', '10009': 'Security Exception Workflow' },
  });
});

test('without a current scheme, Jira keeps its default workflow', () => {
  expect(workflowSchemeWithException(null, '10009', 'W', 'N', 'D')).toEqual({
    name: 'N',
    description: 'D',
    defaultWorkflow: null,
    issueTypeMappings: { '10009': 'W' },
  });
});

test.each([
  {
    current: [
      { issueTypeId: 'default', screenSchemeId: '1' },
      { issueTypeId: '10002', screenSchemeId: '7' },
    ],
    expected: [
      { issueTypeId: 'default', screenSchemeId: '1' },
      { issueTypeId: '10002', screenSchemeId: '7' },
      { issueTypeId: '10009', screenSchemeId: '2' },
    ],
  },
  {
    current: [
      { issueTypeId: 'default', screenSchemeId: '1' },
      { issueTypeId: '10009', screenSchemeId: '8' },
    ],
    expected: [
      { issueTypeId: 'default', screenSchemeId: '1' },
      { issueTypeId: '10009', screenSchemeId: '2' },
    ],
  },
  {
    current: [],
    expected: [
      { issueTypeId: 'default', screenSchemeId: '2' },
      { issueTypeId: '10009', screenSchemeId: '2' },
    ],
  },
])('screen mappings keep the others and map Exception once (%#)', ({ current, expected }) => {
  expect(screenMappingsWithException(current, '10009', '2')).toEqual(expected);
});

test('issue types of a copied scheme keep their order and gain Exception once', () => {
  expect(issueTypesWithException(['10001', '10002'], '10009')).toEqual(['10001', '10002', '10009']);
  expect(issueTypesWithException(['10009', '10001'], '10009')).toEqual(['10009', '10001']);
});
