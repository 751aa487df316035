/**
 * What a setup run did, in plain descriptions such as `field "Exception Type" (customfield_10020)`: created by
 * this run, adopted (an existing object setup did not create, now used by the app), or skipped (already in
 * place). A second run reports nothing created.
 */

export interface SetupReport {
  readonly created: readonly string[];
  readonly adopted: readonly string[];
  readonly skipped: readonly string[];
  /**
   * What the admin must still do, one sentence each, where setup could not do it (e.g. a policy group missing in
   * Jira). Present only when there is something to do.
   */
  readonly problems?: readonly string[];
}

type Outcome = 'created' | 'adopted' | 'skipped';

export class SetupReportBuilder {
  private readonly entries = new Map<string, { outcome: Outcome; text: string }>();
  private readonly attempted = new Set<string>();
  private readonly attemptedItems = new Set<string>();
  private readonly addedItems = new Map<string, string[]>();
  private readonly problems: string[] = [];

  /**
   * About to create the object `key`. Should the create's answer be lost and a later look find the object,
   * it is still reported as created by this run.
   */
  attempting(key: string): void {
    this.attempted.add(key);
  }

  created(key: string, text: string): void {
    this.entries.set(key, { outcome: 'created', text });
  }

  /** An object found in Jira: adopted or skipped, unless this run created it. */
  found(key: string, text: string, outcome: 'adopted' | 'skipped'): void {
    if (this.entries.get(key)?.outcome === 'created') return;
    this.entries.set(key, { outcome: this.attempted.has(key) ? 'created' : outcome, text });
  }

  /** About to add `item` (a field to a screen, an option to a field) to the object reported under `key`. */
  attemptingItem(key: string, item: string): void {
    this.attemptedItems.add(`${key}\u0000${item}`);
  }

  /** `item` was added by this run; the entry reads `label: item, item, …` across every attempt of the step. */
  itemAdded(key: string, label: string, item: string): void {
    const items = this.addedItems.get(key) ?? [];
    if (!items.includes(item)) items.push(item);
    this.addedItems.set(key, items);
    this.entries.set(key, { outcome: 'created', text: `${label}: ${items.join(', ')}` });
  }

  /** `item` is in Jira: added by this run if an earlier attempt sent it (its answer was lost). */
  itemPresent(key: string, label: string, item: string): void {
    if (this.attemptedItems.has(`${key}\u0000${item}`)) this.itemAdded(key, label, item);
  }

  /** Something setup could not do; a step that runs again does not repeat it. */
  problem(text: string): void {
    if (!this.problems.includes(text)) this.problems.push(text);
  }

  build(): SetupReport {
    const report = { created: [] as string[], adopted: [] as string[], skipped: [] as string[] };
    for (const { outcome, text } of this.entries.values()) report[outcome].push(text);
    return this.problems.length === 0 ? report : { ...report, problems: [...this.problems] };
  }
}
