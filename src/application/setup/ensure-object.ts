/** Find-or-create for one Jira object, reported as created, adopted (not setup's own) or skipped. */
import type { SetupReportBuilder } from './setup-report';

export interface Found<T> {
  readonly value: T;
  /** Created by setup (its description says so). */
  readonly own: boolean;
}

export interface ObjectSpec<T> {
  /** Stable report key, e.g. `screen:Security Exception Review Screen`. */
  readonly key: string;
  describe(value: T): string;
  find(): Promise<Found<T> | undefined>;
  create(): Promise<T>;
}

export const ensureObject = async <T>(report: SetupReportBuilder, spec: ObjectSpec<T>): Promise<T> => {
  const found = await spec.find();
  if (found !== undefined) {
    report.found(spec.key, spec.describe(found.value), found.own ? 'skipped' : 'adopted');
    return found.value;
  }
  report.attempting(spec.key);
  const created = await spec.create();
  report.created(spec.key, spec.describe(created));
  return created;
};
