/**
 * Running a program: build an interpreter for a version (heap, collector, runtime library,
 * builtins, sys, the importable modules), create `__main__` with the globals CPython gives a
 * script, compile and run the source, report an uncaught exception like CPython, and shut down
 * the way each version does (3.12 collects garbage and tears modules down so `__del__` of cyclic
 * garbage still runs; 2.7 sets module globals to None and never collects the remaining cycles).
 */
import {
  dictEntries,
  dictGetStr,
  dictSetStr,
  Kind,
  moduleDict,
  newClass,
  newDict,
  newStr,
  PyException,
  type Ref,
  call,
  intern,
  type ModuleData,
  warningAction,
  type ScriptStartState,
} from '@heaplab/heap';
import { dumpShutdownStats } from '@heaplab/gc';
import { compileModule, CompileError } from './compiler/compile.js';
import { compileWarnings312 } from './compiler/warnings312.js';
import type { CodeUnit } from './compiler/code.js';
import { compiledState27 } from './compiler/compile-counts27.js';
import type { Module } from './parser/ast.js';
import { parse, PySyntaxError } from './parser/index.js';
import { BudgetExceeded, Interpreter, type InterpreterOptions } from './vm/interp.js';
import { Frame } from './vm/frame.js';
import { finalizeSysSpecial } from './vm/syshooks.js';
import { createSysModule, installStdStreams } from './modules/sys.js';
import { createCopyModule, createFunctoolsModule, createFutureModule, createTimeModule } from './modules/misc.js';
import { wireRuntimeLibrary } from './runtime.js';
import { createAtexitModule } from './modules/atexit.js';
import { createTracebackModule } from './modules/traceback.js';
import { installIntrospection } from './vm/introspection.js';
import { flushSoftspace27 } from './lib/builtins.js';
import { libState } from './lib/state.js';

export interface ProgramOptions extends InterpreterOptions {
  /** The program text. */
  source: string;
  /** The script name as given on the command line (used in tracebacks and `__file__`). */
  filename: string;
}

export interface ProgramResult {
  exitCode: number;
  interp: Interpreter;
}

/** Scan the leading `from __future__ import ...` statements (2.7 compile flags). */
function futureFlags(module: { body: { type: string; module?: string | null; names?: { name: string }[] }[] }): Set<string> {
  const out = new Set<string>();
  for (const st of module.body) {
    if (st.type === 'Expr') continue;
    if (st.type === 'ImportFrom' && st.module === '__future__') {
      for (const n of st.names ?? []) out.add(n.name);
      continue;
    }
    break;
  }
  return out;
}

/**
 * Build a ready interpreter: runtime library, builtins, sys and the module providers.
 *
 * @example
 * ```ts
 * import { createInterpreter } from '@heaplab/python';
 * const it = createInterpreter({ version: '3.12', stdout: (t) => process.stdout.write(t) });
 * ```
 */
export function createInterpreter(options: InterpreterOptions = {}): Interpreter {
  const it = new Interpreter(options);
  const heap = it.heap;
  it.sysModule = createSysModule(it);
  wireRuntimeLibrary(it);
  installStdStreams(it);
  installIntrospection(it);
  it.registerModule('sys', it.sysModule);
  it.registerModule(it.profile.builtinsModuleName, it.builtinsModule);
  it.moduleProviders.set('time', createTimeModule);
  it.moduleProviders.set('__future__', createFutureModule);
  it.moduleProviders.set('functools', createFunctoolsModule);
  it.moduleProviders.set('copy', createCopyModule);
  it.moduleProviders.set('atexit', createAtexitModule);
  it.moduleProviders.set('traceback', createTracebackModule);
  it.compileModule = (source, filename) => compileSource(it, source, filename);
  void heap;
  return it;
}

/** Parse and compile `source` for the interpreter's version (throws PySyntaxError/CompileError). */
export function compileSource(it: Interpreter, source: string, filename: string): CodeUnit {
  return compileScript(it, source, filename).unit;
}

/** `compileSource`, also returning the script start state the 2.7 compiler leaves (or null). */
function compileScript(it: Interpreter, source: string, filename: string): { unit: CodeUnit; start: ScriptStartState | null } {
  const dialect = it.version;
  const mod = parse(source, { dialect, filename });
  if (dialect !== '2.7') {
    // 3.12 warns while it parses (invalid escapes), then while it compiles.
    emitSyntaxWarnings(it, filename, source, mod.warnings ?? []);
    emitSyntaxWarnings(it, filename, source, compileWarnings312(mod));
  }
  const fut = futureFlags(mod as never);
  const unit = compileModule(it, it.ops, mod, {
    dialect,
    filename,
    trueDivision: dialect !== '2.7' || fut.has('division'),
    unicodeLiterals: dialect === '2.7' && fut.has('unicode_literals'),
  });
  return { unit, start: scriptStartState(it, mod, unit, fut.has('absolute_import')) };
}

