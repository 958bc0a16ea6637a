/**
 * Running a program on the simulated heap and recording it line by line.
 *
 * `record()` runs the program with `runProgram` and a line hook that takes a snapshot before
 * every statement. A user action on the paused program ("collect generation 2 now", "set
 * DEBUG_SAVEALL") is an *intervention*: the program is run again from the start — HeapLab's
 * interpreter is deterministic, so it passes through the same states and allocates the same
 * slots — and the intervention is applied when the run reaches the same step; the timeline
 * from there on is recorded anew. `query()` replays the same way to a step and asks objgraph
 * about one object there.
 *
 * Checkpoints: every line event is one, and every intervention adds one after it (the state
 * "after gc.collect(2) (you)"). Recording and replay count checkpoints identically, so a step
 * index in a recording names the same program state in a replay.
 */
import {
  type Heap,
  Kind,
  type ModuleData,
  PyException,
  type Ref,
  reprOf,
} from '@heaplab/heap';
import { Objgraph } from '@heaplab/objgraph';
import { BudgetExceeded, type FileSystem, type Frame, type Interpreter, type LineEvent, createModuleProviders, runProgram } from '@heaplab/python';
import { clip, labeledEdges, shortLabel, typeLabel } from './heapview.js';
import { type FrameView, SnapshotBuilder } from './snapshot.js';
import {
  type ChainLink,
  type CollectionRec,
  type ConsoleChunk,
  DEFAULT_LIMITS,
  type Intervention,
  type Limits,
  type QueryRequest,
  type QueryResult,
  type Recording,
  type RunRequest,
  type StepRec,
} from './types.js';

/** Thrown from the line hook to end a replay once the query is answered. */
class StopReplay extends Error {
  override name = 'StopReplay';
}

/** Describe an intervention for the step note. */
export function describeIntervention(iv: Intervention, debugFlags: [string, number][] = []): string {
  switch (iv.op) {
    case 'collect':
      return `gc.collect(${iv.generation})`;
    case 'setDebug': {
      if (iv.flags === 0) return 'gc.set_debug(0)';
      const names = debugFlags.filter(([n, v]) => n !== 'DEBUG_LEAK' && (iv.flags & v) === v && v !== 0).map(([n]) => `gc.${n}`);
      return `gc.set_debug(${names.length > 0 ? names.join(' | ') : iv.flags})`;
    }
    case 'setThreshold':
      return `gc.set_threshold(${iv.thresholds.join(', ')})`;
    case 'enable':
      return 'gc.enable()';
    case 'disable':
      return 'gc.disable()';
  }
}

interface Session {
  it: Interpreter | null;
  heap: Heap | null;
  /** Checkpoints passed so far. */
  checkpoint: number;
  /** Line events passed so far. */
  event: number;
  line: number;
  console: ConsoleChunk[];
  /** Chunks up to here belong to recorded steps and are not appended to. */
  sealed: number;
  collections: CollectionRec[];
  cause: 'auto' | 'program' | 'you';
  mainGlobals: Ref;
  mainGlobalsGeneration: number;
  frame: Frame | null;
  stopped: boolean;
  /** Files the program wrote (objgraph's .dot output, open(..., 'w')). */
  files: Map<string, string | Uint8Array>;
  /** Checkpoint at which each file was last written. */
  fileSteps: Map<string, number>;
}

function newSession(): Session {
  return {
    it: null,
    heap: null,
    checkpoint: -1,
    event: -1,
    line: 0,
    console: [],
    sealed: 0,
    collections: [],
    cause: 'program',
    mainGlobals: 0,
    mainGlobalsGeneration: 0,
    frame: null,
    stopped: false,
    files: new Map(),
    fileSteps: new Map(),
  };
}

