/**
 * The gadget's edit mode (FORGE_NOTES §7): scope, period, targets and refresh. Checked with the contract's schema
 * as the person types once they have tried to save, each message next to its field; nothing is submitted while
 * anything is wrong. Save hands the configuration (plus Forge's own `refresh`) to `view.submit`; Cancel closes.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { view } from '@forge/bridge';
import Button from '@atlaskit/button/new';
import { ErrorMessage, Fieldset, HelperMessage, Label } from '@atlaskit/form';
import { RadioGroup } from '@atlaskit/radio';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { GADGET_REFRESH_MINUTES, MAX_GADGET_JQL_LENGTH, type GadgetConfig } from '@contracts/gadget-kpis';
import {
  formValuesOf,
  validateForm,
  type FieldErrors,
  type FieldName,
  type FormValues,
} from '../../config/config-form';
import { toSubmission } from '../../config/read-gadget-config';

export interface GadgetEditFormProps {
  readonly config: GadgetConfig;
}

const REFRESH_LABELS: Record<(typeof GADGET_REFRESH_MINUTES)[number], string> = {
  0: 'Only when the dashboard loads',
  5: 'Every 5 minutes',
  15: 'Every 15 minutes',
  30: 'Every 30 minutes',
  60: 'Every hour',
};

function FieldMessage({
  id,
  error,
  help,
}: {
  readonly id: string;
  readonly error: string | undefined;
  readonly help?: ReactNode;
}) {
  return (
    <div id={id}>
      {error !== undefined ? (
        <ErrorMessage>{error}</ErrorMessage>
      ) : (
        help !== undefined && <HelperMessage>{help}</HelperMessage>
      )}
    </div>
  );
}

export function GadgetEditForm({ config }: GadgetEditFormProps) {
  const id = useId();
  const [values, setValues] = useState<FormValues>(() => formValuesOf(config));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  const update = (next: FormValues): void => {
    setValues(next);
    if (tried) {
      const result = validateForm(next);
      setErrors(result.ok ? {} : result.errors);
    }
  };
  const text =
    (field: Exclude<keyof FormValues, 'scopeKind' | 'periodKind'>) =>
    (event: FormEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
      update({ ...values, [field]: event.currentTarget.value });
    };
  const fieldId = (field: FieldName): string => `${id}-${field}`;
  const messageId = (field: FieldName): string => `${id}-${field}-message`;
  const invalid = (field: FieldName): boolean => errors[field] !== undefined;

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    setTried(true);
    const result = validateForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    setFailure(undefined);
    view.submit(toSubmission(result.config)).then(
      () => {
        setSaving(false);
      },
      (error: unknown) => {
        setSaving(false);
        setFailure(error instanceof Error ? error.message : String(error));
      },
    );
  };

  const onCancel = (): void => {
    view.close().catch((error: unknown) => {
      setFailure(error instanceof Error ? error.message : String(error));
    });
  };

  const textField = (
    field: 'months' | 'from' | 'to' | 'assetsTarget' | 'decisionHours',
    label: string,
    help?: string,
    placeholder?: string,
  ) => (
    <div>
      <Label htmlFor={fieldId(field)}>{label}</Label>
      <Textfield
        id={fieldId(field)}
        name={field}
        value={values[field]}
        onChange={text(field)}
        isInvalid={invalid(field)}
        aria-describedby={messageId(field)}
        {...(placeholder === undefined ? {} : { placeholder })}
      />
      <FieldMessage id={messageId(field)} error={errors[field]} {...(help === undefined ? {} : { help })} />
    </div>
  );

  const errorCount = Object.keys(errors).length;
  return (
    <main style={{ padding: token('space.100'), color: token('color.text') }}>
      <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`} style={{ margin: 0, font: token('font.heading.small') }}>
          Gadget settings
        </h1>
        {errorCount > 0 && (
          <p role="alert" style={{ color: token('color.text.danger') }}>
            {errorCount === 1
              ? 'One setting needs a change before saving.'
              : `${String(errorCount)} settings need a change before saving.`}
          </p>
        )}
        {errors.form !== undefined && <ErrorMessage>{errors.form}</ErrorMessage>}
        <Fieldset legend="Which exceptions">
          <RadioGroup
            name="scope"
            value={values.scopeKind}
            options={[
              { name: 'scope', value: 'all', label: 'Every project the app is set up in' },
              { name: 'scope', value: 'projects', label: 'Chosen projects' },
              { name: 'scope', value: 'jql', label: 'A JQL filter' },
            ]}
            onChange={(event) => {
              update({ ...values, scopeKind: event.currentTarget.value as FormValues['scopeKind'] });
            }}
          />
          {values.scopeKind === 'projects' && (
            <div>
              <Label htmlFor={fieldId('projectKeys')}>Project keys</Label>
              <Textfield
                id={fieldId('projectKeys')}
                name="projectKeys"
                value={values.projectKeys}
                onChange={text('projectKeys')}
                isInvalid={invalid('projectKeys')}
                aria-describedby={messageId('projectKeys')}
                placeholder="SEC, OPS"
              />
              <FieldMessage
                id={messageId('projectKeys')}
                error={errors.projectKeys}
                help="Separated by commas or spaces"
              />
            </div>
          )}
          {values.scopeKind === 'jql' && (
            <div>
              <Label htmlFor={fieldId('jql')}>JQL filter</Label>
              <TextArea
                id={fieldId('jql')}
                name="jql"
                value={values.jql}
                onChange={text('jql')}
                isInvalid={invalid('jql')}
                aria-describedby={messageId('jql')}
                minimumRows={2}
              />
              <FieldMessage
                id={messageId('jql')}
                error={errors.jql}
                help={`Counts the Exception issues it finds, as each viewer may see them (at most ${String(MAX_GADGET_JQL_LENGTH)} characters)`}
              />
            </div>
          )}
        </Fieldset>
        <Fieldset legend="Period">
          <RadioGroup
            name="period"
            value={values.periodKind}
            options={[
              { name: 'period', value: 'rolling', label: 'The last months, this one included' },
              { name: 'period', value: 'fixed', label: 'From one month to another' },
            ]}
            onChange={(event) => {
              update({ ...values, periodKind: event.currentTarget.value as FormValues['periodKind'] });
            }}
          />
          {values.periodKind === 'rolling' ? (
            textField('months', 'Number of months', 'From 1 to 60')
          ) : (
            <>
              {textField('from', 'First month', 'Written YYYY-MM', 'YYYY-MM')}
              {textField('to', 'Last month', 'Written YYYY-MM', 'YYYY-MM')}
            </>
          )}
        </Fieldset>
        <Fieldset legend="Targets (empty: the policy's)">
          {textField('assetsTarget', 'Assets excepted target', 'A fraction from 0 to 1, e.g. 0.05 for 5%')}
          {textField('decisionHours', 'Decision target (hours)', 'Whole hours, e.g. 48')}
        </Fieldset>
        <Fieldset legend="Refresh">
          <RadioGroup
            name="refresh"
            value={values.refreshMinutes}
            options={GADGET_REFRESH_MINUTES.map((minutes) => ({
              name: 'refresh',
              value: String(minutes),
              label: REFRESH_LABELS[minutes],
            }))}
            onChange={(event) => {
              update({ ...values, refreshMinutes: event.currentTarget.value });
            }}
          />
          <FieldMessage id={messageId('refreshMinutes')} error={errors.refreshMinutes} />
        </Fieldset>
        {failure !== undefined && (
          <SectionMessage appearance="error" title="The settings were not saved">
            <p>{failure}</p>
          </SectionMessage>
        )}
        <div style={{ display: 'flex', gap: token('space.100'), marginTop: token('space.200') }}>
          <Button type="submit" appearance="primary" isLoading={saving}>
            Save
          </Button>
          <Button appearance="subtle" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </main>
  );
}