/**
 * The collector counts and list/dict free lists the script's first line sees, when they depend
 * on the script (2.7): CPython's compiler state replayed from `compileStart`, then what CPython
 * allocates before the first line beyond HeapLab's own start-up (`compileStart.runStart`).
 */
function scriptStartState(it: Interpreter, mod: Module, unit: CodeUnit, absoluteImport: boolean): ScriptStartState | null {
  const profile = it.heap.profile;
  const start = profile.compileStart;
  if (start === null) return null;
  const compiled = compiledState27(mod, unit.scope, start, profile.defaultThresholds, absoluteImport);
  const run = start.runStart;
  let extra = run.count;
  // What CPython runs before the first line takes from the free lists the compiler left; what it
  // does not find there is allocated.
  const tupleFree = compiled.tupleFree.slice();
  for (const [key, need] of Object.entries(run.tuplesKept)) {
    const have = tupleFree[Number(key)] ?? 0;
    extra += Math.max(0, need - have);
    tupleFree[Number(key)] = Math.max(0, have - need);
  }
  for (const [key, need] of Object.entries(run.tuplesBorrowed)) {
    const have = tupleFree[Number(key)] ?? 0;
    extra += Math.max(0, need - have);
    tupleFree[Number(key)] = Math.max(have, need);
  }
  extra += Math.max(0, run.dictsKept - compiled.dictFree);
  const dictFree = Math.max(0, compiled.dictFree - run.dictsKept);
  // HeapLab's own module frame and gc module take one list (`gc.garbage`) and one dict (the
  // module's) when the script runs; they start on the free lists so that the first line sees
  // CPython's occupancy.
  return {
    counts: [compiled.counts[0] + extra, compiled.counts[1], compiled.counts[2]],
    listFree: Math.min(compiled.listFree + 1, profile.freeLists.list),
    dictFree: Math.min(dictFree + 1, profile.freeLists.dict),
    tupleFree,
  };
}

/**
 * Show compile-time SyntaxWarnings as `PyErr_WarnExplicit(SyntaxWarning, msg, filename, lineno,
 * NULL, NULL)` does when the warnings module is not loaded: through the start-up filters (no
 * registry, so a repeated warning is shown again), as `file:line: SyntaxWarning: msg` and the
 * source line without its indentation.
 */
function emitSyntaxWarnings(it: Interpreter, filename: string, source: string, warnings: readonly { lineno: number; message: string }[]): void {
  if (warnings.length === 0) return;
  const heap = it.heap;
  const module = filename.endsWith('.py') ? filename.slice(0, -3) : filename;
  const action = warningAction(heap, heap.profile.defaultWarningFilters, heap.t.SyntaxWarning, module);
  if (action === 'ignore') return;
  const lines = source.split(/\r\n|\r|\n/);
  for (const w of warnings) {
    let text = `${filename}:${w.lineno}: SyntaxWarning: ${w.message}\n`;
    const line = lines[w.lineno - 1];
    if (line !== undefined) {
      const shown = line.replace(/^[ \t\f]+/, '').replace(/\s+$/, '');
      if (shown !== '') text += `  ${shown}\n`;
    }
    it.writeToSysStderr(text);
  }
}

/** Create `__main__` with the globals a script starts with in each version. */
function createMainModule(it: Interpreter, filename: string): Ref {
  const heap = it.heap;
  const m = it.newModule('__main__');
  const g = moduleDict(heap, m);
  (heap.payload[m] as ModuleData).ext = { file: filename };
  if (it.version === '2.7') {
    // PyModule_New gave __name__, __doc__; then __package__, __builtins__, __file__.
    dictSetStr(heap, g, '__package__', heap.None);
    dictSetStr(heap, g, '__builtins__', it.builtinsModule);
    const f = newStr(heap, filename);
    dictSetStr(heap, g, '__file__', f);
    heap.decref(f);
  } else {
    dictSetStr(heap, g, '__package__', heap.None);
    const ns = newDict(heap);
    const mod = intern(heap, '_frozen_importlib_external');
    dictSetStr(heap, ns, '__module__', mod);
    heap.decref(mod);
    const loaderCls = newClass(heap, { name: 'SourceFileLoader', bases: [], namespace: ns });
    heap.decref(ns);
    const loader = call(heap, loaderCls, []);
    heap.decref(loaderCls);
    dictSetStr(heap, g, '__loader__', loader);
    heap.decref(loader);
    dictSetStr(heap, g, '__spec__', heap.None);
    const ann = newDict(heap);
    dictSetStr(heap, g, '__annotations__', ann);
    heap.decref(ann);
    dictSetStr(heap, g, '__builtins__', it.builtinsModule);
    const f = newStr(heap, filename);
    dictSetStr(heap, g, '__file__', f);
    heap.decref(f);
    dictSetStr(heap, g, '__cached__', heap.None);
  }
  it.registerModule('__main__', m);
  return m;
}

