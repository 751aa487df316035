/**
 * The scanner web trigger's tokens (ISSUE 10): one per set-up project. Creating or rotating one shows it ONCE (the
 * app keeps only its digest), with the request CI makes; the list says only whether and when each was made.
 */
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import type { RotateTriggerTokenResponse } from '@contracts/admin-trigger-tokens';
import type { Refusal } from '@contracts/refusal';
import { ErrorState } from '@shared/components/ErrorState';
import { RefusalMessage } from '@shared/components/RefusalMessage';
import { useState } from 'react';
import { listTriggerTokens } from '../../api/list-trigger-tokens';
import { rotateTriggerToken } from '../../api/rotate-trigger-token';
import { asError, useAnswer } from '../../hooks/use-answer';
import { AnswerView } from '../AnswerView';

type Shown = Extract<RotateTriggerTokenResponse, { ok: true }>;

/** What CI runs with the token: the README's "Scanner ignore files" section has the whole step. */
const requestFor = (projectKey: string): string =>
  `curl -fsS -H "Authorization: Bearer $SECURITY_EXCEPTIONS_TOKEN" "$SECURITY_EXCEPTIONS_TRIGGER_URL?project=${projectKey}&format=trivy" -o .trivyignore.yaml`;

export function ScannerTokensTab() {
  const [loaded, reload] = useAnswer(listTriggerTokens);
  const [shown, setShown] = useState<Shown | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const rotate = (projectKey: string): void => {
    setBusy(projectKey);
    setShown(null);
    setRefusal(null);
    setFailure(null);
    rotateTriggerToken(projectKey).then(
      (answer) => {
        setBusy(null);
        if (answer.ok) setShown(answer);
        else setRefusal(answer);
        reload();
      },
      (error: unknown) => {
        setBusy(null);
        setFailure(asError(error));
      },
    );
  };

  return (
    <div>
      <Heading as="h2" size="medium">
        Scanner ignore files
      </Heading>
      <p>
        CI fetches each project&apos;s ignore file (Trivy, Snyk, Grype or Dependency-Check) from the
        app&apos;s web trigger, so a suppression ends the moment its exception does. Each project has its own
        token.
      </p>
      {shown !== null && (
        <SectionMessage appearance="success" title={`New token for ${shown.projectKey}`}>
          <p>Copy it now into your CI secrets: it is not shown again. The previous token no longer works.</p>
          <p>
            <code aria-label={`Token for ${shown.projectKey}`}>{shown.token}</code>
          </p>
          <p>
            In CI: <code>{requestFor(shown.projectKey)}</code>
          </p>
        </SectionMessage>
      )}
      {refusal !== null && <RefusalMessage refusal={refusal} />}
      {failure !== null && <ErrorState error={failure} />}
      <AnswerView loaded={loaded} loadingLabel="Loading the tokens" onRetry={reload}>
        {({ tokens }) =>
          tokens.length === 0 ? (
            <p>No project is set up yet. Run the setup first.</p>
          ) : (
            <DynamicTable
              caption="Tokens per project"
              head={{
                cells: [
                  { key: 'project', content: 'Project' },
                  { key: 'made', content: 'Token' },
                  { key: 'action', content: 'Action' },
                ],
              }}
              rows={tokens.map((info) => ({
                key: info.projectKey,
                cells: [
                  { key: 'project', content: info.projectKey },
                  {
                    key: 'made',
                    content:
                      info.createdAt === null
                        ? 'None yet'
                        : `Made ${info.createdAt}${info.createdBy === null ? '' : ` by ${info.createdBy}`}`,
                  },
                  {
                    key: 'action',
                    content: (
                      <Button
                        isDisabled={busy !== null}
                        onClick={() => {
                          rotate(info.projectKey);
                        }}
                      >
                        {info.createdAt === null
                          ? `Create a token for ${info.projectKey}`
                          : `Rotate the token of ${info.projectKey}`}
                      </Button>
                    ),
                  },
                ],
              }))}
            />
          )
        }
      </AnswerView>
    </div>
  );
}
