/** The draft being edited, how to change one member, and the problems to show: shared by every policy field. */
import type { PolicyProblem } from '@contracts/admin-policy';
import { createContext, useContext } from 'react';
import type { Draft, PolicyPath } from '../../policy/draft-path';

export interface DraftEditing {
  readonly draft: Draft;
  readonly setAt: (path: PolicyPath, value: unknown) => void;
  readonly problems: readonly PolicyProblem[];
}

export const DraftContext = createContext<DraftEditing | null>(null);

export const useDraft = (): DraftEditing => {
  const editing = useContext(DraftContext);
  if (editing === null) throw new Error('A policy field is used outside the policy editor.');
  return editing;
};
