/**
 * Version profiles: one table of switches per CPython version.
 *
 * Everything that differs between CPython 2.7 and 3.12 in the object layer, the collector or the
 * interpreter is a field here. Code asks `heap.profile.someSwitch`; it never compares version
 * strings. Adding a profile (3.13, say) means adding a table, not editing every module.
 */

import type { WarningFilter } from './warnings.js';

/** Reference fields of a function object. */
export type FunctionField =
  | 'code'
  | 'globals'
  | 'builtins'
  | 'name'
  | 'qualname'
  | 'defaults'
  | 'kwdefaults'
  | 'closure'
  | 'doc'
  | 'module'
  | 'dict'
  | 'annotations';

/** The CPython versions HeapLab can behave as. */
export type PythonVersion = '2.7' | '3.12';

/** The `gc.DEBUG_*` constants a profile exposes (absent ones are `undefined`). */
export interface DebugFlagTable {
  readonly DEBUG_STATS: number;
  readonly DEBUG_COLLECTABLE: number;
  readonly DEBUG_UNCOLLECTABLE: number;
  readonly DEBUG_INSTANCES?: number;
  readonly DEBUG_OBJECTS?: number;
  readonly DEBUG_SAVEALL: number;
  readonly DEBUG_LEAK: number;
}

/**
 * The GC objects 3.12's `type_new` makes for a class statement that HeapLab has no object for;
 * they only move `gc.get_count()` and the free lists (see subclasses.ts and classes.ts `newClass`).
 */
export interface ClassCreationCosts {
  /**
   * `add_subclass` records the class in each base's `tp_subclasses`, a dict keyed by the class's
   * address whose value is a weak reference to it: one weakref per class (every base gets the
   * same one), and a dict for a base's first subclass. `type_dealloc` takes the entries out again
   * (the weakref dies with the last one) and a base's dict goes once it is empty.
   */
  readonly subclassDicts: boolean;
  /**
   * Builtin (static) types whose `tp_subclasses` dict already exists when a script starts (they
   * have subclasses then, made by the interpreter or the modules `site` imports), by name.
   * Measured on CPython with `type.__subclasses__(T)` on a script's first line.
   */
  readonly staticTypesWithSubclasses: readonly string[];
  /** `type_new_set_names` walks a copy of the class dict (`PyDict_Copy`), dropped at the end. */
  readonly setNamesCopiesDict: boolean;
  /** `type_new_init_subclass` looks `__init_subclass__` up through a `super(cls, cls)` object. */
  readonly initSubclassThroughSuper: boolean;
  /**
   * `__slots__` is first made a tuple (a new one unless it is a tuple already), its names are
   * sorted in a temporary list (`type_new_copy_slots`), and the class keeps them as a new tuple
   * (`ht_slots`, none when no name is left), released by `type_dealloc`.
   */
  readonly slotsTuples: boolean;
  /**
   * A namespace without `__module__` gets it in the class's own copy of the namespace
   * (`type_new_set_module`), with no second copy (`ClassSpec.module`).
   */
  readonly moduleInClassDict: boolean;
}

/** Sizes of the free lists whose reuse hides allocations from `gc.get_count()`. */
export interface FreeListTable {
  readonly list: number;
  readonly dict: number;
  /** Whether a full collection empties the list/dict free lists (3.12) or not (2.7). */
  readonly fullCollectionClearsListAndDict: boolean;
  /** `builtin_function_or_method` free list size (2.7's PyCFunction list; 0 = none, as in 3.12). */
  readonly cfunction: number;
  /** Bound method free list size (2.7's PyMethod list; 0 = none, as in 3.12). */
  readonly method: number;
  /** Frame free list size (2.7; 3.12 frames are not GC-allocated per call). */
  readonly frame: number;
  /**
   * Each code object keeps its last dead frame for the next call (2.7's `co_zombieframe`): a
   * frame parked there is not deallocated, and taking it back is not an allocation.
   */
  readonly frameZombies: boolean;
  /**
   * Set free list size (2.7's setobject.c `free_list`, shared by exact sets and frozensets: `{...}`
   * and `set()` take from it; 0 = none, as in 3.12). A full collection leaves it alone.
   */
  readonly set: number;
  /** Occupancy of the set free list when a script starts (measured on CPython). */
  readonly initialSet: number;
  /** Occupancy of the bound method free list when a script starts (measured on CPython). */
  readonly initialMethod: number;
  /**
   * Occupancy of the list and dict free lists when a script starts (measured on CPython; in 2.7
   * before `import gc` takes one of each for `gc.garbage` and the module dict).
   */
  readonly initialList: number;
  readonly initialDict: number;
}

