/** What a page shows while it waits for its resolver: a spinner with words a screen reader announces. */
import Spinner from '@atlaskit/spinner';

export interface LoadingStateProps {
  /** What is loading, e.g. "Loading the KPIs". */
  readonly label: string;
}

export function LoadingState({ label }: LoadingStateProps) {
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
      <Spinner size="medium" label={label} />
      <span>{label}…</span>
    </div>
  );
}
