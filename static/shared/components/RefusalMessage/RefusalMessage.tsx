/**
 * A resolver's refusal (src/contracts/refusal.ts) as the person sees it: the message, and each problem (a sentence,
 * or a field's path and what is wrong with it). Rendered as text, never as HTML.
 */
import SectionMessage from '@atlaskit/section-message';
import type { Refusal } from '@contracts/refusal';

const TITLES: Record<Refusal['error']['code'], string> = {
  'not-admin': 'Only Jira administrators can do this',
  'invalid-request': 'The request was not accepted',
  'invalid-policy': 'The policy has problems',
  'version-conflict': 'Someone else changed this first',
  blocked: 'This cannot be done yet',
  busy: 'This is already running',
  incomplete: 'This stopped part-way',
};

export interface RefusalMessageProps {
  readonly refusal: Refusal;
}

export function RefusalMessage({ refusal }: RefusalMessageProps) {
  const { code, message, problems } = refusal.error;
  return (
    <SectionMessage
      appearance={code === 'busy' || code === 'incomplete' ? 'warning' : 'error'}
      title={TITLES[code]}
    >
      <p>{message}</p>
      {problems !== undefined && problems.length > 0 && (
        <ul aria-label="Problems">
          {problems.map((problem, index) => (
            <li key={index}>
              {typeof problem === 'string' ? (
                problem
              ) : (
                <>
                  <code>{problem.path}</code>: {problem.message}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </SectionMessage>
  );
}
