/**
 * The platform self-check (getPlatformSelfCheck): for each handler Jira or Forge calls, what the code assumes about
 * what it receives and whether this site's real traffic confirms it; a warning where the platform differs.
 */
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import type { AssumptionStatus } from '@contracts/admin-self-check';
import { getPlatformSelfCheck } from '../../api/get-platform-self-check';
import { useAnswer } from '../../hooks/use-answer';
import { AnswerView } from '../AnswerView';

const STATUS: Record<AssumptionStatus, { text: string; appearance: 'success' | 'removed' | 'default' }> = {
  confirmed: { text: 'confirmed', appearance: 'success' },
  refuted: { text: 'differs', appearance: 'removed' },
  'not-seen': { text: 'not seen yet', appearance: 'default' },
};

export function SelfCheckTab() {
  const [loaded, reload] = useAnswer(getPlatformSelfCheck);
  return (
    <div>
      <Heading as="h2" size="medium">
        Platform self-check
      </Heading>
      <AnswerView loaded={loaded} loadingLabel="Loading the self-check" onRetry={reload}>
        {({ sources }) =>
          sources.length === 0 ? (
            <p>No handler has been called on this site yet.</p>
          ) : (
            <ul aria-label="Handlers" style={{ listStyle: 'none', padding: 0 }}>
              {sources.map((source) => (
                <li key={source.source}>
                  <Heading as="h3" size="small">
                    {source.source}
                  </Heading>
                  <p>{source.description}</p>
                  <p>
                    {source.sightings.length === 0
                      ? 'Not called on this site yet.'
                      : `Seen ${source.sightings.reduce((sum, sighting) => sum + sighting.count, 0)} times, last at ${
                          source.sightings[source.sightings.length - 1]?.lastSeenAt ?? ''
                        }.`}
                  </p>
                  {source.warnings.length > 0 && (
                    <SectionMessage
                      appearance="warning"
                      title="The platform differs from what the code expects"
                    >
                      <ul>
                        {source.warnings.map((warning, index) => (
                          <li key={index}>{warning}</li>
                        ))}
                      </ul>
                    </SectionMessage>
                  )}
                  <ul aria-label={`Assumptions of ${source.source}`}>
                    {source.assumptions.map((assumption) => (
                      <li key={assumption.id}>
                        <Lozenge appearance={STATUS[assumption.status].appearance}>
                          {STATUS[assumption.status].text}
                        </Lozenge>{' '}
                        {assumption.assumption} — {assumption.message}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )
        }
      </AnswerView>
    </div>
  );
}