/**
 * References CPython's start-up state holds to long-lived objects when a script starts, before
 * the script is compiled and its `__main__` namespace filled. Measured on CPython 2.7.18 run as
 * the conformance recorder runs scenarios (`python -u NAME.py` in a scratch folder, `PYTHON*`
 * variables removed, `PYTHONDONTWRITEBYTECODE=1`, objgraph 3.5.0 on `PYTHONPATH`); `site` and the
 * modules it imports hold most of them. The heap adds what the program itself holds, so
 * `sys.getrefcount(None)` on a script's first line reads as on CPython. The figures depend on the
 * interpreter's start-up (its environment, `-S`...). Measured and checked by
 * `scripts/calibrate-startup-refcounts.mjs`.
 */
export interface StartupRefcounts {
  readonly None: number;
  readonly True: number;
  readonly False: number;
  readonly Ellipsis: number;
  readonly NotImplemented: number;
  readonly emptyTuple: number;
  readonly emptyStr: number;
  /** The cached ints -5..256, in order (CPython's `small_ints` array holds one reference to each). */
  readonly smallInts: readonly number[];
}

/**
 * CPython 2.7's collector and free lists when it starts compiling the script (after site and
 * the modules it imports), and what it allocates between the compiled code and the script's
 * first line that HeapLab's own start-up does not. Measured with gdb on CPython 2.7.18 run as
 * the conformance recorder runs scenarios (`python -u NAME.py`, the environment without
 * `PYTHON*` variables: `LANG` and `HOME` change what `site` leaves behind). The compiler's own
 * allocations depend on the script; `compiledState27` (packages/python) replays them.
 */
export interface CompileStartState {
  /** `gc.get_count()` at `PyAST_Compile`. */
  readonly counts: readonly [number, number, number];
  /** List free-list occupancy before parsing (the parser's arena takes one). */
  readonly listFree: number;
  readonly dictFree: number;
  /** Tuple free-list occupancy by size (index 0 unused: the empty tuple is shared). */
  readonly tupleFree: readonly number[];
  /**
   * From the compiled code to the first line: the module's frame and `import gc` (initgc builds
   * the module, its dict, its functions and `gc.garbage`, and imports `time`).
   */
  readonly runStart: {
    /** GC objects CPython allocates beyond HeapLab's own start (when the free lists suffice). */
    readonly count: number;
    /** Dicts CPython keeps from the dict free list (module dicts...); each one missing is allocated. */
    readonly dictsKept: number;
    /** Tuples (by size) CPython keeps from the free lists; each one missing is allocated. */
    readonly tuplesKept: Readonly<Record<number, number>>;
    /**
     * Tuples (by size) CPython uses and releases (argument tuples): each one the free list lacks
     * is allocated, then parked on it.
     */
    readonly tuplesBorrowed: Readonly<Record<number, number>>;
  };
}

/**
 * CPython's first import of a module it runs from a `.py` file (2.7's `weakref.py`): reading the
 * `.pyc`, then running the module's body. Measured with gdb on CPython 2.7.18 started as the
 * conformance recorder starts it: a watchpoint on `generations[0].count` and the free lists'
 * `numfree` from `import_module_level`'s entry to its return.
 */
