#!/usr/bin/env node
/** Process entry of the command line: wires real files, streams and clock into runCli. */
import { readFileSync } from 'node:fs';
import { runCli } from './run';

void runCli(process.argv.slice(2), {
  readText: (path) => readFileSync(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  clock: () => Date.now(),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
