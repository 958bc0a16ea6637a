/**
 * The heap: CPython's object lifecycle over the object store.
 *
 * - Reference counting is exact: `incref`/`decref`, and an object whose count reaches zero is
 *   deallocated at once — its finalizer (`__del__`) runs, weak references to it are cleared and
 *   their callbacks called, and the references it held are released, cascading.
 * - Deep cascades go through the *trashcan*, as in CPython: past 50 nested deallocations,
 *   objects are parked and destroyed when the nesting unwinds. This bounds JS stack depth and
 *   reproduces CPython's deallocation order for deep structures.
 * - GC-capable allocations update the collector's `count0` (with CPython's free-list quirks) and
 *   can trigger an automatic collection: inside the allocation (2.7) or at the next safe point
 *   (3.12), via the `collector` hook installed by `@heaplab/gc`.
 */
import { bootstrapBuiltinTypes, type BuiltinTypes } from './builtins.js';
import { HeapError, PyException, WrongKindError } from './errors.js';
import { Flag, Kind } from './kinds.js';
import { getProfile, type ImportCost, type PythonVersion, type VersionProfile } from './profile.js';
import type { Ref } from './ref.js';
import { ListHead, ObjectStore } from './store.js';
import { releasePayload } from './traverse.js';
import { TypeFlag, type NumberOps, type TypeData } from './typedata.js';
import { clearWeakrefsAndCallbacks } from './weakrefs.js';
import { finishBuiltinTypes } from './classes.js';
import type { EqFn } from './dict.js';
import type { FrameData } from './layouts.js';
import { dictEq, isSubtype } from './protocol.js';

/** Kinds whose deallocation goes through the trashcan (deep cascades are deferred). */
const TRASHCAN_KINDS = new Uint8Array(64);
for (const k of [
  Kind.LIST,
  Kind.TUPLE,
  Kind.DICT,
  Kind.SET,
  Kind.FROZENSET,
  Kind.INSTANCE,
  Kind.CLASSIC_INSTANCE,
  Kind.EXCEPTION,
  Kind.TRACEBACK,
  Kind.METHOD,
  Kind.FRAME,
  Kind.CELL,
  Kind.FUNCTION,
  Kind.NATIVE,
  Kind.WEAKREF,
])
  TRASHCAN_KINDS[k] = 1;

/**
 * Kinds that are never GC containers and hold no references the collector follows (numbers,
 * strings, bytes, singletons). Dropping a reference to one of them cannot make a container
 * unreachable or untrackable — unless it is a tracked instance of a subclass, or has an
 * instance dict — so it does not count as a release (see `Heap.releases`).
 */
const LEAF_KINDS = new Uint8Array(64);
for (const k of [Kind.SINGLETON, Kind.BOOL, Kind.INT, Kind.FLOAT, Kind.COMPLEX, Kind.STR, Kind.BYTES]) LEAF_KINDS[k] = 1;
const NOT_A_LEAF = Flag.TRACKED | Flag.SIDE_DICT;

/** CPython's tuple free lists: one per size below `PyTuple_MAXSAVESIZE`, each up to `PyTuple_MAXFREELIST`. */
const TUPLE_FREE_LIST_SIZES = 20;
const TUPLE_FREE_LIST_MAX = 2000;

/** Objects a program may allocate past its object budget after a MemoryError (to handle it). */
const MEMORY_ERROR_SLACK = 1000;

/** CPython's `_PyTrash_UNWIND_LEVEL`. */
const TRASHCAN_UNWIND_LEVEL = 50;

/** The collector counts and list/dict free lists one script starts with (see `resetToStartupState`). */
export interface ScriptStartState {
  readonly counts: readonly [number, number, number];
  readonly listFree: number;
  readonly dictFree: number;
  /** Tuple free-list occupancy by size (index 0 unused); every list full when absent. */
  readonly tupleFree?: readonly number[];
}

/** The collector's state, kept in the heap because allocation and deallocation update it. */
export interface GcState {
  /** `gc.get_threshold()`. */
  thresholds: [number, number, number];
  /** `gc.get_count()`. */
  counts: [number, number, number];
  enabled: boolean;
  /** Re-entrancy guard: a collection is running. */
  collecting: boolean;
  /** `gc.get_debug()`. */
  debug: number;
  longLivedTotal: number;
  longLivedPending: number;
  /** 3.12: a collection has been scheduled for the next safe point. */
  pending: boolean;
  /** Per generation: collections, collected, uncollectable. */
  stats: { collections: number; collected: number; uncollectable: number }[];
  /** The `gc.garbage` list (owned), created on first use. */
  garbage: Ref;
  /** The `gc.callbacks` list (owned), 3.12 only. */
  callbacks: Ref;
}

/**
 * What `makeImmortal` sets an object's count to when the profile has no immortal objects (2.7):
 * high enough that it never reaches zero; `Heap.refcount` subtracts it again.
 */