export interface ImportCost {
  /**
   * count0's steps when the free lists hold what the import takes from them: `n > 0` is n GC
   * allocations (each may start a collection, which then really runs), `n < 0` is -n
   * deallocations (count0 never goes below 0).
   */
  readonly steps: readonly number[];
  /** Tuples (by size) the import keeps from the free lists; each one missing is allocated first. */
  readonly tuplesKept: Readonly<Record<number, number>>;
  /**
   * Tuples (by size) it uses and releases: each one the free list lacks is allocated first, then
   * parked on it.
   */
  readonly tuplesBorrowed: Readonly<Record<number, number>>;
  /** Dicts and lists it keeps from the free lists; each one missing is allocated first. */
  readonly dictsKept: number;
  readonly listsKept: number;
}

export interface VersionProfile {
  readonly version: PythonVersion;
  /** `sys.version_info[:3]`. */
  readonly versionInfo: readonly [number, number, number];

  // ---- object layer -------------------------------------------------------------------
  /**
   * Where instance attributes live. `'separate'`: every instance that stores an attribute owns a
   * separate `dict` object (2.7). `'inline'`: values live inside the instance until something
   * reads `__dict__` (3.12 "inline values"; the dict is materialized on demand).
   */
  readonly instanceDict: 'separate' | 'inline';
  /**
   * PyObject_GetAttr attaches `name` and `obj` to the AttributeError it lets through (3.x's
   * set_attribute_error_context), so the error can later suggest a close attribute name and
   * keeps `obj` alive while it lives.
   */
  readonly attributeErrorContext: boolean;
  /** Number of distinct attribute names a class's shared-key table holds before instances fall back to real dicts (3.12). */
  readonly sharedKeysLimit: number;
  /** Iteration order of `dict`: CPython 2.7's hash-table order, or 3.7+ insertion order. */
  readonly dictOrder: 'table' | 'insertion';
  /** Set table variant: 2.7 (perturbed probing, 2/3 fill) or 3.12 (linear probes then perturbation, 3/5 fill). */
  readonly setTable: '2.7' | '3.12';
  /** String hash: 2.7's deterministic multiplicative hash, or a per-process random hash (3.12). */
  readonly strHash: 'py27' | 'randomized';
  /** Whether hash(int) reduces modulo 2**61-1 (3.x) or is the C long itself (2.7). */
  readonly intHash: 'mersenne61' | 'clong';
  /** Immortal objects (None, True, small ints, interned strings, builtin types) report refcount 2**32-1. */
  readonly immortalObjects: boolean;
  /** Refcount `sys.getrefcount` reports for an immortal object. */
  readonly immortalRefcount: number;
  /**
   * Without immortal objects (2.7), the objects HeapLab keeps alive forever (singletons, small
   * ints) report real counts: what CPython's own start-up state holds (this table, see
   * `StartupRefcounts`), plus what the program adds. Other objects HeapLab never frees (builtin
   * types, interned strings, code objects) report the references HeapLab holds. Null when
   * objects are immortal.
   */
  readonly startupRefcounts: StartupRefcounts | null;
  /** `class A:` makes a classic class (2.7) or a new-style class (3.12). */
  readonly classicClasses: boolean;
  /** A bound method also references its class (`im_class`, 2.7). */
  readonly boundMethodHoldsClass: boolean;
  /** Instances of `__slots__ = ()` classes are GC objects (3.12) or not (2.7). */
  readonly emptySlotsInstancesAreGc: boolean;
  /** Name of int/long overflow type: 2.7 has `int` and `long`. */
  readonly hasLongType: boolean;
  /**
   * Which optional number slots the language has: 2.7's classic `/` (`nb_divide`, `__div__`) and
   * 3.5+'s `@` (`nb_matrix_multiply`, `__matmul__`).
   */
  readonly numberSlots: { readonly classicDivide: boolean; readonly matrixMultiply: boolean };
  /**
   * Field orders of function objects (`PyFunctionObject`): what `tp_traverse` visits, what
   * `tp_clear` drops (empty: functions have no tp_clear, as in 2.7) and what `tp_dealloc` releases.
   */
  readonly functionLayout: {
    readonly traverse: readonly FunctionField[];
    readonly clear: readonly FunctionField[];
    readonly release: readonly FunctionField[];
  };

