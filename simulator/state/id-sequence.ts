/** Numeric id counters per entity kind, so ids look like Jira's ("10001") and never repeat within a simulator. */
export class IdSequence {
  private readonly counters = new Map<string, number>();

  constructor(private readonly starts: Readonly<Record<string, number>> = {}) {}

  next(kind: string): number {
    const value = this.counters.get(kind) ?? this.starts[kind] ?? 10000;
    this.counters.set(kind, value + 1);
    return value;
  }

  nextString(kind: string): string {
    return String(this.next(kind));
  }
}
