/** A longer text setting (the justification template, a pack's restore text). */
import TextArea from '@atlaskit/textarea';
import { valueAt, type PolicyPath } from '../../policy/draft-path';
import { useDraft } from './draft-context';
import { FieldShell } from './FieldShell';

export interface TextAreaFieldProps {
  readonly path: PolicyPath;
  readonly label: string;
  readonly hint?: string;
}

export function TextAreaField({ path, label, hint }: TextAreaFieldProps) {
  const { draft, setAt } = useDraft();
  const value = valueAt(draft, path);
  return (
    <FieldShell path={path} label={label} {...(hint === undefined ? {} : { hint })}>
      {({ id, describedBy, invalid }) => (
        <TextArea
          id={id}
          value={typeof value === 'string' ? value : ''}
          isInvalid={invalid}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          minimumRows={2}
          onChange={(event) => {
            setAt(path, event.currentTarget.value);
          }}
        />
      )}
    </FieldShell>
  );
}