  // ---- finalization --------------------------------------------------------------------
  /**
   * `'legacy'` (2.7): a cycle containing an object with `__del__` is uncollectable and goes to
   * `gc.garbage`; `__del__` runs again on every resurrection; weakrefs are cleared before `__del__`.
   * `'pep442'` (3.12): finalizers run once (finalized bit), the collector calls them and checks for
   * resurrection; weakrefs are cleared after `__del__` on refcount death.
   */
  readonly finalization: 'legacy' | 'pep442';

  // ---- collector ---------------------------------------------------------------------------
  /** Default `gc.get_threshold()`. */
  readonly defaultThresholds: readonly [number, number, number];
  /** 2.7 collects inside the allocation; 3.12 schedules the collection for the next safe point. */
  readonly autoCollect: 'immediate' | 'eval-breaker';
  /** 3.12 runs a scheduled collection even if `gc.disable()` was called after scheduling. */
  readonly scheduledCollectionRechecksEnabled: boolean;
  /** Which `gc` functions exist. */
  readonly gcApi: {
    readonly callbacks: boolean;
    readonly getStats: boolean;
    readonly freeze: boolean;
    readonly isFinalized: boolean;
    readonly getObjectsGeneration: boolean;
    /**
     * At exit, a non-empty `gc.garbage` is reported (3.4+ `_PyGC_DumpShutdownStats`): a
     * ResourceWarning, and with DEBUG_UNCOLLECTABLE the list itself on stderr. 2.7 says nothing.
     */
    readonly shutdownStats: boolean;
  };
  /** `warnings.filters` of a fresh interpreter (first match wins; no match shows the warning). */
  readonly defaultWarningFilters: readonly WarningFilter[];
  readonly debugFlags: DebugFlagTable;
  /** DEBUG_COLLECTABLE/UNCOLLECTABLE print only with DEBUG_OBJECTS/DEBUG_INSTANCES (2.7). */
  readonly debugNeedsObjectsFlag: boolean;
  /** DEBUG_STATS "done" line style. */
  readonly debugStatsStyle: '2.7' | '3.12';
  /** `gc.get_count()` and `gc.get_stats()` when a script starts (CPython's start-up allocations). */
  readonly startupCounts: readonly [number, number, number];
  readonly startupStats: readonly { collections: number; collected: number; uncollectable: number }[];
  /**
   * Where the start-up count depends on the script (2.7: the compiler's containers come and go
   * through the free lists and count0 before the first line runs), the state compiling starts
   * from; `startupCounts` and the initial list/dict free lists are then computed per script.
   * Null when the script's first line always sees `startupCounts` (3.12).
   */
  readonly compileStart: CompileStartState | null;
  /** Size of the permanent generation at start (3.12's immortal tuples); printed by DEBUG_STATS. */
  readonly initialFreezeCount: number;
  readonly freeLists: FreeListTable;
  /**
   * What the first import of a module CPython implements in Python (and HeapLab natively) does
   * to count0 and the free lists (see `ImportCost`); the native module's own allocations are not
   * counted. Empty where HeapLab's modules allocate as CPython's do (3.12).
   */
  readonly importCounts: Readonly<Record<string, ImportCost>>;
  /**
   * A `METH_VARARGS` call with keyword arguments builds the keyword dict before the argument
   * tuple (2.7's `do_call`) rather than after it (3.12's `_PyObject_MakeTpCall`).
   */
  readonly varargsKwDictFirst: boolean;
  /**
   * Slot functions calling a Python special method (`__init__` from `type_call`) bind it and call
   * the bound method with a new `(self, *args)` tuple (2.7), rather than calling the function
   * unbound with `self` prepended on the C stack (3.12's `lookup_maybe_method`/vectorcall).
   */
  readonly slotCallsBindMethod: boolean;
  /**
   * Calling a bound method from C code copies `self` and the arguments into a new tuple (2.7's
   * `instancemethod_call`) rather than prepending `self` on the stack (3.12's vectorcall).
   */
  readonly boundMethodCallCopiesArgs: boolean;
  /**
   * `PyObject_IsInstance`/`PyObject_IsSubclass` with a class bind and call its metatype's
   * `__instancecheck__`/`__subclasscheck__` even for plain types (2.7: a builtin method and an
   * argument tuple), and exception matching (`except C:`, normalizing a caught instance) goes
   * through them; 3.12 checks plain types with `PyType_IsSubtype`, allocating nothing.
   */
  readonly classChecksBindChecker: boolean;
  /**
   * `dict.update(x)` and `dict(x)` look `x.keys` up (binding it) before merging even when `x` is
   * a dict (2.7's PyObject_HasAttrString), rather than merging an exact dict directly (3.12).
   */
  readonly dictUpdateProbesKeys: boolean;
  /**
   * The interpreter's own calls with fixed arguments (the class statement's metaclass call, `with`'s
   * `__exit__(type, value, tb)`) go through PyObject_CallFunctionObjArgs, which builds an argument
   * tuple (2.7), rather than vectorcall (3.12).
   */
  readonly evalCallsBuildArgsTuple: boolean;
  /**
   * A class is recorded in each base's `tp_subclasses` as a weak reference in a list (2.7: GC
   * objects that count), rather than in a dict keyed by address (3.12: `classCreation.subclassDicts`).
   */
  readonly subclassWeakrefList: boolean;
  /**
   * What 3.12's class creation allocates besides the objects HeapLab keeps (null: not modelled,
   * as in the 2.7 profile, whose `subclassWeakrefList` covers its own `tp_subclasses`).
   */
  readonly classCreation: ClassCreationCosts | null;
  /** `repr([])` returns before Py_ReprEnter (3.12) instead of after it (2.7). */
  readonly emptyListReprSkipsReprEnter: boolean;
  /** tuple/list/dict/set reprs build a temporary `pieces` container (2.7) rather than writing a string directly (3.12). */
  readonly reprBuildsPieces: boolean;

