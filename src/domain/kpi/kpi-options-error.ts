/** Why a KPI request was refused; `code` is stable for callers, `message` is shown to the person as is. */
export type KpiOptionsErrorCode = 'invalid-month' | 'invalid-now' | 'from-after-to' | 'period-too-long';

export class KpiOptionsError extends Error {
  override readonly name = 'KpiOptionsError';

  constructor(
    readonly code: KpiOptionsErrorCode,
    message: string,
  ) {
    super(message);
  }
}
