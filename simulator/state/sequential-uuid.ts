/** Deterministic UUID-shaped ids (workflow ids, rule ids, execution ids), so runs are reproducible. */
export const sequentialUuid = (n: number): string =>
  `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
