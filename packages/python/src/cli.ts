/**
 * The `heaplab` command: `heaplab run FILE.py [--python 2.7|3.12] [ARGS...]`.
 *
 * The program runs with the current directory as its working directory and prints what CPython
 * would print, stdout and stderr, in the order written. Exit status as CPython's (1 on an
 * uncaught exception, the SystemExit code otherwise).
 */
import { appendFileSync, readFileSync, writeFileSync, writeSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PythonVersion } from '@heaplab/heap';
import { runProgram } from './run.js';
import { createModuleProviders } from './providers.js';

export const HELP = `heaplab — run Python 2.7 / 3.12 programs on HeapLab's simulated heap

Usage:
  heaplab run FILE.py [--python 2.7|3.12] [--steps N] [--objects N] [ARGS...]
  heaplab --help

Options:
  --python V     which CPython to behave as: 2.7 or 3.12 (default 3.12)
  --steps N      stop the program after N statements (default: no limit)
  --objects N    raise MemoryError beyond N live objects (default: no limit)

ARGS become sys.argv[1:]. The program's working directory is the current directory.
Exit status: 0, 1 for an uncaught exception, or the SystemExit code.
`;

/**
 * Write all of `text` to a file descriptor. A pipe may accept only part of a write (or refuse it
 * with EAGAIN when the reader is slow), so keep writing the rest until every byte is out.
 */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

/** Parse arguments and run; returns the exit status. */
export function main(argv: string[]): number {
  const out = (t: string) => writeAll(1, t);
  const err = (t: string) => writeAll(2, t);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    out(HELP);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] !== 'run') {
    err(`heaplab: unknown command '${argv[0]}' (try 'heaplab --help')\n`);
    return 2;
  }
  let version: PythonVersion = '3.12';
  let file: string | null = null;
  let steps: number | undefined;
  let objects: number | undefined;
  const rest: string[] = [];
  // Options may come before or after FILE; everything after `--` (or any other argument after
  // FILE) is the program's sys.argv[1:].
  let passthrough = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (!passthrough && a === '--') {
      passthrough = true;
      continue;
    }
    if (!passthrough && (a === '--python' || a === '-p' || a.startsWith('--python='))) {
      const v = a.startsWith('--python=') ? a.slice(9) : argv[++i];
      if (v !== '2.7' && v !== '3.12') {
        err(`heaplab: --python must be 2.7 or 3.12, not '${v ?? ''}'\n`);
        return 2;
      }
      version = v;
    } else if (!passthrough && a === '--steps') steps = Number(argv[++i]);
    else if (!passthrough && a === '--objects') objects = Number(argv[++i]);
    else if (file === null && !passthrough) file = a;
    else rest.push(a);
  }
  if (file === null) {
    err('heaplab: run needs a FILE.py\n');
    return 2;
  }
  const path = resolve(process.cwd(), file);
  if (!existsSync(path)) {
    const exe = version === '2.7' ? 'python' : 'python3';
    err(
      version === '2.7'
        ? `${exe}: can't open file '${file}': [Errno 2] No such file or directory\n`
        : `${exe}: can't open file '${path}': [Errno 2] No such file or directory\n`,
    );
    return 2;
  }
  const source = readFileSync(path, 'utf8');
  const { exitCode } = runProgram({
    version,
    source,
    filename: file,
    argv: [file, ...rest],
    stdout: out,
    stderr: err,
    stepBudget: steps,
    objectBudget: objects,
    modules: createModuleProviders(),
    fs: {
      readFile: (p) => {
        const full = resolve(process.cwd(), p);
        return existsSync(full) ? readFileSync(full, 'utf8') : null;
      },
      writeFile: (p, d) => writeFileSync(resolve(process.cwd(), p), d),
      appendFile: (p, d) => appendFileSync(resolve(process.cwd(), p), d),
    },
  });
  return exitCode;
}