  // ---- type names the user can see ---------------------------------------------------------
  readonly typeNames: {
    readonly boundMethod: string;
    readonly weakref: string;
    readonly weakproxy: string;
    readonly weakcallableproxy: string;
    readonly builtinFunction: string;
    readonly noneType: string;
    readonly str: string;
  };
  /** How the collector's debug lines name exception types (`exceptions.ValueError` in 2.7). */
  readonly builtinTypeModule: string;
  /** Repr keyword: `<class 'x'>` (3.12) or `<type 'x'>` for builtins (2.7). */
  readonly builtinTypeReprWord: 'class' | 'type';

  // ---- exception messages that differ ------------------------------------------------------
  readonly messages: {
    readonly unhashable: (typeName: string) => string;
    readonly moduleNoAttribute: (moduleName: string, attr: string) => string;
    readonly notCallable: (typeName: string) => string;
    readonly weakproxyUnhashable: string;
    readonly cannotWeakref: (typeName: string) => string;
    readonly intRequired: (typeName: string) => string;
    /**
     * `del obj.name` when nothing deletes it. `dict` says whether obj can have an instance dict
     * and whether it has been made; `classAttr` whether the type defines `name`. 2.7's generic
     * setattr turns the dict's KeyError into `AttributeError(name)`, and without a dict calls a
     * class attribute read-only; 3.12 treats a dict slot as present (inline values).
     */
    readonly delAttrMissing: (typeName: string, attr: string, dict: 'none' | 'unmade' | 'present', classAttr: boolean) => string;
  };
}

