/**
 * For each transition Jira offers the viewer, whether the policy would let it through now: "ready", or the
 * validator's own messages that would refuse it (the same words the refusal would use). Messages are text.
 */
import type { ExceptionSummary } from '@contracts/issue-panel';

export interface TransitionChecksProps {
  readonly transitions: ExceptionSummary['transitions'];
}

export function TransitionChecks({ transitions }: TransitionChecksProps) {
  if (transitions.length === 0) return <p>No transition is open to you from this status.</p>;
  return (
    <ul aria-label="Transitions">
      {transitions.map(({ name, label, blockers }) => (
        <li key={name}>
          {blockers.length === 0 ? (
            `${label}: ready`
          ) : (
            <>
              {`${label}: would be refused`}
              <ul aria-label={`Why ${label} would be refused`}>
                {blockers.map((blocker, index) => (
                  <li key={index}>{blocker}</li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