export const IMMORTAL_BIAS = 1 << 29;

/** What the heap needs from the collector (installed by `@heaplab/gc`). */
export interface CollectorHook {
  /** Run the automatic collection CPython's allocator would run now (generation chosen by the hook). */
  collectGenerations(): void;
  /** A full collection just ran: hook for free-list clearing etc. */
}

/** Hooks a runtime installs so the heap can report things the way the runtime's CPython does. */
export interface HeapHooks {
  /** Where stderr text goes (the gc module's debug output, unraisable exceptions). */
  writeStderr(text: string): void;
  /** Where stdout text goes (objgraph's reports; the interpreter routes it to `sys.stdout`). */
  writeStdout(text: string): void;
  /**
   * Report an exception that cannot propagate (raised in `__del__`, a weakref callback, a gc
   * callback): CPython's `PyErr_WriteUnraisable(obj)`. `exc` is borrowed.
   */
  writeUnraisable(exc: Ref, obj: Ref): void;
}

/** The payload `countHiddenAlloc` hands the free-list check (an empty container). */
const HIDDEN_PAYLOAD: readonly Ref[] = [];

/** Options for `new Heap()`. */
export interface HeapOptions {
  /** Which CPython to behave as. Default `'3.12'`. */
  version?: PythonVersion;
  /** Initial slot capacity (grows by doubling). */
  initialCapacity?: number;
  /** Where stderr output goes (default: `process.stderr` when available, else dropped). */
  writeStderr?: (text: string) => void;
  /** Where stdout output goes (default: `process.stdout` when available, else dropped). */
  writeStdout?: (text: string) => void;
  /** Maximum number of live objects; exceeding it raises MemoryError. */
  objectBudget?: number;
}

function defaultStderr(text: string): void {
  const p = (globalThis as { process?: { stderr?: { write(s: string): void } } }).process;
  if (p?.stderr) p.stderr.write(text);
}

function defaultStdout(text: string): void {
  const p = (globalThis as { process?: { stdout?: { write(s: string): void } } }).process;
  if (p?.stdout) p.stdout.write(text);
}

/**
 * A simulated CPython heap.
 *
 * @example
 * ```ts
 * import { Heap } from '@heaplab/heap';
 * const heap = new Heap({ version: '3.12' });
 * const l = heap.newList([]);
 * heap.listAppend(l, l);          // a self-referencing list
 * heap.refcount(l);               // 2: our reference and its own item
 * heap.decref(l);                 // now only the cycle keeps it alive
 * ```
 */
export class Heap extends ObjectStore {
  readonly profile: VersionProfile;
  /** The builtin type objects. */
  readonly t: BuiltinTypes;
  readonly gc: GcState;
  hooks: HeapHooks;
  /** Set by `@heaplab/gc` when a collector is attached. */
  collector: CollectorHook | null = null;
  /**
   * The abstract number operations (`PyNumber_Add`...) of the runtime running on this heap, or
   * null when none is installed (the heap alone has no operators). Extension slots that forward
   * an operator (weakref proxies) call these.
   */
  numberOps: NumberOps | null = null;
  /** Bumped whenever any type's namespace or bases change: invalidates attribute caches. */
  typeEpoch = 1;

  // Well-known objects (immortal in 3.12).
  None: Ref = 0;
  True: Ref = 0;
  False: Ref = 0;
  NotImplemented: Ref = 0;
  Ellipsis: Ref = 0;
  emptyTuple: Ref = 0;
  emptyStr: Ref = 0;
  /** Small-int cache -5..256. */
  readonly smallInts: Int32Array = new Int32Array(262);
  /** Interned strings. */
  readonly interned = new Map<string, Ref>();

  /** Weak references to each object that has any, in CPython's list order. */
  readonly weakrefLists = new Map<Ref, Ref[]>();
  /** Instance dicts / slots for objects of builtin layouts whose type is a heap type. */
  readonly sideData = new Map<Ref, Ref[]>();
  /** Exceptions raised from a native message and not yet handled by Python code. */
  readonly lazyExceptions = new Set<Ref>();
  /** `sys.modules` (a dict, owned), set by the runtime; 0 when there is none. */
  sysModules: Ref = 0;
  /** 3.12: per-instance attribute insertion order when it differs from the class's key order. */
  readonly inlineOrder = new Map<Ref, number[]>();

  /**
   * Free-list occupancy (objects parked there do not count as deallocated for `count0`). A fresh
   * CPython has already filled them during start-up, so they start full.
   */
  readonly freeListCounts = { list: 0, dict: 0, set: 0, tuple: new Int32Array(TUPLE_FREE_LIST_SIZES).fill(TUPLE_FREE_LIST_MAX), cfunction: 0, method: 0, frame: 0 };
  /**
   * The argument tuple of the innermost running `METH_VARARGS` builtin call (0 when it has no
   * positional arguments): `gc.get_referrers` skips it, as CPython skips its `objs` tuple.
   */
  varargsTuple: Ref = 0;
  /** The thread state's dict (owned), created by the first container repr (Py_ReprEnter); 0 before. */
  threadStateDict: Ref = 0;
  /** Code objects currently keeping a dead frame for reuse (`co_zombieframe`, 2.7). */
  readonly zombieFrameCodes = new Set<Ref>();