/** An in-memory file system: what the program writes can be shown (and read back). */
function memoryFs(s: Session): FileSystem {
  const note = (path: string) => s.fileSteps.set(path, s.checkpoint + 1);
  return {
    readFile: (path) => {
      const v = s.files.get(path);
      return v === undefined ? null : typeof v === 'string' ? v : new TextDecoder().decode(v);
    },
    writeFile: (path, data) => {
      s.files.set(path, data);
      note(path);
    },
    appendFile: (path, data) => {
      const old = s.files.get(path);
      s.files.set(path, (old === undefined ? '' : typeof old === 'string' ? old : new TextDecoder().decode(old)) + data);
      note(path);
    },
  };
}

function writer(s: Session, stream: 0 | 1 | 2): (t: string) => void {
  return (t: string) => {
    if (t.length === 0) return;
    const last = s.console[s.console.length - 1];
    if (last !== undefined && last.s === stream && s.console.length > s.sealed && last.t.length < 65536) last.t += t;
    else s.console.push({ s: stream, t });
  };
}

/** Hook the collector once the interpreter exists: log collections, tell automatic ones apart. */
function attach(s: Session, it: Interpreter): void {
  s.it = it;
  s.heap = it.heap;
  const collector = it.gc.collector;
  collector.listeners.push((r) => {
    s.collections.push({
      generation: r.generation,
      collected: r.collected,
      uncollectable: r.uncollectable,
      elapsed: r.elapsed,
      line: s.line,
      event: s.event,
      cause: s.cause,
    });
  });
  const auto = collector.collectGenerations.bind(collector);
  collector.collectGenerations = () => {
    const prev = s.cause;
    s.cause = 'auto';
    try {
      auto();
    } finally {
      s.cause = prev;
    }
  };
}

/** The frames on the stack, outermost first. */
function stackOf(top: Frame | null): FrameView[] {
  const out: FrameView[] = [];
  for (let f = top; f !== null; f = f.back) {
    const code = f.code;
    out.push({
      name: code.name,
      line: f.lineno,
      isModule: code.kind === 'module' && (f.locals === 0 || f.locals === f.globals),
      fast: f.fast,
      names: code.nfast > code.varnames.length ? [...code.varnames, ...code.cellvars, ...code.freevars] : code.varnames,
      frameObj: f.frameObj,
      locals: f.locals === f.globals ? 0 : f.locals,
      globals: f.globals,
    });
  }
  return out.reverse();
}

/** `__main__`'s globals if still alive (the slot may have been freed and reused at shutdown). */
function mainGlobals(s: Session): Ref {
  const heap = s.heap;
  const g = s.mainGlobals;
  if (heap === null || g === 0) return 0;
  if (!heap.isLive(g) || heap.kind[g] !== Kind.DICT || heap.generation[g] !== s.mainGlobalsGeneration) return 0;
  return g;
}

function applyIntervention(s: Session, iv: Intervention): void {
  const it = s.it!;
  const gc = it.gc;
  const prev = s.cause;
  s.cause = 'you';
  try {
    switch (iv.op) {
      case 'collect':
        gc.collect(iv.generation);
        break;
      case 'setDebug':
        gc.setDebug(iv.flags);
        break;
      case 'setThreshold':
        gc.setThreshold(iv.thresholds[0], iv.thresholds[1], iv.thresholds[2]);
        break;
      case 'enable':
        gc.enable();
        break;
      case 'disable':
        gc.disable();
        break;
    }
  } catch (e) {
    if (e instanceof PyException) {
      writer(s, 1)(`HeapLab: ${describeIntervention(iv)} raised ${it.heap.typeName(e.exc)}\n`);
      it.heap.decref(e.exc);
    } else throw e;
  } finally {
    s.cause = prev;
  }
}

function flagEntries(it: Interpreter): [string, number][] {
  return Object.entries(it.gc.flags).filter((e): e is [string, number] => typeof e[1] === 'number');
}

/** The line-event number of the checkpoint at the end of the program (before shutdown). */
export const AT_EXIT = -2;

interface Driver {
  /** Called at every checkpoint (after `s.checkpoint` was incremented), with the line event it belongs to. */
  checkpoint(s: Session, note: string | undefined, event: number): void;
}

