/** A label, the control, an optional hint and the field's problems, tied together for screen readers. */
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import { pathKey, type PolicyPath } from '../../policy/draft-path';
import { problemsUnder } from '../../policy/policy-problems';
import { useDraft } from './draft-context';

export const fieldId = (path: PolicyPath): string =>
  `policy-${pathKey(path).replace(/[^A-Za-z0-9_-]/g, '_')}`;

export interface FieldShellProps {
  readonly path: PolicyPath;
  readonly label: string;
  readonly hint?: string;
  /** The control, given its id, the ids that describe it and whether it is invalid. */
  readonly children: (control: { id: string; describedBy: string; invalid: boolean }) => ReactNode;
}

export function FieldShell({ path, label, hint, children }: FieldShellProps) {
  const { problems } = useDraft();
  const id = fieldId(path);
  const own = problemsUnder(problems, path);
  const describedBy = [hint === undefined ? '' : `${id}-hint`, own.length > 0 ? `${id}-problems` : '']
    .filter((part) => part !== '')
    .join(' ');
  return (
    <div style={{ marginBlockEnd: token('space.150') }}>
      <label htmlFor={id} style={{ display: 'block', font: token('font.body.small'), fontWeight: 600 }}>
        {label}
      </label>
      {children({ id, describedBy, invalid: own.length > 0 })}
      {hint !== undefined && (
        <div id={`${id}-hint`} style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
          {hint}
        </div>
      )}
      {own.length > 0 && (
        <ul
          id={`${id}-problems`}
          aria-label={`Problems with ${label}`}
          style={{ color: token('color.text.danger'), margin: 0, paddingInlineStart: token('space.200') }}
        >
          {own.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
