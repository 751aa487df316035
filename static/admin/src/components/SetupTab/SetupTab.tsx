/**
 * One-click setup: what is set up so far (getSetupStatus: present and missing parts), a project key and one button
 * that runs setup (runSetup) and shows its report; a refusal says what to do (busy: wait; incomplete: run again to
 * resume, with what was done so far; blocked: resolve the listed conflicts first).
 */
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { RunSetupResponse } from '@contracts/admin-setup';
import type { RefusalCode } from '@contracts/refusal';
import { ErrorState } from '@shared/components/ErrorState';
import { RefusalMessage } from '@shared/components/RefusalMessage';
import { useState } from 'react';
import { getSetupStatus } from '../../api/get-setup-status';
import { runSetup } from '../../api/run-setup';
import { asError, useAnswer } from '../../hooks/use-answer';
import { AnswerView } from '../AnswerView';
import { SetupReport } from '../SetupReport';

const whatToDo = (code: RefusalCode): string | null => {
  switch (code) {
    case 'busy':
      return 'Setup is already running (perhaps in another tab). Wait a minute, then look at the status again.';
    case 'incomplete':
      return 'Setup stopped part-way. Run it again: it resumes where it stopped. What it did so far:';
    case 'blocked':
      return 'Resolve the conflicts listed above in Jira, then run setup again.';
    default:
      return null;
  }
};

type Run =
  | { readonly state: 'idle' }
  | { readonly state: 'running' }
  | { readonly state: 'done'; readonly answer: RunSetupResponse }
  | { readonly state: 'failed'; readonly error: Error };

const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/;

export function SetupTab() {
  const [status, reloadStatus] = useAnswer(getSetupStatus);
  const [projectKey, setProjectKey] = useState('');
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const keyProblem =
    projectKey === '' || PROJECT_KEY.test(projectKey) ? null : 'must be a Jira project key such as SEC';

  const onRun = async (): Promise<void> => {
    setRun({ state: 'running' });
    try {
      setRun({ state: 'done', answer: await runSetup(projectKey) });
    } catch (error) {
      setRun({ state: 'failed', error: asError(error) });
    }
    reloadStatus();
  };

  return (
    <div>
      <Heading as="h2" size="medium">
        Setup
      </Heading>
      <AnswerView loaded={status} loadingLabel="Loading the setup status" onRetry={reloadStatus}>
        {({ status: current }) => (
          <section aria-label="Setup status">
            <p>
              <Lozenge appearance={current.ready ? 'success' : 'moved'}>
                {current.ready ? 'Ready' : 'Not ready'}
              </Lozenge>
            </p>
            {current.present.length > 0 && (
              <>
                <Heading as="h3" size="small">
                  In place
                </Heading>
                <ul aria-label="In place">
                  {current.present.map((item, index) => (
                    <li key={index}>{item}</li>
                  ))}
                </ul>
              </>
            )}
            {current.missing.length > 0 && (
              <>
                <Heading as="h3" size="small">
                  Missing or changed since setup
                </Heading>
                <ul aria-label="Missing or changed since setup">
                  {current.missing.map((item, index) => (
                    <li key={index}>{item}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}
      </AnswerView>

      <section aria-label="Run setup" style={{ marginBlockStart: token('space.300') }}>
        <Heading as="h3" size="small">
          Run setup
        </Heading>
        <label htmlFor="setup-project-key">Project key</label>
        <Textfield
          id="setup-project-key"
          width="small"
          value={projectKey}
          isInvalid={keyProblem !== null}
          aria-describedby={keyProblem === null ? undefined : 'setup-project-key-problem'}
          onChange={(event) => {
            setProjectKey(event.currentTarget.value.trim());
          }}
        />
        {keyProblem !== null && (
          <p id="setup-project-key-problem" style={{ color: token('color.text.danger') }}>
            {keyProblem}
          </p>
        )}
        <div style={{ marginBlockStart: token('space.100') }}>
          <Button
            appearance="primary"
            isDisabled={projectKey === '' || keyProblem !== null}
            isLoading={run.state === 'running'}
            onClick={() => {
              void onRun();
            }}
          >
            Run setup
          </Button>
        </div>
        {run.state === 'failed' && <ErrorState error={run.error} />}
        {run.state === 'done' && run.answer.ok && (
          <section aria-label="Setup report">
            <Heading as="h4" size="xsmall">
              Setup report
            </Heading>
            <SetupReport report={run.answer.report} />
          </section>
        )}
        {run.state === 'done' && !run.answer.ok && (
          <div>
            <RefusalMessage refusal={run.answer} />
            {whatToDo(run.answer.error.code) !== null && <p>{whatToDo(run.answer.error.code)}</p>}
            {run.answer.error.report !== undefined && <SetupReport report={run.answer.error.report} />}
          </div>
        )}
      </section>
    </div>
  );
}