/** Run the program, calling the driver at each checkpoint; returns the exit code. */
function drive(req: RunRequest, limits: Limits, s: Session, driver: Driver): number {
  const byEvent = new Map<number, Intervention[]>();
  for (const iv of req.interventions) {
    const list = byEvent.get(iv.event) ?? [];
    list.push(iv);
    byEvent.set(iv.event, list);
  }
  const filename = req.filename ?? 'main.py';
  const atExit = () => {
    // The program's last statement has run (and any atexit functions it registered): one more
    // checkpoint before the interpreter shuts down and tears the modules apart.
    if (s.stopped) return;
    s.frame = null;
    s.line = 0;
    s.checkpoint++;
    driver.checkpoint(s, 'the program ended — next: interpreter shutdown', AT_EXIT);
    for (const iv of byEvent.get(AT_EXIT) ?? []) {
      applyIntervention(s, iv);
      s.frame = null;
      s.line = 0;
      s.checkpoint++;
      driver.checkpoint(s, `after ${describeIntervention(iv, flagEntries(s.it!))} (you, at the end of the program)`, AT_EXIT);
    }
  };
  const onLine = function (this: Interpreter, e: LineEvent): void {
    if (s.stopped) return;
    if (s.it === null) {
      attach(s, this);
      this.atexit.unshift(atExit);
    }
    if (s.mainGlobals === 0) {
      let bottom = e.frame;
      while (bottom.back !== null) bottom = bottom.back;
      s.mainGlobals = bottom.globals;
      s.mainGlobalsGeneration = this.heap.generation[bottom.globals]!;
    }
    // The object budget, enforced between statements: a clean stop with a message. (The
    // heap's own budget, set higher, still catches a single statement that allocates wildly.)
    if (this.heap.live > limits.objectBudget) throw new BudgetExceeded(`object budget exceeded (${limits.objectBudget} live objects)`);
    s.event++;
    s.line = e.lineno;
    s.frame = e.frame;
    s.checkpoint++;
    driver.checkpoint(s, undefined, s.event);
    const ivs = byEvent.get(s.event);
    if (ivs !== undefined) {
      const event = s.event;
      for (const iv of ivs) {
        applyIntervention(s, iv);
        s.frame = e.frame;
        s.line = e.lineno;
        s.checkpoint++;
        driver.checkpoint(s, `after ${describeIntervention(iv, flagEntries(this))} (you, before line ${e.lineno})`, event);
      }
    }
  };
  const { exitCode, interp } = runProgram({
    version: req.version,
    source: req.source,
    filename,
    argv: [filename],
    stdout: writer(s, 0),
    stderr: writer(s, 1),
    stepBudget: limits.stepBudget,
    objectBudget: Math.ceil(limits.objectBudget * 1.25) + 1000,
    fs: memoryFs(s),
    onLine,
    modules: createModuleProviders(),
  });
  if (s.it === null) attach(s, interp);
  s.frame = null;
  s.line = 0;
  return exitCode;
}

