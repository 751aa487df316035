/**
 * Requests received, per "METHOD /path/template" of the document (or the raw path when it has none), and how many
 * were in flight at once (received and not yet answered or dropped): the peak shows whether a client keeps to its
 * configured concurrency.
 */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private totalCount = 0;
  private inFlightCount = 0;
  private peakCount = 0;

  record(callKey: string): void {
    this.counts.set(callKey, (this.counts.get(callKey) ?? 0) + 1);
    this.totalCount += 1;
  }

  count(callKey: string): number {
    return this.counts.get(callKey) ?? 0;
  }

  /** A request arrived; `ended` when its connection is answered or closed. */
  started(): void {
    this.inFlightCount += 1;
    this.peakCount = Math.max(this.peakCount, this.inFlightCount);
  }

  ended(): void {
    this.inFlightCount = Math.max(0, this.inFlightCount - 1);
  }

  get inFlight(): number {
    return this.inFlightCount;
  }

  /** The most requests in flight at once since the last reset. */
  get peakInFlight(): number {
    return this.peakCount;
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
    this.peakCount = this.inFlightCount;
  }
}
