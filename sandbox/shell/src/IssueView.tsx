import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { Surface } from './Surface';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import { useCallback, useEffect, useState, type CSSProperties } from 'react';
import { AppIframe } from './AppIframe';
import { appearanceOf } from './IssueList';
import { adfText, fieldText, jira, JiraRefusal, type SiteInfo } from './api';
// The app's own vocabulary and field names, so the shell never shows other words than the app's.
import { FIELD_SPECS } from '../../../src/application/setup/field-specs';
import { RECERTIFICATION_CHECKS, RISK_RATINGS } from '../../../src/domain/vocabulary';

/** The name setup gives each field (a site may have adopted others; the simulator's seed uses these). */
const labelOf = (logical: string): string =>
  (FIELD_SPECS as Readonly<Record<string, { readonly name: string } | undefined>>)[logical]?.name ?? logical;

interface Issue {
  key: string;
  fields: Record<string, unknown>;
}
interface Transition {
  id: string;
  name: string;
}
interface Comment {
  id: string;
  author?: { displayName?: string };
  created: string;
  body: unknown;
}

const layout: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'minmax(0, 3fr) minmax(320px, 2fr)',
  gap: token('space.300'),
};
const panel: CSSProperties = {
  border: `${token('border.width')} solid ${token('color.border')}`,
  borderRadius: token('border.radius'),
};

const paragraph = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: text === '' ? [] : [{ type: 'text', text }] }],
});

