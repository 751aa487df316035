export interface HookFailure {
  /** What was running, e.g. "postFunction record-transition on SEC-1". */
  readonly label: string;
  readonly error: string;
}

/**
 * Work Jira does after it has answered (post functions, product events). It starts on the next macrotask,
 * after the response was written; idle() waits until nothing is left, including work queued by that work.
 */
export class BackgroundWork {
  readonly failures: HookFailure[] = [];
  private readonly pending = new Set<Promise<void>>();

  run(label: string, work: () => Promise<void>): void {
    const task = new Promise<void>((resolve) => {
      setImmediate(() => {
        work()
          .catch((error: unknown) => {
            this.failures.push({ label, error: error instanceof Error ? error.message : String(error) });
          })
          .finally(resolve);
      });
    });
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
