/**
 * The command line run in the test process, as a person runs it: `files` are what `--register FILE` reads, `now`
 * the clock. It must succeed with nothing on stderr; what it prints is answered.
 */
import { runCli } from '../../src/cli/run';

export const cliInMemory = async (
  args: readonly string[],
  now: string,
  files: Readonly<Record<string, string>> = {},
): Promise<string> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args], {
    readText: (file) => {
      const text = files[file];
      if (text === undefined) throw new Error(`no file ${file}`);
      return text;
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    clock: () => Date.parse(now),
    env: {},
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout;
};
