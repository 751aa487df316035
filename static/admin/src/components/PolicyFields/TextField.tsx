/** A one-line text setting; empty means null for a setting that may be unset. */
import Textfield from '@atlaskit/textfield';
import { valueAt, type PolicyPath } from '../../policy/draft-path';
import { useDraft } from './draft-context';
import { FieldShell } from './FieldShell';

export interface TextFieldProps {
  readonly path: PolicyPath;
  readonly label: string;
  readonly hint?: string;
  readonly nullable?: boolean;
}

export function TextField({ path, label, hint, nullable = false }: TextFieldProps) {
  const { draft, setAt } = useDraft();
  const value = valueAt(draft, path);
  return (
    <FieldShell path={path} label={label} {...(hint === undefined ? {} : { hint })}>
      {({ id, describedBy, invalid }) => (
        <Textfield
          id={id}
          value={typeof value === 'string' ? value : ''}
          isInvalid={invalid}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onChange={(event) => {
            const next = event.currentTarget.value;
            setAt(path, nullable && next === '' ? null : next);
          }}
        />
      )}
    </FieldShell>
  );
}
