/**
 * The standalone server's clock. Started with `--now` it stands still at that instant until moved, so a script's
 * runs are repeatable; without it, it follows the real clock. Moving it (`set` or `advance`) is what
 * `POST /__simulator/clock` does; a set clock stands still from then on.
 */
export class SimClock {
  private frozenAtMs: number | null;
  private offsetMs = 0;

  constructor(
    start: string | undefined,
    private readonly realNowMs: () => number = Date.now,
  ) {
    this.frozenAtMs = start === undefined ? null : Date.parse(start);
  }

  nowMs(): number {
    return this.frozenAtMs ?? this.realNowMs() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** ISO-8601 UTC without milliseconds, the form the app and the register write. */
  nowIso(): string {
    return this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  }

  set(instant: string): void {
    this.frozenAtMs = Date.parse(instant);
  }

  advance(hours: number): void {
    const ms = Math.round(hours * 3_600_000);
    if (this.frozenAtMs === null) this.offsetMs += ms;
    else this.frozenAtMs += ms;
  }
}
