/**
 * A list of names, one a line (a tier's approver groups). Blank lines are left out of the setting, so an empty box
 * is an empty list and the schema says what the list needs.
 */
import TextArea from '@atlaskit/textarea';
import { useState } from 'react';
import { valueAt, type PolicyPath } from '../../policy/draft-path';
import { useDraft } from './draft-context';
import { FieldShell } from './FieldShell';

export interface ListFieldProps {
  readonly path: PolicyPath;
  readonly label: string;
  readonly hint?: string;
}

export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function ListField({ path, label, hint }: ListFieldProps) {
  const { draft, setAt } = useDraft();
  const [text, setText] = useState(() => {
    const value = valueAt(draft, path);
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string').join('\n') : '';
  });
  return (
    <FieldShell path={path} label={label} {...(hint === undefined ? {} : { hint })}>
      {({ id, describedBy, invalid }) => (
        <TextArea
          id={id}
          value={text}
          isInvalid={invalid}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          minimumRows={2}
          onChange={(event) => {
            const next = event.currentTarget.value;
            setText(next);
            setAt(path, linesOf(next));
          }}
        />
      )}
    </FieldShell>
  );
}
