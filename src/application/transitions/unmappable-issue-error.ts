/** Raised when an issue cannot be read as a security exception where the workflow guarantees it can. */
export class UnmappableIssueError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The issue cannot be read as a security exception: ${problems.join(' ')}`);
    this.name = 'UnmappableIssueError';
  }
}
