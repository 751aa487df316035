/** Requests received, per "METHOD /path/template" of the document (or the raw path when it has none). */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private totalCount = 0;

  record(callKey: string): void {
    this.counts.set(callKey, (this.counts.get(callKey) ?? 0) + 1);
    this.totalCount += 1;
  }

  count(callKey: string): number {
    return this.counts.get(callKey) ?? 0;
  }

  get total(): number {
    return this.totalCount;
  }

  /** Sorted by call key, for readable assertions. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.totalCount = 0;
  }
}