  /** Builtin objects other layers compare against (object.__new__, object.__init__). */
  readonly markers = { objectNew: 0, objectInit: 0 };
  /** Equality used by dict and set tables. */
  readonly dictEqFn: EqFn;
  /** Comparator for str-key lookups by JS string (see `dictFindStr`): compares against `strKeyProbe`. */
  strKeyProbe = '';
  readonly strKeyEqFn: EqFn;

  private trashNesting = 0;
  /** Objects allowed past `objectBudget` after a MemoryError, until the program is back under it. */
  private budgetSlack = 0;
  private readonly trashLater: Ref[] = [];

  constructor(options: HeapOptions = {}) {
    super(options.initialCapacity ?? 4096);
    this.profile = getProfile(options.version ?? '3.12');
    this.hooks = {
      writeStderr: options.writeStderr ?? defaultStderr,
      writeStdout: options.writeStdout ?? defaultStdout,
      writeUnraisable: (exc, obj) => this.defaultWriteUnraisable(exc, obj),
    };
    const th = this.profile.defaultThresholds;
    this.gc = {
      thresholds: [th[0], th[1], th[2]],
      counts: [0, 0, 0],
      enabled: true,
      collecting: false,
      debug: 0,
      longLivedTotal: 0,
      longLivedPending: 0,
      pending: false,
      stats: [0, 1, 2].map(() => ({ collections: 0, collected: 0, uncollectable: 0 })),
      garbage: 0,
      callbacks: 0,
    };
    this.dictEqFn = (a, b) => dictEq(this, a, b);
    this.strKeyEqFn = (k) => this.kind[k] === Kind.STR && this.payload[k] === this.strKeyProbe;
    this.t = bootstrapBuiltinTypes(this);
    finishBuiltinTypes(this);
    this.freeListCounts.list = this.profile.freeLists.initialList;
    this.freeListCounts.dict = this.profile.freeLists.initialDict;
    this.freeListCounts.set = this.profile.freeLists.initialSet;
    if (options.objectBudget !== undefined) this.objectBudget = options.objectBudget;
  }

  // ==========================================================================================
  // Reference counting
  // ==========================================================================================

  /** Py_INCREF. */
  incref(r: Ref): void {
    this.rc[r]++;
  }

  /** Py_XINCREF: no-op for NULL. */
  xincref(r: Ref): void {
    if (r !== 0) this.rc[r]++;
  }

  /**
   * Bumped by every `decref`/`xdecref` of an object that is, or may hold, a GC container (not
   * numbers, strings and other leaves), and by `makeImmortal`. Refcounts are exact, so no such
   * reference anywhere — in a container, a frame, a handle — goes away without moving this.
   * The collector reads it (with the lists' `listEpoch` and `listRemovals`) to prove that a full
   * collection would find the heap exactly as the last one left it.
   */
  releases = 0;

  /**
   * Bumped whenever an existing object changes class (`__class__` assignment, for instances and
   * 2.7 classic instances): indexes that remember objects' types (`TrackedOrder.types`) check it.
   */
  retypes = 0;

  /**
   * References held for a moment by a query from outside the object graph (objgraph's search
   * queue), taken with `holdTemporarily` and given back with `releaseTemporarily`, per object.
   * Giving one back is not counted in `releases`: the collector compares these holds with those
   * at its last idle full collection instead.
   */
  readonly temporaryHolds = new Map<Ref, number>();

  /** Py_DECREF: deallocates when the count reaches zero. */
  decref(r: Ref): void {
    if (LEAF_KINDS[this.kind[r]!] === 0 || (this.flags[r]! & NOT_A_LEAF) !== 0) this.releases++;
    if (--this.rc[r]! === 0) this.dealloc(r);
  }

  /** Py_XDECREF: no-op for NULL. */
  xdecref(r: Ref): void {
    if (r !== 0) this.decref(r);
  }

  /**
   * Take a temporary reference to `r` on behalf of a query (see `temporaryHolds`).
   *
   * @example
   * ```ts
   * import { Heap, newList } from '@heaplab/heap';
   * const heap = new Heap();
   * const l = newList(heap, []);
   * heap.holdTemporarily(l);
   * heap.refcount(l); // 2
   * heap.releaseTemporarily(l);
   * ```
   */
  holdTemporarily(r: Ref): void {
    this.rc[r]++;
    this.temporaryHolds.set(r, (this.temporaryHolds.get(r) ?? 0) + 1);
  }

