import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import { useEffect, useState } from 'react';
import { fieldText, jira, JiraRefusal, type SiteInfo } from './api';

interface SearchIssue {
  readonly key: string;
  readonly fields: Record<string, unknown>;
}

/** The lozenge of a status, as Jira colours its categories (also the issue view's). */
export const appearanceOf = (status: string) =>
  status === 'Approved'
    ? 'success'
    : status === 'Rejected' || status === 'Reverted'
      ? 'removed'
      : status === 'Recertification'
        ? 'moved'
        : status === 'Retired'
          ? 'default'
          : 'inprogress';

/** The issue list: what the acting person may browse, by project, newest first (Jira's own JQL search). */
export function IssueList({ site, userKey }: { site: SiteInfo; userKey: string }) {
  // SEC (the register's first project) when there is one, as a person would start there.
  const [project, setProject] = useState<string>(
    site.projects.find((candidate) => candidate.key === 'SEC')?.key ?? site.projects[0]?.key ?? '',
  );
  const [issues, setIssues] = useState<readonly SearchIssue[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const risk = site.fields.riskRating ?? '';
  const expiry = site.fields.expirationDate ?? '';

  useEffect(() => {
    let current = true;
    setIssues(null);
    setProblem(null);
    const jql = `project = "${project}" ORDER BY key DESC`;
    const fields = ['summary', 'status', 'issuetype', risk, expiry].filter(Boolean).join(',');
    jira<{ issues: SearchIssue[] }>(
      `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&fields=${fields}&maxResults=100`,
    ).then(
      (answer) => {
        if (current) setIssues(answer.issues);
      },
      (error: unknown) => {
        if (current) setProblem(error instanceof JiraRefusal ? error.message : 'The search failed.');
      },
    );
    return () => {
      current = false;
    };
  }, [project, userKey, risk, expiry]);

  const options = site.projects.map((candidate) => ({
    label: `${candidate.name} (${candidate.key})`,
    value: candidate.key,
  }));
  return (
    <Stack space="space.200">
      <Inline space="space.200" alignBlock="center">
        <label htmlFor="project-filter">Project</label>
        <div>
          <Select
            inputId="project-filter"
            options={options}
            value={options.find((option) => option.value === project) ?? null}
            onChange={(option) => {
              if (option) setProject(option.value);
            }}
          />
        </div>
      </Inline>
      {problem !== null && (
        <SectionMessage appearance="error" title="The issues could not be listed">
          <p>{problem}</p>
        </SectionMessage>
      )}
      <DynamicTable
        caption={`Exceptions in ${project}`}
        isLoading={issues === null && problem === null}
        emptyView={<p>Nothing in {project} that you may browse.</p>}
        head={{
          cells: [
            { key: 'key', content: 'Key' },
            { key: 'summary', content: 'Summary' },
            { key: 'status', content: 'Status' },
            { key: 'type', content: 'Type' },
            { key: 'risk', content: 'Risk' },
            { key: 'expiry', content: 'Expires' },
          ],
        }}
        rows={(issues ?? []).map((issue) => {
          const status = fieldText(issue.fields.status);
          return {
            key: issue.key,
            cells: [
              { key: 'key', content: <a href={`#/issue/${issue.key}`}>{issue.key}</a> },
              { key: 'summary', content: fieldText(issue.fields.summary) },
              { key: 'status', content: <Lozenge appearance={appearanceOf(status)}>{status}</Lozenge> },
              { key: 'type', content: fieldText(issue.fields.issuetype) },
              { key: 'risk', content: fieldText(issue.fields[risk]) },
              { key: 'expiry', content: fieldText(issue.fields[expiry]) },
            ],
          };
        })}
        rowsPerPage={25}
      />
    </Stack>
  );
}