const PROFILE_27: VersionProfile = {
  version: '2.7',
  attributeErrorContext: false,
  versionInfo: [2, 7, 18],
  instanceDict: 'separate',
  sharedKeysLimit: 0,
  dictOrder: 'table',
  setTable: '2.7',
  strHash: 'py27',
  intHash: 'clong',
  immortalObjects: false,
  immortalRefcount: 0,
  startupRefcounts: {
    None: 2525,
    True: 30,
    False: 15,
    Ellipsis: 3,
    NotImplemented: 3,
    emptyTuple: 1097,
    emptyStr: 132,
    // -5..256
    smallInts: [
      1, 1, 1, 1, 53, 395, 625, 77, 23, 48, 21, 21, 16, 45, 13, 17, 17, 12, 12, 11,
      10, 25, 11, 9, 8, 8, 8, 8, 9, 8, 8, 8, 8, 8, 10, 10, 8, 15, 5, 7,
      7, 5, 5, 5, 5, 5, 2, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 5,
      5, 6, 5, 2, 5, 6, 5, 5, 5, 21, 10, 8, 8, 8, 8, 8, 8, 9, 8, 8,
      8, 8, 8, 8, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 5, 5,
      7, 5, 5, 5, 5, 7, 5, 5, 5, 5, 8, 5, 5, 5, 5, 5, 5, 5, 5, 5,
      8, 5, 5, 5, 5, 5, 5, 5, 2, 2, 2, 2, 5, 11, 2, 2, 2, 1, 1, 1,
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
      1, 1, 1, 1, 1, 1, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
      4, 7,
    ],
  },
  classicClasses: true,
  boundMethodHoldsClass: true,
  emptySlotsInstancesAreGc: false,
  hasLongType: true,
  numberSlots: { classicDivide: true, matrixMultiply: false },
  functionLayout: {
    traverse: ['code', 'globals', 'module', 'defaults', 'doc', 'name', 'dict', 'closure'],
    clear: [],
    release: ['code', 'globals', 'module', 'name', 'defaults', 'doc', 'dict', 'closure'],
  },
  finalization: 'legacy',
  defaultThresholds: [700, 10, 10],
  autoCollect: 'immediate',
  scheduledCollectionRechecksEnabled: true,
  gcApi: { callbacks: false, getStats: false, freeze: false, isFinalized: false, getObjectsGeneration: false, shutdownStats: false },
  defaultWarningFilters: [
    { action: 'ignore', category: 'DeprecationWarning', module: null },
    { action: 'ignore', category: 'PendingDeprecationWarning', module: null },
    { action: 'ignore', category: 'ImportWarning', module: null },
    { action: 'ignore', category: 'BytesWarning', module: null },
  ],
  debugFlags: {
    DEBUG_STATS: 1,
    DEBUG_COLLECTABLE: 2,
    DEBUG_UNCOLLECTABLE: 4,
    DEBUG_INSTANCES: 8,
    DEBUG_OBJECTS: 16,
    DEBUG_SAVEALL: 32,
    DEBUG_LEAK: 62,
  },
  debugNeedsObjectsFlag: true,
  debugStatsStyle: '2.7',
  startupCounts: [513, 8, 0],
  startupStats: [],
  compileStart: {
    counts: [449, 8, 0],
    listFree: 3,
    dictFree: 1,
    tupleFree: [0, 3, 468, 1, 2, 3, 0, 1, 2, 1, 3, 2, 1, 0, 1, 0, 2, 1, 1, 3],
    runStart: { count: 37, dictsKept: 5, tuplesKept: { 1: 1, 2: 2 }, tuplesBorrowed: { 4: 1, 5: 1 } },
  },
  initialFreezeCount: 0,
  freeLists: {
    list: 80,
    dict: 80,
    fullCollectionClearsListAndDict: false,
    initialList: 6,
    initialDict: 6,
    set: 80,
    initialSet: 2,
    cfunction: 256,
    method: 256,
    frame: 200,
    frameZombies: true,
    initialMethod: 5,
  },
  // weakref.py: unmarshalling its code, then its classes and functions (UserDict and _weakrefset
  // are already loaded by site). After `import gc` at the top of a script count0 is 513 or so, and
  // the allocation that takes it past 700 collects generation 0 in the middle of the import.
  importCounts: {
    weakref: {
      steps: [159, -1, 7, -1, 22, 13, -1, 1, -10],
      tuplesKept: { 1: 1, 2: 19, 7: 1, 8: 1, 9: 1, 10: 1, 12: 1 },
      tuplesBorrowed: { 3: 1, 5: 3, 6: 1 },
      dictsKept: 4,
      listsKept: 2,
    },
  },
  varargsKwDictFirst: true,
  slotCallsBindMethod: true,
  boundMethodCallCopiesArgs: true,
  classChecksBindChecker: true,
  dictUpdateProbesKeys: true,
  evalCallsBuildArgsTuple: true,
  subclassWeakrefList: true,
  classCreation: null,
  emptyListReprSkipsReprEnter: false,
  reprBuildsPieces: true,
  typeNames: {
    boundMethod: 'instancemethod',
    weakref: 'weakref',
    weakproxy: 'weakproxy',
    weakcallableproxy: 'weakcallableproxy',
    builtinFunction: 'builtin_function_or_method',
    noneType: 'NoneType',
    str: 'str',
  },
  builtinTypeModule: 'exceptions',
  builtinTypeReprWord: 'type',
  messages: {
    unhashable: (t) => `unhashable type: '${t}'`,
    moduleNoAttribute: (_m, a) => `'module' object has no attribute '${a}'`,
    notCallable: (t) => `'${t}' object is not callable`,
    weakproxyUnhashable: 'unhashable type: \'weakproxy\'',
    cannotWeakref: (t) => `cannot create weak reference to '${t}' object`,
    intRequired: () => 'an integer is required',
    delAttrMissing: (t, a, dict, classAttr) =>
      dict === 'present' ? a : classAttr ? `'${t}' object attribute '${a}' is read-only` : `'${t}' object has no attribute '${a}'`,
  },
};

