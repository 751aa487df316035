/** Reads and JSON-parses a file, turning every failure into a CliError that names the file. */
import { CliError } from './cli-error';

export type ReadText = (path: string) => string;

export const readJsonFile = (path: string, what: string, readText: ReadText): unknown => {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`cannot read ${what} file ${path}: ${reason}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`${path} is not valid JSON: ${reason}`);
  }
};
