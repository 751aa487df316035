/** The saved versions of the policy, newest first: version, who saved it and when (listPolicyVersions). */
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import type { ListPolicyVersionsResponse } from '@contracts/admin-policy';
import type { Refusal } from '@contracts/refusal';
import type { Loaded } from '../../hooks/use-answer';
import { AnswerView } from '../AnswerView';

type Versions = Extract<ListPolicyVersionsResponse, { ok: true }>;

export interface VersionHistoryProps {
  readonly loaded: Loaded<Versions | Refusal>;
  readonly onRetry: () => void;
}

export function VersionHistory({ loaded, onRetry }: VersionHistoryProps) {
  return (
    <section aria-labelledby="policy-versions-heading">
      <Heading as="h3" size="small" id="policy-versions-heading">
        Version history
      </Heading>
      <AnswerView loaded={loaded} loadingLabel="Loading the policy versions" onRetry={onRetry}>
        {({ versions }) =>
          versions.length === 0 ? (
            <p>No version has been saved yet: the default policy applies.</p>
          ) : (
            <DynamicTable
              caption="Saved versions of the policy, newest first"
              head={{
                cells: [
                  { key: 'version', content: 'Version' },
                  { key: 'who', content: 'Saved by' },
                  { key: 'when', content: 'Saved at' },
                ],
              }}
              rows={versions.map((version) => ({
                key: String(version.version),
                cells: [
                  {
                    key: 'version',
                    content: (
                      <>
                        {version.version} {version.current && <Lozenge appearance="success">current</Lozenge>}
                      </>
                    ),
                  },
                  { key: 'who', content: version.updatedBy ?? 'installation default' },
                  { key: 'when', content: version.updatedAt ?? 'at installation' },
                ],
              }))}
            />
          )
        }
      </AnswerView>
    </section>
  );
}
