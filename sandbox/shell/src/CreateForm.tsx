import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Stack } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import TextField from '@atlaskit/textfield';
import { useState } from 'react';
import { jira, JiraRefusal, type SiteInfo } from './api';
import { EXCEPTION_TYPES } from '../../../src/domain/vocabulary';

const paragraph = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: text === '' ? [] : [{ type: 'text', text }] }],
});

/** Raise an exception as the acting person: the 7 requester fields of DESIGN.md §2 and a summary, sent to Jira. */
export function CreateForm({ site }: { site: SiteInfo }) {
  const F = site.fields;
  const [project, setProject] = useState(site.projects[0]?.key ?? '');
  const [summary, setSummary] = useState('');
  const [type, setType] = useState('');
  const [justification, setJustification] = useState('');
  const [owner, setOwner] = useState('');
  const [controls, setControls] = useState('');
  const [expiry, setExpiry] = useState('');
  const [assets, setAssets] = useState('');
  const [urgency, setUrgency] = useState('Standard');
  const [problems, setProblems] = useState<readonly string[] | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const people = site.users
    .filter((user) => user.active)
    .map((user) => ({ label: user.displayName, value: user.accountId }));
  const submit = async () => {
    setBusy(true);
    setProblems(null);
    setCreated(null);
    const fields: Record<string, unknown> = {
      project: { key: project },
      issuetype: { id: site.issueTypeId },
      summary,
    };
    if (F.exceptionType && type !== '') fields[F.exceptionType] = { value: type };
    if (F.justification && justification !== '') fields[F.justification] = paragraph(justification);
    if (F.riskOwner && owner !== '') fields[F.riskOwner] = { accountId: owner };
    if (F.compensatingControls && controls !== '') fields[F.compensatingControls] = paragraph(controls);
    if (F.expirationDate && expiry !== '') fields[F.expirationDate] = expiry;
    if (F.affectedAssets)
      fields[F.affectedAssets] = assets
        .split(',')
        .map((asset) => asset.trim())
        .filter(Boolean);
    if (F.urgency) fields[F.urgency] = { value: urgency };
    try {
      const answer = await jira<{ key: string }>('/rest/api/3/issue', 'POST', { fields });
      setCreated(answer.key);
    } catch (error) {
      setProblems(error instanceof JiraRefusal ? error.messages : ['The exception could not be created.']);
    } finally {
      setBusy(false);
    }
  };

  const projectOptions = site.projects.map((candidate) => ({ label: candidate.key, value: candidate.key }));
  return (
    <form
      aria-label="Raise a security exception"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack space="space.150">
        <Heading size="large" as="h2">
          Raise a security exception
        </Heading>
        <label htmlFor="create-project">Project</label>
        <Select
          inputId="create-project"
          options={projectOptions}
          value={projectOptions.find((option) => option.value === project) ?? null}
          onChange={(option) => {
            setProject(option?.value ?? '');
          }}
        />
        <label htmlFor="create-summary">Summary</label>
        <TextField
          id="create-summary"
          value={summary}
          onChange={(event) => {
            setSummary(event.currentTarget.value);
          }}
        />
        <label htmlFor="create-type">Exception Type</label>
        <Select
          inputId="create-type"
          options={EXCEPTION_TYPES.map((value) => ({ label: value, value }))}
          value={type === '' ? null : { label: type, value: type }}
          onChange={(option) => {
            setType(option?.value ?? '');
          }}
        />
        <label htmlFor="create-justification">Business Justification</label>
        <TextArea
          id="create-justification"
          value={justification}
          onChange={(event) => {
            setJustification(event.currentTarget.value);
          }}
        />
        <label htmlFor="create-owner">Risk Owner</label>
        <Select
          inputId="create-owner"
          options={people}
          value={people.find((option) => option.value === owner) ?? null}
          onChange={(option) => {
            setOwner(option?.value ?? '');
          }}
        />
        <label htmlFor="create-controls">Compensating Controls</label>
        <TextArea
          id="create-controls"
          value={controls}
          onChange={(event) => {
            setControls(event.currentTarget.value);
          }}
        />
        <label htmlFor="create-expiry">Expiration Date</label>
        <TextField
          id="create-expiry"
          type="date"
          value={expiry}
          onChange={(event) => {
            setExpiry(event.currentTarget.value);
          }}
        />
        <label htmlFor="create-assets">Affected Assets (comma-separated)</label>
        <TextField
          id="create-assets"
          value={assets}
          onChange={(event) => {
            setAssets(event.currentTarget.value);
          }}
        />
        <label htmlFor="create-urgency">Urgency</label>
        <Select
          inputId="create-urgency"
          options={['Standard', 'Urgent'].map((value) => ({ label: value, value }))}
          value={{ label: urgency, value: urgency }}
          onChange={(option) => {
            setUrgency(option?.value ?? 'Standard');
          }}
        />
        <Button appearance="primary" type="submit" isDisabled={busy}>
          Create
        </Button>
        {problems !== null && (
          <SectionMessage appearance="error" title="Jira did not create the exception">
            {problems.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </SectionMessage>
        )}
        {created !== null && (
          <SectionMessage appearance="success" title={`${created} created`}>
            <p>
              <a href={`#/issue/${created}`}>Open {created}</a>
            </p>
          </SectionMessage>
        )}
      </Stack>
    </form>
  );
}