  /**
   * Give back a reference taken with `holdTemporarily`; frees `r` if it was the last one.
   *
   * @example
   * ```ts
   * import { Heap, newList } from '@heaplab/heap';
   * const heap = new Heap();
   * const l = newList(heap, []);
   * heap.holdTemporarily(l);
   * heap.releaseTemporarily(l);
   * heap.refcount(l); // 1
   * ```
   */
  releaseTemporarily(r: Ref): void {
    const n = this.temporaryHolds.get(r);
    if (n === undefined) throw new HeapError(`no temporary hold on object ${r} to release`);
    if (n === 1) this.temporaryHolds.delete(r);
    else this.temporaryHolds.set(r, n - 1);
    if (--this.rc[r]! === 0) {
      this.releases++;
      this.dealloc(r);
    }
  }

  /** `Py_NewRef`: increments and returns `r`. */
  newRef(r: Ref): Ref {
    this.rc[r]++;
    return r;
  }

  /**
   * The reference count as CPython's `Py_REFCNT` reports it: 2**32-1 for 3.12's immortal objects.
   * Without immortal objects (2.7), an object the heap keeps alive forever reports the references
   * taken since it was made immortal, plus — once `calibrateStartupRefcounts` has run — those
   * CPython's start-up state holds (the profile's `startupRefcounts`).
   */
  refcount(r: Ref): number {
    if ((this.flags[r]! & Flag.IMMORTAL) !== 0) {
      if (this.profile.immortalObjects) return this.profile.immortalRefcount;
      return this.rc[r]! - IMMORTAL_BIAS + (this.startupRefcountOffsets.get(r) ?? 0);
    }
    return this.rc[r]!;
  }

  /**
   * Make `r` immortal: 3.12's immortal objects; in 2.7 an object the heap never frees (its count
   * is raised by `IMMORTAL_BIAS` so it never reaches zero, and `refcount` takes the bias off).
   */
  makeImmortal(r: Ref): void {
    this.releases++;
    this.flags[r] |= Flag.IMMORTAL;
    this.rc[r] = IMMORTAL_BIAS;
  }

  /** Per-object corrections `refcount` adds for immortal objects of a profile without them. */
  private readonly startupRefcountOffsets = new Map<Ref, number>();

  /**
   * Call when a program is about to start (before its code is compiled and its `__main__`
   * namespace is filled): from now on the objects of the profile's `startupRefcounts` table report
   * that table's count for this moment, plus whatever the program adds. No-op for profiles with
   * immortal objects.
   *
   * @example
   * ```ts
   * const heap = new Heap({ version: '2.7' });
   * heap.calibrateStartupRefcounts();
   * heap.refcount(heap.None); // PROFILES['2.7'].startupRefcounts.None
   * ```
   */
  calibrateStartupRefcounts(): void {
    const table = this.profile.startupRefcounts;
    if (table === null || this.profile.immortalObjects) return;
    this.startupRefcountOffsets.clear();
    const set = (r: Ref, count: number | undefined): void => {
      if (r === 0 || count === undefined || (this.flags[r]! & Flag.IMMORTAL) === 0) return;
      this.startupRefcountOffsets.set(r, count - (this.rc[r]! - IMMORTAL_BIAS));
    };
    set(this.None, table.None);
    set(this.True, table.True);
    set(this.False, table.False);
    set(this.Ellipsis, table.Ellipsis);
    set(this.NotImplemented, table.NotImplemented);
    set(this.emptyTuple, table.emptyTuple);
    set(this.emptyStr, table.emptyStr);
    for (let i = 0; i < this.smallInts.length; i++) set(this.smallInts[i]!, table.smallInts[i]);
  }

  // ==========================================================================================
  // Allocation
  // ==========================================================================================

  /** The TypeData of a type object. */
  typeData(type: Ref): TypeData {
    return this.payload[type] as TypeData;
  }

  /** The TypeData of an object's type. */
  typeOf(r: Ref): TypeData {
    return this.payload[this.typ[r]!] as TypeData;
  }

  /** Type name as CPython's `Py_TYPE(o)->tp_name` short form (what error messages use). */
  typeName(r: Ref): string {
    return (this.payload[this.typ[r]!] as TypeData).tpName;
  }