/** Run a program and record every step. */
export function record(req: RunRequest): Recording {
  const limits: Limits = { ...DEFAULT_LIMITS, ...req.limits };
  const t0 = performance.now();
  const s = newSession();
  const steps: StepRec[] = [];
  const notices: string[] = [];
  let builder: SnapshotBuilder | null = null;
  let entries = 0;
  let snapshotMs = 0;
  let recording = true;
  const take = (note: string | undefined, event: number, finalState: boolean) => {
    const heap = s.heap!;
    if (builder === null) builder = new SnapshotBuilder(heap, { maxNodes: limits.maxNodes, builtinsDict: s.it!.builtinsDict });
    const t = performance.now();
    s.sealed = s.console.length;
    const meta = { event, line: s.line, out: s.console.length, collections: s.collections.length, note };
    const step = builder.capture(finalState ? [] : stackOf(s.frame), mainGlobals(s), meta);
    if (finalState) step.depth = 0;
    steps.push(step);
    entries += step.nodes.length + step.edges.length;
    snapshotMs += performance.now() - t;
  };
  let exitCode: number;
  try {
    exitCode = drive(req, limits, s, {
      checkpoint(_s, note, event) {
        if (!recording) return;
        const why =
          steps.length >= limits.maxSnapshots ? 'step' : entries >= limits.maxEntries ? 'memory' : snapshotMs >= limits.maxRecordMs ? 'time' : null;
        if (why !== null) {
          recording = false;
          notices.push(`Recording stopped after ${steps.length} steps (${why} limit of the recorder); the program ran on to its end and the last step shows the final state.`);
          return;
        }
        try {
          take(note, event, event === AT_EXIT);
        } catch (e) {
          recording = false;
          notices.push(`Recording stopped at step ${steps.length}: ${e instanceof Error ? e.message : String(e)}`);
        }
      },
    });
  } catch (e) {
    // A JS error inside the interpreter: report it like a crash, keep what was recorded.
    exitCode = 70;
    const where = e instanceof Error && e.stack ? `\n${e.stack.split('\n').slice(1, 4).join('\n')}` : '';
    writer(s, 2)(`HeapLab internal error: ${e instanceof Error ? e.message : String(e)}${where}\n`);
    notices.push('The interpreter failed (internal error); the steps before it are shown.');
  }
  s.stopped = true;
  const stderr = s.console.filter((c) => c.s === 1).map((c) => c.t).join('');
  if (/object budget exceeded/.test(stderr)) notices.push(`The program was stopped at the object budget (${limits.objectBudget.toLocaleString('en-US')} live objects): runaway allocation?`);
  else if (/step budget exceeded/.test(stderr)) notices.push(`The program was stopped after ${limits.stepBudget.toLocaleString('en-US')} statements (step budget): an endless loop?`);
  else if (/the host's stack ran out/.test(stderr)) notices.push('The program ran out of stack (very deep recursion, or a runaway allocation).');
  if (s.heap !== null) {
    try {
      const note =
        s.event < 0 ? `the program did not start (exit code ${exitCode}): see the console` : exitCode === 124 ? 'stopped by a budget; after interpreter shutdown' : `after interpreter shutdown (exit code ${exitCode})`;
      take(note, -1, true);
    } catch (e) {
      notices.push(`The final state could not be recorded: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const debugFlags = s.it !== null ? flagEntries(s.it) : [];
  const b = builder as SnapshotBuilder | null;
  return {
    version: req.version,
    nodes: b?.nodes ?? [],
    edges: b?.edges ?? [],
    steps,
    console: s.console,
    collections: s.collections,
    files: [...s.files].map(([path, data]) => ({
      path,
      step: Math.min(s.fileSteps.get(path) ?? 0, Math.max(0, steps.length - 1)),
      text: typeof data === 'string' ? data.slice(0, 200_000) : null,
      size: data.length,
    })),
    exitCode,
    notices,
    debugFlags,
    timing: { totalMs: performance.now() - t0, snapshotMs },
  };
}

/** Replay to a recorded step and ask objgraph about one object there. */
export function query(req: QueryRequest): QueryResult {
  const limits: Limits = { ...DEFAULT_LIMITS, ...req.limits };
  const s = newSession();
  let result: QueryResult | null = null;
  let peak: Map<string, number> | null = null;
  const markStep = req.markStep;
  const takeMark = () => {
    const og = new Objgraph(s.heap!, s.it!.gc, { io: { writeFile() {} } });
    peak = new Map();
    og.growth({ limit: null, peakStats: peak, collect: false });
  };
  const answer = () => {
    const it = s.it!;
    it.onLine = null; // objgraph labels may run __repr__: no line events from here on
    it.stepBudget = it.steps + 1_000_000;
    const out: string[] = [];
    const saveOut = it.writeOut;
    const saveErr = it.writeErr;
    it.writeOut = (t) => out.push(t);
    it.writeErr = (t) => out.push(t);
    try {
      result = ask(it, req.ref, peak, req.maxDepth ?? 4, out);
    } finally {
      it.writeOut = saveOut;
      it.writeErr = saveErr;
    }
  };
  try {
    drive(req, limits, s, {
      checkpoint() {
        if (s.checkpoint === markStep && s.it !== null) takeMark();
        if (s.checkpoint === req.step) {
          answer();
          s.stopped = true;
          throw new StopReplay();
        }
      },
    });
  } catch (e) {
    if (!(e instanceof StopReplay)) throw e;
  }
  if (result === null) {
    // The step is the final state (or past the last checkpoint): answer after the program ended.
    if (s.it === null) throw new Error('the program did not start');
    if (markStep === 'final') takeMark();
    answer();
  }
  return result!;
}

function ask(it: Interpreter, ref: Ref, peak: Map<string, number> | null, maxDepth: number, out: string[]): QueryResult {
  const heap = it.heap;
  if (!heap.isLive(ref)) {
    return {
      ref,
      repr: '',
      type: '',
      refcount: 0,
      backrefsDot: '',
      chainDot: '',
      chain: [],
      growth: null,
      mostCommon: [],
      referrers: [],
      output: '',
      error: 'This object does not exist at this step (the replay did not reach the same state).',
    };
  }
  const og = new Objgraph(heap, it.gc, { io: { writeFile() {} } });
  let repr: string;
  try {
    repr = clip(reprOf(heap, ref), 400);
  } catch (e) {
    if (e instanceof PyException) {
      repr = '(unrepresentable)';
      heap.decref(e.exc);
    } else throw e;
  }
  const errors: string[] = [];
  const guard = <T>(what: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof PyException) {
        errors.push(`${what}: ${heap.typeName(e.exc)}`);
        heap.decref(e.exc);
      } else errors.push(`${what}: ${e instanceof Error ? e.message : String(e)}`);
      return fallback;
    }
  };
  const backrefsDot = guard('show_backrefs', '', () => og.showBackrefs([ref], { maxDepth, collect: false, refcounts: true, output: { write() {} } }).dot);
  const chainRefs = guard('find_backref_chain', [ref] as Ref[], () => og.findBackrefChain(ref, (r) => og.isProperModule(r), { collect: false }));
  const chainDot = chainRefs.length > 1 ? guard('show_chain', '', () => og.showChain([chainRefs], { collect: false, refcounts: true, output: { write() {} } }).dot) : '';
  const chain: ChainLink[] = chainRefs.map((r, i) => ({
    ref: r,
    type: typeLabel(heap, r),
    label: shortLabel(heap, r, 40),
    edge: i + 1 < chainRefs.length ? edgeLabelBetween(heap, r, chainRefs[i + 1]!) : '',
  }));
  const growth = peak !== null ? guard('growth', null, () => og.growth({ limit: 10, peakStats: peak!, collect: false })) : null;
  const mostCommon = guard('most_common_types', [] as [string, number][], () => og.mostCommonTypes({ limit: 10 }));
  const referrers = guard('get_referrers', [] as Ref[], () => it.gc.getReferrers([ref])).slice(0, 50).map((r) => ({ ref: r, type: typeLabel(heap, r), label: shortLabel(heap, r, 40) }));
  const result: QueryResult = {
    ref,
    repr,
    type: typeLabel(heap, ref),
    refcount: heap.rc[ref]!,
    backrefsDot,
    chainDot,
    chain,
    growth,
    mostCommon,
    referrers,
    output: out.join(''),
  };
  if (errors.length > 0) result.error = errors.join('; ');
  return result;
}

/** The label of the reference `from` holds to `to` (attribute, key, index). */
function edgeLabelBetween(heap: Heap, from: Ref, to: Ref): string {
  let label = '';
  labeledEdges(heap, from, (t, l) => {
    if (label === '' && t === to) label = l || '·';
  });
  if (label === '' && heap.kind[from] === Kind.MODULE) {
    const d = (heap.payload[from] as ModuleData).dict;
    if (d === to) label = '__dict__';
  }
  return label;
}