/** One issue as Jira shows it: the Exception's fields, the transitions offered to the person, comments, the panel. */
export function IssueView({
  site,
  issueKey,
  userKey,
}: {
  site: SiteInfo;
  issueKey: string;
  userKey: string;
}) {
  const [issue, setIssue] = useState<Issue | null>(null);
  const [transitions, setTransitions] = useState<readonly Transition[]>([]);
  const [comments, setComments] = useState<readonly Comment[]>([]);
  const [problem, setProblem] = useState<readonly string[] | null>(null);
  const [refusal, setRefusal] = useState<{ name: string; messages: readonly string[] } | null>(null);
  const [pending, setPending] = useState<Transition | null>(null);
  const [rating, setRating] = useState<string>('');
  const [reason, setReason] = useState('');
  const [checks, setChecks] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const [panelVersion, setPanelVersion] = useState(0);
  const F = site.fields;

  const load = useCallback(async () => {
    try {
      const fields = ['summary', 'status', 'issuetype', 'reporter', 'created', ...Object.values(F)].join(',');
      const [loaded, offered, listed] = await Promise.all([
        jira<Issue>(`/rest/api/3/issue/${issueKey}?fields=${fields}`),
        jira<{ transitions: Transition[] }>(`/rest/api/3/issue/${issueKey}/transitions`),
        jira<{ comments: Comment[] }>(`/rest/api/3/issue/${issueKey}/comment?maxResults=100`),
      ]);
      setIssue(loaded);
      setTransitions(offered.transitions);
      setComments(listed.comments);
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof JiraRefusal ? error.messages : ['The issue could not be read.']);
    }
  }, [issueKey, F]);

  useEffect(() => {
    setIssue(null);
    setRefusal(null);
    setPending(null);
    void load();
  }, [load, userKey]);

  const transition = async (chosen: Transition) => {
    setBusy(true);
    setRefusal(null);
    const fields: Record<string, unknown> = {};
    if (rating !== '' && F.riskRating) fields[F.riskRating] = { value: rating };
    if (reason !== '' && F.decisionReason) fields[F.decisionReason] = paragraph(reason);
    if (checks.length > 0 && F.recertificationChecklist)
      fields[F.recertificationChecklist] = checks.map((value) => ({ value }));
    try {
      await jira(`/rest/api/3/issue/${issueKey}/transitions`, 'POST', {
        transition: { id: chosen.id },
        ...(Object.keys(fields).length === 0 ? {} : { fields }),
        ...(reason === '' ? {} : { update: { comment: [{ add: { body: paragraph(reason) } }] } }),
      });
      setPending(null);
      setRating('');
      setReason('');
      setChecks([]);
      // The post function and triggers run after Jira answers; read the issue again once they had a moment.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await load();
      setPanelVersion((version) => version + 1);
    } catch (error) {
      setRefusal({
        name: chosen.name,
        messages: error instanceof JiraRefusal ? error.messages : ['The transition failed.'],
      });
    } finally {
      setBusy(false);
    }
  };

  if (problem !== null)
    return (
      <SectionMessage appearance="error" title={`${issueKey} could not be opened`}>
        {problem.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </SectionMessage>
    );
  if (issue === null) return <p>Loading {issueKey}…</p>;
  const status = fieldText(issue.fields.status);
  return (
    <Surface style={layout}>
      <Stack space="space.200">
        <Heading size="large" as="h2">
          {issue.key}: {fieldText(issue.fields.summary)}
        </Heading>
        <Inline space="space.100" alignBlock="center">
          <span>Status</span>
          <Lozenge appearance={appearanceOf(status)}>{status}</Lozenge>
        </Inline>
        <section aria-label="Workflow">
          <Inline space="space.100" shouldWrap>
            {transitions.length === 0 && <span>No transition is offered to you.</span>}
            {transitions.map((candidate) => (
              <Button
                key={candidate.id}
                appearance={pending?.id === candidate.id ? 'primary' : 'default'}
                onClick={() => {
                  setPending(candidate);
                  setRefusal(null);
                }}
              >
                {candidate.name}
              </Button>
            ))}
          </Inline>
        </section>
        {pending !== null && (
          <Surface style={panel} padding="space.200">
            <form
              aria-label={`${pending.name} screen`}
              onSubmit={(event) => {
                event.preventDefault();
                void transition(pending);
              }}
            >
              <Stack space="space.150">
                <Heading size="small" as="h3">
                  {pending.name}
                </Heading>
                <label htmlFor="screen-rating">Risk Rating (optional)</label>
                <Select
                  inputId="screen-rating"
                  isClearable
                  options={RISK_RATINGS.map((value) => ({ label: value, value }))}
                  value={rating === '' ? null : { label: rating, value: rating }}
                  onChange={(option) => {
                    setRating(option?.value ?? '');
                  }}
                />
                <fieldset>
                  <legend>Recertification Checklist (optional)</legend>
                  {RECERTIFICATION_CHECKS.map((check) => (
                    <label key={check} style={{ display: 'block' }}>
                      <input
                        type="checkbox"
                        checked={checks.includes(check)}
                        onChange={(event) => {
                          setChecks(
                            event.target.checked ? [...checks, check] : checks.filter((c) => c !== check),
                          );
                        }}
                      />{' '}
                      {check}
                    </label>
                  ))}
                </fieldset>
                <label htmlFor="screen-reason">Decision reason / comment (optional)</label>
                <TextArea
                  id="screen-reason"
                  value={reason}
                  onChange={(event) => {
                    setReason(event.currentTarget.value);
                  }}
                />
                <Inline space="space.100">
                  <Button appearance="primary" type="submit" isDisabled={busy}>
                    {pending.name}
                  </Button>
                  <Button
                    appearance="subtle"
                    onClick={() => {
                      setPending(null);
                    }}
                  >
                    Cancel
                  </Button>
                </Inline>
              </Stack>
            </form>
          </Surface>
        )}
        {refusal !== null && (
          <SectionMessage appearance="error" title={`${refusal.name} was refused`}>
            {refusal.messages.map((message) => (
              <p key={message} style={{ whiteSpace: 'pre-wrap' }}>
                {message}
              </p>
            ))}
          </SectionMessage>
        )}
        <section aria-label="Details">
          <dl>
            <dt>Type</dt>
            <dd>{fieldText(issue.fields.issuetype)}</dd>
            <dt>Reporter</dt>
            <dd>{fieldText(issue.fields.reporter)}</dd>
            {Object.entries(F).map(([logical, id]) => (
              <div key={logical}>
                <dt>{labelOf(logical)}</dt>
                <dd style={{ whiteSpace: 'pre-wrap' }}>{fieldText(issue.fields[id])}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-label="Comments">
          <Heading size="small" as="h3">
            Comments ({comments.length})
          </Heading>
          {comments.map((comment) => (
            <Surface key={comment.id} style={panel} padding="space.100">
              <strong>{comment.author?.displayName ?? 'Someone'}</strong> <small>{comment.created}</small>
              <p style={{ whiteSpace: 'pre-wrap' }}>{adfText(comment.body)}</p>
            </Surface>
          ))}
        </section>
      </Stack>
      <Surface style={panel} padding="space.100">
        <AppIframe
          key={`${issueKey}-${userKey}-${String(panelVersion)}`}
          title="Security exception issue panel"
          src={`/apps/issue-panel/?issueKey=${encodeURIComponent(issueKey)}`}
          minHeight={320}
        />
      </Surface>
    </Surface>
  );
}
