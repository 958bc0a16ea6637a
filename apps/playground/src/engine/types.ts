/**
 * Data shapes shared by the worker (which runs programs and records them) and the page (which
 * draws recordings). Everything here is structured-clone friendly: plain objects, strings,
 * numbers and typed arrays.
 *
 * A recording is interned: every distinct object state ("node version": the object's slot,
 * type, label, refcount, generation and flags) and every distinct edge is stored once in
 * `nodes` / `edges`; each step lists the ids of the node versions and edges present at that
 * step. Consecutive steps mostly share their entries, so a thousand steps over a thousand
 * objects cost a few megabytes instead of a gigabyte.
 */

export type Version = '2.7' | '3.12';

/** Node flag bits (`NodeRec.flags`). */
export const NF = {
  /** A root: the `__main__` globals dict, a frame, or `gc.garbage`. */
  ROOT: 1,
  /** A (pseudo) frame node: a Python frame on the stack. */
  FRAME: 2,
  /** The object's class defines `__del__`. */
  HAS_DEL: 4,
  /** PEP 442: `__del__` already ran (3.12). */
  FINALIZED: 8,
  /** Immortal (3.12) — its refcount never changes. */
  IMMORTAL: 16,
  /** Held by the `gc.garbage` list. */
  IN_GARBAGE: 32,
  /** Unreachable: the next full collection would find it (cyclic garbage). */
  UNREACHABLE: 64,
  /** Unreachable but uncollectable (2.7: a cycle with `__del__`, or reachable from one). */
  UNCOLLECTABLE: 128,
  /** Library/builtin object (builtin type or function, module, code): drawn as a leaf. */
  BUILTIN: 256,
  /** Atomic value (None, bool, int, float, str, bytes). */
  PRIMITIVE: 512,
  /** At least one weak reference points at it. */
  WEAKLY_REFERENCED: 1024,
  /** The `gc.garbage` list itself. */
  GARBAGE_LIST: 2048,
  /** The `__main__` globals dict. */
  GLOBALS: 4096,
  /** A singleton (None, True, False, NotImplemented, Ellipsis). */
  SINGLETON: 8192,
  /** A class (type object or classic class). */
  CLASS: 16384,
} as const;

/** Edge kinds (`EdgeRec.kind`). */
export const EK = {
  /** An ordinary (strong) reference. */
  REF: 0,
  /** Instance → its class (`ob_type` / `__class__`). */
  TYPE: 1,
  /** Bookkeeping references (function → globals/code/name, class → mro/bases, dunder entries). */
  INTERNAL: 2,
  /** A weak reference → its referent (not counted in the referent's refcount). */
  WEAK: 3,
  /**
   * A shortcut class → attribute that really goes through the class's namespace dict: drawn
   * when library objects and bookkeeping are collapsed (the dict itself is then hidden).
   */
  FOLDED: 4,
} as const;

/** One state of one object (interned). */
export interface NodeRec {
  /** Heap slot (`id(obj) = 0x7f0000000000 + ref * 16`); negative for frames that are not heap objects. */
  ref: number;
  /** Short type name (`OBJ`, `dict`, `frame`...). */
  type: string;
  /** Short, escaped-on-display label: `[1, 2]`, `'abc'`, `f()`, `0x7f…`. */
  label: string;
  /** Reference count (`-1` for pseudo frames). */
  rc: number;
  /** Generation 0..2, 3 = permanent (frozen), -1 = not tracked by the collector. */
  gen: number;
  /** `NF` bits. */
  flags: number;
}

/** One edge (interned). */
export interface EdgeRec {
  from: number;
  to: number;
  /** Attribute name, dict key, `[index]`, local variable name... */
  label: string;
  /** `EK` value. */
  kind: number;
}

/** The collector's state at a step. */
export interface GcStateRec {
  enabled: boolean;
  thresholds: [number, number, number];
  counts: [number, number, number];
  debug: number;
  /** `len(gc.garbage)`. */
  garbage: number;
  /** Objects in each generation list. */
  sizes: [number, number, number];
}

/** A frame of the call stack, for display. */
export interface StackEntry {
  name: string;
  line: number;
}

/** One recorded step: the state before `line` runs (or after the program ended). */
export interface StepRec {
  /**
   * Line event index (the n-th statement executed); `-2`: the program ended, before the
   * interpreter shut down; `-1`: after shutdown (the final state).
   */
  event: number;
  /** Line about to run (0 when finished). */
  line: number;
  /** Call depth (1 = module level). */
  depth: number;
  /** Node versions present. */
  nodes: Int32Array;
  /** Edges present. */
  edges: Int32Array;
  /** Console chunks written so far. */
  out: number;
  /** Collections logged so far. */
  collections: number;
  gc: GcStateRec;
  stack: StackEntry[];
  /** Objects alive on the heap. */
  live: number;
  /** Objects tracked by the collector. */
  tracked: number;
  /** Objects reachable from the roots that were not recorded because of the node cap (0 if none). */
  omitted: number;
  /** Why this step exists when it is not an ordinary line: `after gc.collect(2) (you)`, `finished`. */
  note?: string;
}

