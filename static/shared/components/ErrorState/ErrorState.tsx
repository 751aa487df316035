/** A call that failed (not a refusal): what happened in plain words, and a way to try again. */
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';

export interface ErrorStateProps {
  readonly error: Error;
  readonly onRetry?: () => void;
}

export function ErrorState({ error, onRetry }: ErrorStateProps) {
  return (
    <SectionMessage appearance="error" title="Something went wrong">
      <p>{error.message}</p>
      {onRetry !== undefined && (
        <Button appearance="primary" onClick={onRetry}>
          Try again
        </Button>
      )}
    </SectionMessage>
  );
}