/** Print a SyntaxError the way the interpreter reports a script that does not compile. */
function reportSyntaxError(it: Interpreter, e: PySyntaxError | CompileError, filename: string): void {
  if (e instanceof CompileError && e.kind === 'NotImplementedError') {
    const line = e.node?.lineno ?? 0;
    it.writeErr(`HeapLab: ${e.message} (line ${line})\n`);
    it.writeErr(`NotImplementedError: ${e.message}\n`);
    return;
  }
  const lines: string[] = [];
  const lineno = e instanceof PySyntaxError ? e.lineno : (e.node?.lineno ?? 1);
  const offset = e instanceof PySyntaxError ? e.offset : (e.node?.col_offset ?? 0) + 1;
  const text = e instanceof PySyntaxError ? e.text : it.sourceLine(filename, lineno);
  const msg = e instanceof PySyntaxError ? e.msg : e.message;
  const kind = e instanceof PySyntaxError ? e.kind : 'SyntaxError';
  lines.push(`  File "${e instanceof PySyntaxError ? e.filename : filename}", line ${lineno}`);
  if (text !== null && text !== undefined) {
    const raw = text.replace(/\n$/, '');
    const stripped = raw.replace(/^[ \t\f]+/, '');
    const lead = raw.length - stripped.length;
    lines.push(`    ${stripped}`);
    if (offset !== null && offset !== undefined && offset > 0) {
      let width = 1;
      if (it.version !== '2.7' && e instanceof PySyntaxError && e.end_offset && e.end_lineno === e.lineno && e.end_offset > e.offset) width = e.end_offset - e.offset;
      lines.push(`    ${' '.repeat(Math.max(0, offset - 1 - lead))}${'^'.repeat(width)}`);
    }
  }
  lines.push(`${kind}: ${msg}`);
  it.writeErr(lines.join('\n') + '\n');
}

/** Tear down like CPython: 3.12 collects and clears modules; 2.7 sets `__main__` globals to None. */
/** `Py_FlushLine` (2.7): a pending print-statement space on stdout becomes a newline. */
function flushLine(it: Interpreter): void {
  if (it.profile.flushSoftspace) flushSoftspace27(it.heap, libState(it.heap).hooks);
}

function shutdown(it: Interpreter, main: Ref): number | null {
  const heap = it.heap;
  let status: number | null = null;
  try {
    status = it.runAtexit();
    flushLine(it);
    // Py_Finalize: PyGC_Collect (3.12's does nothing while the collector is disabled).
    if (!it.profile.finalizeCollectOnlyIfEnabled || it.gc.isEnabled()) it.gc.collect();
    if (it.version === '2.7') {
      // PyImport_Cleanup clears __main__ (underscore names first).
      finalizeSysSpecial(it);
      clearModuleDict(it, moduleDict(heap, main));
    } else {
      // finalize_modules: set every sys.modules entry to None. A module nobody else holds dies
      // right there, and module_dealloc only drops its dict (it does not clear it): a dict in a
      // cycle with the module's functions is left to the collection that follows — and is never
      // cleared at all when it is frozen (gc.freeze()). sys.modules is the only owner of
      // __main__ in CPython, so the runner gives its own reference up first. Modules still alive
      // after the collection (CPython keeps weak references to tell) get their dicts cleared.
      const mainSlotGeneration = heap.generation[main];
      finalizeSysSpecial(it);
      // `io` is among the first modules to go: no source lines in tracebacks from here on.
      it.sourceLinesAvailable = false;
      heap.decref(main);
      const entries = dictEntries(heap, it.modulesDict);
      for (let i = 0; i < entries.length; i += 2) {
        const name = heap.payload[entries[i]!] as string;
        if (name === 'sys' || name === 'builtins') continue;
        dictSetStr(heap, it.modulesDict, name, heap.None);
      }
      it.gc.collect();
      // Report what is left in gc.garbage while the warnings machinery still works.
      dumpShutdownStats(it.gc.collector);
      const mainAlive = heap.isLive(main) && heap.generation[main] === mainSlotGeneration;
      if (mainAlive) clearModuleDict(it, moduleDict(heap, main));
      it.gc.collect();
    }
  } catch (e) {
    if (e instanceof PyException) heap.decref(e.exc);
    else if (!(e instanceof BudgetExceeded)) throw e;
  }
  return status;
}