const PROFILE_312: VersionProfile = {
  version: '3.12',
  attributeErrorContext: true,
  versionInfo: [3, 12, 1],
  instanceDict: 'inline',
  sharedKeysLimit: 30,
  dictOrder: 'insertion',
  setTable: '3.12',
  strHash: 'randomized',
  intHash: 'mersenne61',
  immortalObjects: true,
  immortalRefcount: 4294967295,
  startupRefcounts: null,
  classicClasses: false,
  boundMethodHoldsClass: false,
  emptySlotsInstancesAreGc: true,
  hasLongType: false,
  numberSlots: { classicDivide: false, matrixMultiply: true },
  functionLayout: {
    traverse: ['code', 'globals', 'builtins', 'module', 'defaults', 'kwdefaults', 'doc', 'name', 'dict', 'closure', 'annotations', 'qualname'],
    clear: ['globals', 'builtins', 'module', 'defaults', 'kwdefaults', 'doc', 'dict', 'closure', 'annotations'],
    release: ['globals', 'builtins', 'module', 'defaults', 'kwdefaults', 'doc', 'dict', 'closure', 'annotations', 'code', 'name', 'qualname'],
  },
  finalization: 'pep442',
  defaultThresholds: [700, 10, 10],
  autoCollect: 'eval-breaker',
  scheduledCollectionRechecksEnabled: false,
  gcApi: { callbacks: true, getStats: true, freeze: true, isFinalized: true, getObjectsGeneration: true, shutdownStats: true },
  defaultWarningFilters: [
    { action: 'default', category: 'DeprecationWarning', module: '__main__' },
    { action: 'ignore', category: 'DeprecationWarning', module: null },
    { action: 'ignore', category: 'PendingDeprecationWarning', module: null },
    { action: 'ignore', category: 'ImportWarning', module: null },
    { action: 'ignore', category: 'ResourceWarning', module: null },
  ],
  debugFlags: {
    DEBUG_STATS: 1,
    DEBUG_COLLECTABLE: 2,
    DEBUG_UNCOLLECTABLE: 4,
    DEBUG_SAVEALL: 32,
    DEBUG_LEAK: 38,
  },
  debugNeedsObjectsFlag: false,
  debugStatsStyle: '3.12',
  startupCounts: [0, 5, 0],
  compileStart: null,
  startupStats: [
    { collections: 5, collected: 24, uncollectable: 0 },
    { collections: 0, collected: 0, uncollectable: 0 },
    { collections: 0, collected: 0, uncollectable: 0 },
  ],
  initialFreezeCount: 375,
  freeLists: {
    list: 80,
    dict: 80,
    fullCollectionClearsListAndDict: true,
    initialList: 80,
    initialDict: 80,
    set: 0,
    initialSet: 0,
    cfunction: 0,
    method: 0,
    frame: 0,
    frameZombies: false,
    initialMethod: 0,
  },
  importCounts: {},
  varargsKwDictFirst: false,
  slotCallsBindMethod: false,
  boundMethodCallCopiesArgs: false,
  classChecksBindChecker: false,
  dictUpdateProbesKeys: false,
  evalCallsBuildArgsTuple: false,
  subclassWeakrefList: false,
  classCreation: {
    subclassDicts: true,
    staticTypesWithSubclasses: [
      'type', 'object', 'int', 'tuple', 'list', 'dict', 'builtin_function_or_method', 'ReferenceType', 'property',
      'staticmethod', 'classmethod', 'dict_keys', 'dict_values', 'dict_items', 'BaseException', 'BaseExceptionGroup',
      'Exception', 'ArithmeticError', 'ConnectionError', 'ImportError', 'IndentationError', 'LookupError', 'NameError',
      'OSError', 'RuntimeError', 'SyntaxError', 'SystemError', 'UnicodeError', 'ValueError', 'Warning',
    ],
    setNamesCopiesDict: true,
    initSubclassThroughSuper: true,
    slotsTuples: true,
    moduleInClassDict: true,
  },
  emptyListReprSkipsReprEnter: true,
  reprBuildsPieces: false,
  typeNames: {
    boundMethod: 'method',
    weakref: 'ReferenceType',
    weakproxy: 'ProxyType',
    weakcallableproxy: 'CallableProxyType',
    builtinFunction: 'builtin_function_or_method',
    noneType: 'NoneType',
    str: 'str',
  },
  builtinTypeModule: '',
  builtinTypeReprWord: 'class',
  messages: {
    unhashable: (t) => `unhashable type: '${t}'`,
    moduleNoAttribute: (m, a) => `module '${m}' has no attribute '${a}'`,
    notCallable: (t) => `'${t}' object is not callable`,
    weakproxyUnhashable: 'unhashable type: \'weakref.ProxyType\'',
    cannotWeakref: (t) => `cannot create weak reference to '${t}' object`,
    intRequired: (t) => `'${t}' object cannot be interpreted as an integer`,
    delAttrMissing: (t, a, dict, classAttr) =>
      dict === 'none' && classAttr ? `'${t}' object attribute '${a}' is read-only` : `'${t}' object has no attribute '${a}'`,
  },
};

/** The profile tables, by version. */
export const PROFILES: Readonly<Record<PythonVersion, VersionProfile>> = {
  '2.7': PROFILE_27,
  '3.12': PROFILE_312,
};

/**
 * Look up a profile by version string, with a typed error for unknown versions.
 *
 * @example
 * ```ts
 * import { getProfile } from '@heaplab/heap';
 * getProfile('3.12').instanceDict; // 'inline'
 * ```
 */
export function getProfile(version: string): VersionProfile {
  if (version === '2.7' || version === '3.12') return PROFILES[version];
  throw new RangeError(`unknown Python version profile '${version}' (expected '2.7' or '3.12')`);
}
