/** An error the command line reports as one line on stderr, with the exit code that tells scripts what went wrong. */
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_BAD_INPUT,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
