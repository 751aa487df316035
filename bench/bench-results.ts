/**
 * Where the benchmarks write their figures (bench/results) and what each file says of the machine that measured
 * them: one writer for every bench, so each result file has the same shape at its head.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const RESULTS_DIR = path.join(__dirname, 'results');

/** The machine a figure was measured on: times only compare between runs on like machines. */
export const machine = () => ({
  node: process.version,
  cores: os.cpus().length,
  memoryBytes: os.totalmem(),
});

/** Writes `value` as indented JSON to `file` (a name in bench/results, or a path); answers where it went. */
export const writeResults = (file: string, value: unknown): string => {
  const out = path.isAbsolute(file) ? file : path.join(RESULTS_DIR, file);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(value, null, 2)}\n`);
  return out;
};
