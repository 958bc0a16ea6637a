/**
 * Run a program and capture what it writes to stdout and stderr as one text, in order — the
 * merged output the conformance recordings hold. Used by tests and tools.
 *
 * @example
 * ```ts
 * import { runCaptured } from './run-captured.js';
 * runCaptured('3.12', 'print(1 + 1)\n').out; // '2\n'
 * ```
 */
import { createModuleProviders } from './providers.js';
import { type ProgramOptions, runProgram } from './run.js';

export interface CapturedRun {
  /** stdout and stderr merged; `0x...` addresses replaced by `0xADDR` when asked. */
  out: string;
  exitCode: number;
}

export function runCaptured(
  version: '2.7' | '3.12',
  source: string,
  options: { normalizeAddresses?: boolean; extra?: Partial<ProgramOptions> } = {},
): CapturedRun {
  let out = '';
  const r = runProgram({
    version,
    source,
    filename: 't.py',
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    modules: createModuleProviders(),
    ...options.extra,
  });
  return { out: options.normalizeAddresses ? out.replace(/0x[0-9a-f]+/g, '0xADDR') : out, exitCode: r.exitCode };
}