/** `_PyModule_Clear`: names starting with one underscore become None, then all others (except __builtins__). */
function clearModuleDict(it: Interpreter, d: Ref): void {
  const heap = it.heap;
  const pass = (first: boolean) => {
    const entries = dictEntries(heap, d);
    for (let i = 0; i < entries.length; i += 2) {
      const k = entries[i]!;
      if (heap.kind[k] !== Kind.STR) continue;
      const s = heap.payload[k] as string;
      if (dictGetStr(heap, d, s) === heap.None) continue;
      const single = s.startsWith('_') && !s.startsWith('__');
      if (first ? single : s !== '__builtins__') {
        try {
          dictSetStr(heap, d, s, heap.None);
        } catch (e) {
          if (e instanceof PyException) heap.decref(e.exc);
          else throw e;
        }
      }
    }
  };
  pass(true);
  pass(false);
}

/** The function object 3.x wraps module code in for its run (new reference). */
function newModuleFunction(it: Interpreter, unit: CodeUnit, globals: Ref): Ref {
  const name = intern(it.heap, unit.name);
  try {
    return it.newFunction(unit, globals, name, name, 0, 0, 0, 0);
  } finally {
    it.heap.decref(name);
  }
}

/**
 * Run a program to completion: returns the exit status (0, 1 for an uncaught exception, or the
 * SystemExit code).
 *
 * @example
 * ```ts
 * import { runProgram } from '@heaplab/python';
 * let out = '';
 * runProgram({ version: '3.12', filename: 'x.py', source: 'print(1 + 1)\n', stdout: (t) => (out += t) });
 * out; // '2\n'
 * ```
 */
export function runProgram(options: ProgramOptions): ProgramResult {
  const it = createInterpreter(options);
  const { source, filename } = options;
  it.sources.set(filename, source.split(/\r\n|\r|\n/));
  // CPython's start-up state holds references HeapLab does not build (2.7 counts them).
  it.heap.calibrateStartupRefcounts();
  let unit: CodeUnit;
  let scriptStart: ScriptStartState | null;
  try {
    ({ unit, start: scriptStart } = compileScript(it, source, filename));
  } catch (e) {
    if (e instanceof PySyntaxError || e instanceof CompileError) {
      reportSyntaxError(it, e, filename);
      return { exitCode: 1, interp: it };
    }
    throw e;
  }
  const main = createMainModule(it, filename);
  const g = moduleDict(it.heap, main);
  // HeapLab's own start-up objects go to the oldest generation; the collector then starts from
  // CPython's start-up state.
  const wasEnabled = it.heap.gc.enabled;
  // 3.x: PyEval_EvalCode runs the module code through a function object named after it
  // ('<module>'), GC-tracked, holding the globals while the body runs — so
  // gc.get_referrers(globals()) and objgraph's backref graphs show it (after the module, like the
  // start-up objects it is made with). Released when the body ends.
  const moduleFn = it.version === '2.7' ? 0 : newModuleFunction(it, unit, g);
  it.gc.collect(2);
  it.heap.resetToStartupState(scriptStart);
  it.heap.gc.enabled = wasEnabled;
  const frame = new Frame(unit, new Array(unit.nfast).fill(0), g, it.builtinsDict, g, null, 0);
  let exitCode = 0;
  try {
    try {
      it.runFrame(frame, 0);
    } finally {
      if (moduleFn !== 0) it.heap.decref(moduleFn);
    }
    flushLine(it);
  } catch (e) {
    if (e instanceof PyException) {
      flushLine(it);
      if (it.isInstanceOf(e.exc, it.heap.t.SystemExit)) exitCode = it.systemExitStatus(e.exc);
      else exitCode = it.handleUncaught(e);
      it.discard(e);
    } else if (e instanceof BudgetExceeded) {
      it.writeErr(`HeapLab: ${e.message}; the program was stopped.\n`);
      exitCode = 124;
    } else if (e instanceof RangeError && /call stack/i.test(e.message)) {
      it.writeErr(`RecursionError: maximum recursion depth exceeded (the host's stack ran out)\n`);
      exitCode = 1;
    } else throw e;
  }
  // 2.7: a SystemExit out of sys.exitfunc sets the exit status.
  const status = shutdown(it, main);
  if (status !== null) exitCode = status;
  return { exitCode, interp: it };
}