/** A chunk of console output. */
export interface ConsoleChunk {
  /** 0 = stdout, 1 = stderr, 2 = a HeapLab notice. */
  s: 0 | 1 | 2;
  t: string;
}

/** One collection, as `gc.callbacks`/the collector's listeners see it. */
export interface CollectionRec {
  generation: number;
  collected: number;
  uncollectable: number;
  /** Seconds. */
  elapsed: number;
  /** Line running when it happened (0 at shutdown). */
  line: number;
  /** Line event index when it happened. */
  event: number;
  /** `auto` (threshold), `program` (gc.collect() or objgraph), `you` (a button). */
  cause: 'auto' | 'program' | 'you';
}

/** Something the user did to the paused program, replayed at its line event. */
export type Intervention =
  | { event: number; op: 'collect'; generation: 0 | 1 | 2 }
  | { event: number; op: 'setDebug'; flags: number }
  | { event: number; op: 'setThreshold'; thresholds: [number, number, number] }
  | { event: number; op: 'enable' }
  | { event: number; op: 'disable' };

export interface Limits {
  /** Statements executed before the program is stopped. */
  stepBudget: number;
  /** Live objects before MemoryError. */
  objectBudget: number;
  /** Objects recorded per step (the rest is counted in `StepRec.omitted`). */
  maxNodes: number;
  /** Steps recorded; later steps run without snapshots (the final state is always recorded). */
  maxSnapshots: number;
  /** Total node+edge entries over all steps (memory cap). */
  maxEntries: number;
  /** Milliseconds of snapshot taking before recording stops (the program still runs to its end). */
  maxRecordMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  stepBudget: 200_000,
  objectBudget: 200_000,
  maxNodes: 1500,
  maxSnapshots: 4000,
  maxEntries: 3_000_000,
  maxRecordMs: 8_000,
};

export interface RunRequest {
  version: Version;
  source: string;
  filename?: string;
  interventions: Intervention[];
  limits?: Partial<Limits>;
}

export interface Recording {
  version: Version;
  nodes: NodeRec[];
  edges: EdgeRec[];
  steps: StepRec[];
  console: ConsoleChunk[];
  collections: CollectionRec[];
  /** Files the program wrote (text shown when it is text), with the step of the last write. */
  files: { path: string; step: number; text: string | null; size: number }[];
  exitCode: number;
  /** Why recording stopped early or the program was cut short (budgets, caps), for a notice. */
  notices: string[];
  /** The profile's `gc.DEBUG_*` flags. */
  debugFlags: [string, number][];
  /** Milliseconds spent running, and of that, taking snapshots. */
  timing: { totalMs: number; snapshotMs: number };
}

/** What to ask objgraph about an object at a step. */
export interface QueryRequest extends RunRequest {
  /** Step (checkpoint index) at which to stop, or `'final'`: after the program finished. */
  step: number | 'final';
  /** The object (heap slot). */
  ref: number;
  /** Step of the growth mark (`null`: no mark). */
  markStep: number | 'final' | null;
  /** show_backrefs depth (default 4). */
  maxDepth?: number;
}

export interface ChainLink {
  ref: number;
  type: string;
  label: string;
  /** Label of the edge from this link to the next one. */
  edge: string;
}

export interface QueryResult {
  ref: number;
  /** `repr(obj)` (user `__repr__` may run). */
  repr: string;
  type: string;
  refcount: number;
  /** show_backrefs DOT text. */
  backrefsDot: string;
  /** show_chain DOT of find_backref_chain(obj, is_proper_module). */
  chainDot: string;
  /** The chain, module first; just the object when no module reaches it. */
  chain: ChainLink[];
  /** growth() since the mark: [type, count, delta]. */
  growth: [string, number, number][] | null;
  mostCommon: [string, number][];
  /** Referrers (gc.get_referrers) summarized. */
  referrers: { ref: number; type: string; label: string }[];
  /** Output the query produced (objgraph prints, __repr__ prints). */
  output: string;
  error?: string;
}

// ---- worker protocol ------------------------------------------------------------------------

export type WorkerRequest =
  | { id: number; kind: 'run'; req: RunRequest }
  | { id: number; kind: 'query'; req: QueryRequest };

export type WorkerResponse =
  | { id: number; kind: 'run'; recording: Recording }
  | { id: number; kind: 'query'; result: QueryResult }
  | { id: number; kind: 'error'; message: string };
