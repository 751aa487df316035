/**
 * A setting chosen from a short fixed list (a risk rating), as radio buttons: four choices read at a glance, and
 * lighter than a select menu for the page's JavaScript budget.
 */
import { RadioGroup } from '@atlaskit/radio';
import { token } from '@atlaskit/tokens';
import { pathKey, valueAt, type PolicyPath } from '../../policy/draft-path';
import { problemsUnder } from '../../policy/policy-problems';
import { useDraft } from './draft-context';
import { fieldId } from './FieldShell';

export interface ChoiceFieldProps {
  readonly path: PolicyPath;
  readonly label: string;
  readonly choices: readonly string[];
}

export function ChoiceField({ path, label, choices }: ChoiceFieldProps) {
  const { draft, setAt, problems } = useDraft();
  const value = valueAt(draft, path);
  const name = fieldId(path);
  const own = problemsUnder(problems, path);
  return (
    <fieldset style={{ border: 'none', padding: 0, marginBlockEnd: token('space.150') }}>
      <legend style={{ font: token('font.body.small'), fontWeight: 600 }}>{label}</legend>
      <RadioGroup
        name={name}
        value={typeof value === 'string' ? value : null}
        options={choices.map((choice) => ({ name, value: choice, label: choice }))}
        onChange={(event) => {
          setAt(path, event.currentTarget.value);
        }}
      />
      {own.length > 0 && (
        <ul aria-label={`Problems with ${label}`} style={{ color: token('color.text.danger') }}>
          {own.map((problem, index) => (
            <li key={index}>
              {`${pathKey(path) === problem.path ? '' : problem.path} ${problem.message}`.trim()}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
