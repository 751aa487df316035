/** A query Jira would refuse; search answers 400 {errorMessages: [message], errors: {}}. */
export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

export const jqlSyntaxError = (message: string, position: number): JqlError =>
  new JqlError(`Error in the JQL Query: ${message} (line 1, character ${position + 1})`);
