/** A setting chosen from a fixed list (a risk rating). */
import Select from '@atlaskit/select';
import { valueAt, type PolicyPath } from '../../policy/draft-path';
import { useDraft } from './draft-context';
import { FieldShell } from './FieldShell';

export interface ChoiceFieldProps {
  readonly path: PolicyPath;
  readonly label: string;
  readonly choices: readonly string[];
  readonly hint?: string;
}

export function ChoiceField({ path, label, choices, hint }: ChoiceFieldProps) {
  const { draft, setAt } = useDraft();
  const value = valueAt(draft, path);
  const options = choices.map((choice) => ({ label: choice, value: choice }));
  return (
    <FieldShell path={path} label={label} {...(hint === undefined ? {} : { hint })}>
      {({ id, invalid }) => (
        <Select
          inputId={id}
          options={options}
          value={options.find((option) => option.value === value) ?? null}
          isInvalid={invalid}
          isSearchable={false}
          onChange={(option) => {
            if (option !== null) setAt(path, option.value);
          }}
        />
      )}
    </FieldShell>
  );
}