  /**
   * Allocate an object with refcount 1. GC-capable objects count towards `count0` and may
   * trigger an automatic collection *before* the new object exists (as CPython's
   * `_PyObject_GC_Malloc` does). The object is not tracked: callers call `track` once the
   * payload is complete.
   */
  alloc(type: Ref, kind: Kind, payload: unknown, freeList = true): Ref {
    const td = this.payload[type] as TypeData;
    if ((td.tflags & TypeFlag.GC) !== 0) this.gcAllocated(kind, type, payload, freeList);
    if (this.live >= this.objectBudget + this.budgetSlack) {
      // After a MemoryError the program gets some slack (building the exception, unwinding,
      // running an `except MemoryError:` handler all allocate) until it is back under budget;
      // without it, raising would recurse until the host stack ends.
      this.budgetSlack = MEMORY_ERROR_SLACK;
      throw this.newException(this.t.MemoryError, `object budget exceeded (${this.objectBudget} live objects)`);
    }
    if (this.budgetSlack !== 0 && this.live < this.objectBudget) this.budgetSlack = 0;
    const r = this.allocSlot();
    this.rc[r] = 1;
    this.typ[r] = type;
    this.kind[r] = kind;
    this.payload[r] = payload;
    if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) this.rc[type]++;
    return r;
  }

  /** Take a free-list slot for this allocation if CPython's allocator for it would (true). */
  private takeFromFreeList(kind: Kind, type: Ref, payload: unknown): boolean {
    if (kind === Kind.LIST && type === this.t.list && this.freeListCounts.list > 0) {
      this.freeListCounts.list--;
      return true;
    }
    if (kind === Kind.DICT && type === this.t.dict && this.freeListCounts.dict > 0) {
      this.freeListCounts.dict--;
      return true;
    }
    if ((type === this.t.set || type === this.t.frozenset) && this.freeListCounts.set > 0) {
      this.freeListCounts.set--;
      return true;
    }
    if (kind === Kind.TUPLE && type === this.t.tuple) {
      const n = (payload as Ref[]).length;
      if (n < TUPLE_FREE_LIST_SIZES && this.freeListCounts.tuple[n]! > 0) {
        this.freeListCounts.tuple[n]!--;
        return true;
      }
    }
    if (kind === Kind.BUILTIN && type === this.t.builtin_function_or_method && this.freeListCounts.cfunction > 0) {
      this.freeListCounts.cfunction--;
      return true;
    }
    if (kind === Kind.METHOD && type === this.t.method && this.freeListCounts.method > 0) {
      this.freeListCounts.method--;
      return true;
    }
    if (kind === Kind.FRAME && type === this.t.frame) {
      // The code object's zombie frame first, then the frame free list.
      const code = (payload as FrameData).code;
      if (code !== 0 && this.zombieFrameCodes.delete(code)) return true;
      if (this.freeListCounts.frame > 0) {
        this.freeListCounts.frame--;
        return true;
      }
    }
    return false;
  }

  /**
   * count0 bookkeeping and the automatic-collection trigger for a GC allocation. `freeList` false:
   * an allocation that never looks at the free lists (`PyType_GenericAlloc`, as `list(...)` does).
   */
  private gcAllocated(kind: Kind, type: Ref, payload: unknown, freeList = true): void {
    // Objects taken from a free list are not new allocations as far as count0 knows.
    if (freeList && this.takeFromFreeList(kind, type, payload)) return;
    const gc = this.gc;
    gc.counts[0]++;
    if (
      gc.counts[0] > gc.thresholds[0] &&
      gc.enabled &&
      gc.thresholds[0] !== 0 &&
      !gc.collecting &&
      this.collector !== null
    ) {
      if (this.profile.autoCollect === 'immediate') this.collector.collectGenerations();
      else gc.pending = true;
    }
  }

  /**
   * count0 and free-list bookkeeping for a GC object CPython allocates where HeapLab keeps no
   * object (2.7's `tp_subclasses` lists and their weak references, the bound `__subclasscheck__`
   * of an exception match, 3.12's `tp_subclasses` dicts): it comes off the free list
   * of `kind`/`type` if that has one, else it is a new allocation (and may start a collection).
   */
  countHiddenAlloc(kind: Kind, type: Ref): void {
    this.gcAllocated(kind, type, HIDDEN_PAYLOAD);
  }

  /** `countHiddenAlloc` for a tuple of `size` items (the tuple free lists are per size). */
  countHiddenTupleAlloc(size: number): void {
    this.gcAllocated(Kind.TUPLE, this.t.tuple, new Array<Ref>(size).fill(0));
  }

  /**
   * The release of an object counted by `countHiddenAlloc`: parked on its free list, or count0 - 1
   * (`tupleSize`: the size of a tuple counted by `countHiddenTupleAlloc`).
   */
  countHiddenFree(kind: Kind, type: Ref, tupleSize = 0): void {
    if (!this.parkOnFreeList(kind, type, tupleSize, false) && this.gc.counts[0] > 0) this.gc.counts[0]--;
  }

  /**
   * Run `create` (a native module's construction) without its allocations reaching count0, the
   * free lists or the collector, then do to them what CPython's import of the Python module does
   * (`VersionProfile.importCounts`): what it takes from the free lists, allocations where they
   * lack it, then the steps of count0 (allocations may start a collection).
   */
  withImportCost<T>(cost: ImportCost, create: () => T): T {
    const gc = this.gc;
    const counts = gc.counts.slice();
    const fl = this.freeListCounts;
    const saved = { list: fl.list, dict: fl.dict, set: fl.set, tuple: fl.tuple.slice(), cfunction: fl.cfunction, method: fl.method, frame: fl.frame };
    const enabled = gc.enabled;
    gc.enabled = false;
    let result: T;
    try {
      result = create();
    } finally {
      gc.enabled = enabled;
      gc.counts[0] = counts[0]!;
      gc.counts[1] = counts[1]!;
      gc.counts[2] = counts[2]!;
      fl.list = saved.list;
      fl.dict = saved.dict;
      fl.set = saved.set;
      fl.tuple.set(saved.tuple);
      fl.cfunction = saved.cfunction;
      fl.method = saved.method;
      fl.frame = saved.frame;
    }
    let missing = 0;
    for (const [key, need] of Object.entries(cost.tuplesKept)) {
      const n = Number(key);
      missing += Math.max(0, need - fl.tuple[n]!);
      fl.tuple[n] = Math.max(0, fl.tuple[n]! - need);
    }
    for (const [key, need] of Object.entries(cost.tuplesBorrowed)) {
      const n = Number(key);
      missing += Math.max(0, need - fl.tuple[n]!);
      fl.tuple[n] = Math.max(fl.tuple[n]!, need);
    }
    missing += Math.max(0, cost.dictsKept - fl.dict) + Math.max(0, cost.listsKept - fl.list);
    fl.dict = Math.max(0, fl.dict - cost.dictsKept);
    fl.list = Math.max(0, fl.list - cost.listsKept);
    for (let i = 0; i < missing; i++) this.gcAllocated(Kind.NATIVE, 0, HIDDEN_PAYLOAD, false);
    for (const n of cost.steps) {
      if (n > 0) for (let i = 0; i < n; i++) this.gcAllocated(Kind.NATIVE, 0, HIDDEN_PAYLOAD, false);
      else gc.counts[0] = Math.max(0, gc.counts[0] + n);
    }
    return result;
  }

  /**
   * A safe point (CPython's eval-breaker check): run a collection scheduled by an allocation.
   * The interpreter calls this after calls return, at function entry and on loop back-edges.
   */
  safePoint(): void {
    if (this.gc.pending) {
      this.gc.pending = false;
      if (this.collector !== null && !this.gc.collecting) {
        if (!this.profile.scheduledCollectionRechecksEnabled || this.gc.enabled) this.collector.collectGenerations();
      }
    }
  }

  // ==========================================================================================
  // Tracking (generation lists)
  // ==========================================================================================

  /** `_PyObject_GC_TRACK`: append to the tail of generation 0. */
  track(r: Ref): void {
    if ((this.flags[r]! & Flag.TRACKED) !== 0) return;
    this.flags[r] |= Flag.TRACKED;
    this.listAppend(r, ListHead.GEN0);
  }

  /** `_PyObject_GC_UNTRACK`. */
  untrack(r: Ref): void {
    if ((this.flags[r]! & Flag.TRACKED) === 0) return;
    this.flags[r] &= ~(Flag.TRACKED | Flag.COLLECTING | Flag.UNREACHABLE);
    this.listRemove(r);
  }

  /** `gc.is_tracked`. */
  isTracked(r: Ref): boolean {
    return (this.flags[r]! & Flag.TRACKED) !== 0;
  }

  /** Is the object a GC object (its type is GC-capable)? */
  isGc(r: Ref): boolean {
    // Static (builtin) type objects are not GC objects; heap types are (CPython's type_is_gc).
    if (this.kind[r] === Kind.TYPE) return ((this.payload[r] as TypeData).tflags & TypeFlag.HEAPTYPE) !== 0;
    return ((this.payload[this.typ[r]!] as TypeData).tflags & TypeFlag.GC) !== 0;
  }

  // ==========================================================================================
  // Deallocation
  // ==========================================================================================

  /** Per-object finalizer check for 2.7 classic instances (their type is shared by every classic class). */
  classicHasFinalizer: ((r: Ref) => boolean) | null = null;
  /** Per-object finalizer check for native objects (generators: only while suspended). */
  nativeHasFinalizer: ((r: Ref) => boolean) | null = null;

  /** Does the type of `r` define a finalizer (`__del__`)? Cached per type epoch. */
  hasFinalizer(r: Ref): boolean {
    if (this.kind[r] === Kind.CLASSIC_INSTANCE && this.classicHasFinalizer !== null) return this.classicHasFinalizer(r);
    if (this.kind[r] === Kind.NATIVE && this.nativeHasFinalizer !== null) return this.nativeHasFinalizer(r);
    const td = this.payload[this.typ[r]!] as TypeData;
    if (td.slots.finalize === undefined) return false;
    if (td.finalizerEpoch !== this.typeEpoch) {
      td.finalizerEpoch = this.typeEpoch;
      td.hasFinalizer = this.computeHasFinalizer(this.typ[r]!);
    }
    return td.hasFinalizer;
  }

  /** Overridable: whether a type with a finalize slot currently has a finalizer. */
  computeHasFinalizer: (type: Ref) => boolean = () => true;

  /**
   * Free an object whose refcount reached zero, in CPython's order (see module comment).
   */
  private dealloc(r: Ref): void {
    const kind = this.kind[r]!;
    if (TRASHCAN_KINDS[kind] === 1) {
      if (this.trashNesting >= TRASHCAN_UNWIND_LEVEL) {
        // Py_TRASHCAN_BEGIN: too deep — park it; destroyed when the nesting unwinds.
        this.untrack(r);
        this.trashLater.push(r);
        return;
      }
      this.trashNesting++;
      this.deallocNow(r);
      this.trashNesting--;
      if (this.trashNesting === 0 && this.trashLater.length > 0) this.destroyTrashChain();
    } else {
      this.deallocNow(r);
    }
  }

  /** `_PyTrash_thread_destroy_chain`: most recently parked first. */
  private destroyTrashChain(): void {
    while (this.trashLater.length > 0) {
      const r = this.trashLater.pop()!;
      this.trashNesting++;
      this.deallocNow(r);
      this.trashNesting--;
    }
  }

  private deallocNow(r: Ref): void {
    const type = this.typ[r]!;
    const td = this.payload[type] as TypeData;
    if (td.slots.finalize !== undefined && this.hasFinalizer(r)) {
      const legacy = this.profile.finalization === 'legacy';
      // 2.7 clears weak references before calling __del__.
      if (legacy && (this.flags[r]! & Flag.HAS_WEAKREFS) !== 0) clearWeakrefsAndCallbacks(this, r);
      if (legacy) {
        // 2.7 tp_del: runs on every death; a resurrected object just lives on (tracked again).
        this.untrack(r);
        if (this.isGc(r)) this.track(r);
        this.rc[r] = 1;
        td.slots.finalize!(this, r);
        if (--this.rc[r]! > 0) return; // resurrected
      } else if ((this.flags[r]! & Flag.FINALIZED) === 0) {
        // PEP 442: at most once per object; the bit is set after the call.
        const gcType = this.isGc(r);
        this.untrack(r);
        if (gcType) this.track(r);
        this.rc[r] = 1;
        td.slots.finalize!(this, r);
        if (gcType) this.flags[r] |= Flag.FINALIZED;
        if (--this.rc[r]! > 0) return; // resurrected: weakrefs still work, __del__ never again
      }
    }
    const flags = this.flags[r]!;
    if ((flags & Flag.TRACKED) !== 0) {
      this.flags[r] = flags & ~(Flag.TRACKED | Flag.COLLECTING | Flag.UNREACHABLE);
      this.listRemove(r);
    }
    if ((this.flags[r]! & Flag.HAS_WEAKREFS) !== 0) clearWeakrefsAndCallbacks(this, r);

    // The tuple free lists are per size: remember it before the items are released. A frame
    // becomes its code object's zombie before it lets go of the code (frame_dealloc's order), so
    // a code object dying right now frees it for real.
    const k = this.kind[r]!;
    let tupleSize = 0;
    let zombie = false;
    if (k === Kind.TUPLE) tupleSize = (this.payload[r] as Ref[]).length;
    else if (k === Kind.FRAME && type === this.t.frame && this.profile.freeLists.frameZombies) {
      const code = (this.payload[r] as FrameData).code;
      if (code !== 0 && !this.zombieFrameCodes.has(code)) {
        this.zombieFrameCodes.add(code);
        zombie = true;
      }
    }
    // Release what the object holds, in the kind's CPython order.
    releasePayload(this, r);

    this.freeObject(r, type, td, tupleSize, zombie);
  }

  /**
   * Return the slot, update count0 / free lists, and drop the heap type reference. `tupleSize` is
   * a tuple's length before its items were released; `zombie` says a frame was parked as its code
   * object's `co_zombieframe`.
   */
  private freeObject(r: Ref, type: Ref, td: TypeData, tupleSize: number, zombie: boolean): void {
    const kind = this.kind[r]!;
    const gcType = (td.tflags & TypeFlag.GC) !== 0;
    if (kind === Kind.CODE && this.zombieFrameCodes.delete(r)) {
      // code_dealloc frees the zombie frame for real.
      if (this.gc.counts[0] > 0) this.gc.counts[0]--;
    }
    if (gcType && !this.parkOnFreeList(kind, type, tupleSize, zombie) && this.gc.counts[0] > 0) this.gc.counts[0]--;
    this.freeSlot(r);
    if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) this.decref(type);
  }

  /**
   * Does CPython's deallocator park a freed GC object of `kind`/`type` on its free list (then
   * count0 does not drop)? Takes the place if so. `tupleSize`: a tuple's length; `zombie`: a
   * frame kept as its code object's `co_zombieframe`.
   */
  private parkOnFreeList(kind: number, type: Ref, tupleSize: number, zombie: boolean): boolean {
    const fl = this.profile.freeLists;
    const counts = this.freeListCounts;
    if (kind === Kind.LIST && type === this.t.list) {
      if (counts.list >= fl.list) return false;
      counts.list++;
    } else if (kind === Kind.DICT && type === this.t.dict) {
      if (counts.dict >= fl.dict) return false;
      counts.dict++;
    } else if (type === this.t.set || type === this.t.frozenset) {
      if (counts.set >= fl.set) return false;
      counts.set++;
    } else if (kind === Kind.TUPLE && type === this.t.tuple) {
      if (tupleSize <= 0 || tupleSize >= TUPLE_FREE_LIST_SIZES || counts.tuple[tupleSize]! >= TUPLE_FREE_LIST_MAX) return false;
      counts.tuple[tupleSize]!++;
    } else if (kind === Kind.BUILTIN && type === this.t.builtin_function_or_method) {
      if (counts.cfunction >= fl.cfunction) return false;
      counts.cfunction++;
    } else if (kind === Kind.METHOD && type === this.t.method) {
      if (counts.method >= fl.method) return false;
      counts.method++;
    } else if (kind === Kind.FRAME && type === this.t.frame) {
      if (zombie) return true;
      if (counts.frame >= fl.frame) return false;
      counts.frame++;
    } else return false;
    return true;
  }

  /**
   * Put the collector's counters and the free lists in the state CPython is in when a script
   * starts (call after the runtime has finished its own start-up allocations): the profile's
   * `startupCounts` and initial free lists, or `script`'s when they depend on the script (2.7,
   * see `VersionProfile.compileStart`).
   */
  resetToStartupState(script: ScriptStartState | null = null): void {
    const p = this.profile;
    const counts = script?.counts ?? p.startupCounts;
    this.gc.counts = [counts[0], counts[1], counts[2]];
    this.gc.stats = [0, 1, 2].map((i) => ({ ...(p.startupStats[i] ?? { collections: 0, collected: 0, uncollectable: 0 }) }));
    this.freeListCounts.list = script?.listFree ?? p.freeLists.initialList;
    this.freeListCounts.dict = script?.dictFree ?? p.freeLists.initialDict;
    this.freeListCounts.set = p.freeLists.initialSet;
    const tuples = this.freeListCounts.tuple;
    if (script?.tupleFree) for (let size = 0; size < tuples.length; size++) tuples[size] = script.tupleFree[size] ?? 0;
    else tuples.fill(TUPLE_FREE_LIST_MAX);
    this.freeListCounts.cfunction = 0;
    this.freeListCounts.method = p.freeLists.initialMethod;
    this.freeListCounts.frame = 0;
    this.gc.pending = false;
  }

  /**
   * A full collection empties the free lists (which ones depends on the version). Every object
   * they held is a GC object released with PyObject_GC_Del, which takes one off count0 (never
   * below zero) — so what finalizers allocated during a full collection is offset by what was
   * parked since the previous one.
   */
  clearFreeLists(): void {
    const fl = this.freeListCounts;
    let freed = fl.cfunction + fl.method + fl.frame;
    for (let size = 0; size < fl.tuple.length; size++) freed += fl.tuple[size]!;
    fl.tuple.fill(0);
    fl.cfunction = 0;
    fl.method = 0;
    fl.frame = 0;
    if (this.profile.freeLists.fullCollectionClearsListAndDict) {
      freed += fl.list + fl.dict;
      fl.list = 0;
      fl.dict = 0;
    }
    this.gc.counts[0] = Math.max(0, this.gc.counts[0]! - freed);
  }

  // ==========================================================================================
  // Python exceptions
  // ==========================================================================================

  /**
   * Create a Python exception of `type` with a single string argument, wrapped for throwing:
   * `throw heap.newException(heap.t.TypeError, "unhashable type: 'list'")`.
   */
  newException(type: Ref, message: string | null): PyException {
    const exc = this.instantiateException(type, message);
    // Like CPython's C-level PyErr_SetString: not "normalized" until Python code handles it
    // (2.7 reports such an exception's value as the bare message when it is unraisable).
    this.lazyExceptions.add(exc);
    return new PyException(exc, message === null ? this.typeData(type).name : `${this.typeData(type).name}: ${message}`);
  }

  /** Is `e` a PyException whose exception is an instance of `type`? */
  isExceptionOf(e: unknown, type: Ref): e is PyException {
    return e instanceof PyException && isSubtype(this, this.typ[e.exc]!, type);
  }

  /** Overridable by the runtime (classes.ts installs the default). */
  instantiateException: (type: Ref, message: string | null) => Ref = () => {
    throw new WrongKindError('exceptions are not available before bootstrap');
  };

  private defaultWriteUnraisable(exc: Ref, obj: Ref): void {
    void obj;
    this.hooks.writeStderr(`Exception ignored: ${this.typeName(exc)}\n`);
  }
}
