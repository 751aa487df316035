/**
 * The policy editor: the stored policy (getPolicy) as a draft; every change checked at once with the domain schema
 * (each problem next to its field); Save checks with validatePolicy and saves with savePolicy from the version the
 * admin started from, so a save over someone else's newer version is refused and the admin's edits are kept.
 */
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { PolicyProblem } from '@contracts/admin-policy';
import type { Policy } from '@contracts/policy-document';
import type { Refusal } from '@contracts/refusal';
import { ErrorState } from '@shared/components/ErrorState';
import { RefusalMessage } from '@shared/components/RefusalMessage';
import { LoadingState } from '@shared/components/LoadingState';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { getPolicy } from '../../api/get-policy';
import { listPolicyVersions } from '../../api/list-policy-versions';
import { savePolicy } from '../../api/save-policy';
import { validatePolicy } from '../../api/validate-policy';
import { asError, useAnswer } from '../../hooks/use-answer';
import { withValue, type Draft, type PolicyPath } from '../../policy/draft-path';
import { checkDraft } from '../../policy/policy-problems';
import { AnswerView } from '../AnswerView';
import { PolicyEditor } from '../PolicyEditor';
import { DraftContext } from '../PolicyFields';

// The history table (dynamic-table) loads after the editor.
const VersionHistory = lazy(() =>
  import('../VersionHistory').then((module) => ({ default: module.VersionHistory })),
);

type SaveState =
  | { readonly state: 'idle' }
  | { readonly state: 'saving' }
  | { readonly state: 'saved'; readonly version: number }
  | { readonly state: 'refused'; readonly refusal: Refusal }
  | { readonly state: 'failed'; readonly error: Error };

export function PolicyTab() {
  const [loaded, reload] = useAnswer(getPolicy);
  const [versions, reloadVersions] = useAnswer(listPolicyVersions);
  return (
    <div>
      <Heading as="h2" size="medium">
        Policy
      </Heading>
      <AnswerView loaded={loaded} loadingLabel="Loading the policy" onRetry={reload}>
        {(answer) => (
          <PolicyForm
            // A new policy from the server (a reload) starts a fresh draft.
            key={`${answer.policy.version}-${answer.policy.updatedAt ?? ''}`}
            policy={answer.policy}
            baseVersion={answer.stored ? answer.policy.version : null}
            onSaved={reloadVersions}
            onReload={reload}
          />
        )}
      </AnswerView>
      <Suspense fallback={<LoadingState label="Loading the policy versions" />}>
        <VersionHistory loaded={versions} onRetry={reloadVersions} />
      </Suspense>
    </div>
  );
}

interface PolicyFormProps {
  readonly policy: Policy;
  readonly baseVersion: number | null;
  readonly onSaved: () => void;
  readonly onReload: () => void;
}

function PolicyForm({ policy, baseVersion: initialBase, onSaved, onReload }: PolicyFormProps) {
  const [draft, setDraft] = useState<Draft>(policy);
  const [baseVersion, setBaseVersion] = useState(initialBase);
  const [version, setVersion] = useState<Pick<Policy, 'version' | 'updatedAt' | 'updatedBy'>>(policy);
  const [serverProblems, setServerProblems] = useState<readonly PolicyProblem[]>([]);
  const [save, setSave] = useState<SaveState>({ state: 'idle' });

  const local = useMemo(() => checkDraft(draft), [draft]);
  const problems = local.ok ? serverProblems : local.problems;

  const setAt = useCallback((path: PolicyPath, value: unknown) => {
    setDraft((current) => withValue(current, path, value));
    setServerProblems([]);
    setSave((current) => (current.state === 'saved' ? { state: 'idle' } : current));
  }, []);
  const editing = useMemo(() => ({ draft, setAt, problems }), [draft, setAt, problems]);

  const onSave = async (): Promise<void> => {
    // Nothing invalid is ever sent to be saved (the button is disabled too).
    if (!local.ok || save.state === 'saving') return;
    setSave({ state: 'saving' });
    try {
      const checked = await validatePolicy(local.policy);
      if (!checked.ok) {
        setSave({ state: 'refused', refusal: checked });
        return;
      }
      if (!checked.valid) {
        setServerProblems(checked.problems);
        setSave({ state: 'idle' });
        return;
      }
      const saved = await savePolicy({ policy: local.policy, baseVersion });
      if (!saved.ok) {
        const fieldProblems = (saved.error.problems ?? []).filter(
          (problem): problem is PolicyProblem => typeof problem !== 'string',
        );
        setServerProblems(fieldProblems);
        setSave({ state: 'refused', refusal: saved });
        return;
      }
      setBaseVersion(saved.policy.version);
      setVersion(saved.policy);
      setDraft(saved.policy);
      setSave({ state: 'saved', version: saved.policy.version });
      onSaved();
    } catch (error) {
      setSave({ state: 'failed', error: asError(error) });
    }
  };

  // Problems whose path names no field on the page (a whole-document problem) are listed by the Save button.
  const unplaced = problems.filter((problem) => problem.path === '');

  return (
    <DraftContext.Provider value={editing}>
      <p>
        {baseVersion === null
          ? 'No policy has been saved yet: the default policy applies until you save.'
          : `Editing version ${version.version}${version.updatedBy === null ? '' : `, saved by ${version.updatedBy}`}${
              version.updatedAt === null ? '' : ` at ${version.updatedAt}`
            }.`}
      </p>
      <PolicyEditor />
      <div
        style={{
          position: 'sticky',
          bottom: 0,
          background: token('elevation.surface'),
          paddingBlock: token('space.150'),
        }}
      >
        {!local.ok && (
          <p role="alert" style={{ color: token('color.text.danger') }}>
            {`The policy has ${local.problems.length === 1 ? '1 problem' : `${local.problems.length} problems`}: fix ${
              local.problems.length === 1 ? 'it' : 'them'
            } to save.`}
          </p>
        )}
        {unplaced.map((problem, index) => (
          <p key={index} style={{ color: token('color.text.danger') }}>
            {problem.message}
          </p>
        ))}
        {save.state === 'refused' && (
          <>
            <RefusalMessage refusal={save.refusal} />
            {save.refusal.error.code === 'version-conflict' && (
              <SectionMessage appearance="information" title="Your edits are kept">
                <p>
                  Someone saved a newer version while you were editing. Note your changes, reload the latest
                  policy, and make them again there.
                </p>
                <Button onClick={onReload}>Reload the latest policy (discards your edits)</Button>
              </SectionMessage>
            )}
          </>
        )}
        {save.state === 'failed' && <ErrorState error={save.error} />}
        {save.state === 'saved' && (
          <p role="status" style={{ color: token('color.text.success') }}>
            {`Saved as version ${save.version}.`}
          </p>
        )}
        <Button
          appearance="primary"
          isDisabled={!local.ok}
          isLoading={save.state === 'saving'}
          onClick={() => {
            void onSave();
          }}
        >
          Save policy
        </Button>
      </div>
    </DraftContext.Provider>
  );
}
