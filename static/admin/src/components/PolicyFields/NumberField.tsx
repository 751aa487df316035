/**
 * A number setting. What is typed is kept as typed (the draft holds the number, or the text when it is not one) so
 * the schema's message appears next to the field; empty means null for a setting that may be unset.
 */
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import { valueAt, type PolicyPath } from '../../policy/draft-path';
import { useDraft } from './draft-context';
import { FieldShell } from './FieldShell';

export interface NumberFieldProps {
  readonly path: PolicyPath;
  readonly label: string;
  readonly hint?: string;
  /** Empty means null (e.g. "no per-type cap"). */
  readonly nullable?: boolean;
}

const textOf = (value: unknown): string =>
  typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';

export const numberOrText = (text: string, nullable: boolean): unknown => {
  if (text.trim() === '') return nullable ? null : text;
  const value = Number(text);
  return Number.isFinite(value) ? value : text;
};

export function NumberField({ path, label, hint, nullable = false }: NumberFieldProps) {
  const { draft, setAt } = useDraft();
  const [text, setText] = useState(() => textOf(valueAt(draft, path)));
  return (
    <FieldShell path={path} label={label} {...(hint === undefined ? {} : { hint })}>
      {({ id, describedBy, invalid }) => (
        <Textfield
          id={id}
          inputMode="decimal"
          value={text}
          isInvalid={invalid}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          width="small"
          onChange={(event) => {
            const next = event.currentTarget.value;
            setText(next);
            setAt(path, numberOrText(next, nullable));
          }}
        />
      )}
    </FieldShell>
  );
}
