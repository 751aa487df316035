/** A loaded resolver answer as the page shows it: a spinner, the failed call, the refusal, or `children(answer)`. */
import type { Refusal } from '@contracts/refusal';
import { ErrorState } from '@shared/components/ErrorState';
import { LoadingState } from '@shared/components/LoadingState';
import { RefusalMessage } from '@shared/components/RefusalMessage';
import type { ReactNode } from 'react';
import type { Loaded } from '../../hooks/use-answer';

export interface AnswerViewProps<Answer extends { ok: true }> {
  readonly loaded: Loaded<Answer | Refusal>;
  /** What is loading, e.g. "Loading the policy". */
  readonly loadingLabel: string;
  readonly onRetry: () => void;
  readonly children: (answer: Answer) => ReactNode;
}

export function AnswerView<Answer extends { ok: true }>({
  loaded,
  loadingLabel,
  onRetry,
  children,
}: AnswerViewProps<Answer>) {
  if (loaded.state === 'loading') return <LoadingState label={loadingLabel} />;
  if (loaded.state === 'failed') return <ErrorState error={loaded.error} onRetry={onRetry} />;
  const { answer } = loaded;
  if (!answer.ok) return <RefusalMessage refusal={answer} />;
  return <>{children(answer)}</>;
}
