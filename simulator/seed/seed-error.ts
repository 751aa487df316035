/**
 * A register the seed cannot put into Jira as it stands (a label Jira refuses, say). The message names the record
 * and the field, never the value, like the command line's (src/cli).
 */
export class SeedError extends Error {
  constructor(
    readonly record: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${record}: ${field}: ${reason}`);
    this.name = 'SeedError';
  }
}
