/**
 * The Python-visible `gc` module: a module object whose functions parse their arguments the way
 * CPython's do (same TypeError/ValueError/OverflowError messages per version) and call the
 * `GcModule` API.
 */
import {
  argToCInt,
  dictSetStr,
  type Heap,
  Kind,
  moduleDict,
  newBuiltinFunction,
  setArgsTuple,
  newDict,
  newInt,
  newList,
  newModule,
  newBool,
  newTupleSteal,
  type NativeFn,
  positionalCount,
  type Ref,
} from '@heaplab/heap';
import type { GcModule } from './api.js';

/** Argument-count wording per profile (one table per version). */
interface GcArgMessages {
  noArgs: (fn: string, given: number) => string;
  exactlyOne: (fn: string, given: number) => string;
  noKeywords: (fn: string) => string;
  collectTooMany: (given: number) => string;
  collectBadKeyword: (kw: string) => string;
}

/**
 * The functions whose CPython implementation takes an argument tuple (`METH_VARARGS`): each call
 * with arguments allocates one, which `gc.get_count()` sees. The others are METH_NOARGS/METH_O or
 * argument-clinic fast calls.
 */
const VARARGS_FUNCTIONS: Record<'2.7' | '3.12', readonly string[]> = {
  '2.7': ['collect', 'set_threshold', 'set_debug', 'get_referrers', 'get_referents'],
  '3.12': ['set_threshold', 'get_referrers', 'get_referents'],
};

const MESSAGES: Record<'2.7' | '3.12', GcArgMessages> = {
  '2.7': {
    noArgs: (fn, n) => `${fn}() takes no arguments (${n} given)`,
    exactlyOne: (fn, n) => (fn === 'set_debug' ? `${fn}() takes exactly 1 argument (${n} given)` : `${fn}() takes exactly one argument (${n} given)`),
    noKeywords: (fn) => `${fn}() takes no keyword arguments`,
    collectTooMany: (n) => `function takes at most 1 argument (${n} given)`,
    collectBadKeyword: (kw) => `'${kw}' is an invalid keyword argument for this function`,
  },
  '3.12': {
    noArgs: (fn, n) => `gc.${fn}() takes no arguments (${n} given)`,
    exactlyOne: (fn, n) => `gc.${fn}() takes exactly one argument (${n} given)`,
    noKeywords: (fn) => `gc.${fn}() takes no keyword arguments`,
    collectTooMany: (n) => `collect() takes at most 1 argument (${n} given)`,
    collectBadKeyword: (kw) => `'${kw}' is an invalid keyword argument for collect()`,
  },
};

/**
 * Build the `gc` module object for a heap (new reference).
 *
 * @example
 * ```ts
 * import { Heap, getAttr, call, intValue } from '@heaplab/heap';
 * import { attachCollector, createGcPythonModule } from '@heaplab/gc';
 * const heap = new Heap();
 * const gcmod = createGcPythonModule(heap, attachCollector(heap));
 * intValue(heap, call(heap, getAttr(heap, gcmod, 'collect'), [])); // 0
 * ```
 */
export function createGcPythonModule(heap: Heap, gc: GcModule): Ref {
  const m = newModule(heap, 'gc');
  const d = moduleDict(heap, m);
  const msg = MESSAGES[heap.profile.version];
  const t = heap.t;
  const err = (type: Ref, text: string) => heap.newException(type, text);
  const none = () => {
    heap.incref(heap.None);
    return heap.None;
  };

  const noArgs = (name: string, fn: () => Ref): NativeFn => (_h, _s, args, kw) => {
    const n = args.length;
    if (n > 0) {
      if (kw !== null && kw.length > 0) throw err(t.TypeError, msg.noKeywords(name));
      throw err(t.TypeError, msg.noArgs(name, n));
    }
    return fn();
  };
  const oneArg = (name: string, fn: (a: Ref) => Ref): NativeFn => (_h, _s, args, kw) => {
    if (kw !== null && kw.length > 0) throw err(t.TypeError, msg.noKeywords(name));
    if (args.length !== 1) throw err(t.TypeError, msg.exactlyOne(name, args.length));
    return fn(args[0]!);
  };
  const varargs = new Set(VARARGS_FUNCTIONS[heap.profile.version]);
  const def = (name: string, fn: NativeFn) => {
    const f = newBuiltinFunction(heap, name, fn, 0, 'gc');
    if (varargs.has(name)) setArgsTuple(heap, f);
    dictSetStr(heap, d, name, f);
    heap.decref(f);
  };
  const refList = (refs: readonly Ref[]) => newList(heap, refs);

  def('enable', noArgs('enable', () => (gc.enable(), none())));
  def('disable', noArgs('disable', () => (gc.disable(), none())));
  def('isenabled', noArgs('isenabled', () => newBool(heap, gc.isEnabled())));
  def('collect', (_h, _s, args, kw) => {
    let genArg: Ref = 0;
    const npos = positionalCount(args, kw);
    if (args.length > 1) throw err(t.TypeError, msg.collectTooMany(args.length));
    if (kw !== null) {
      for (const name of kw) if (name !== 'generation') throw err(t.TypeError, msg.collectBadKeyword(name));
    }
    if (args.length === 1) genArg = args[0]!;
    void npos;
    const gen = genArg === 0 ? 2 : argToCInt(heap, genArg);
    return newInt(heap, gc.collect(gen));
  });
  def('get_count', noArgs('get_count', () => newTupleSteal(heap, gc.getCount().map((v) => newInt(heap, v)))));
  def('get_threshold', noArgs('get_threshold', () => newTupleSteal(heap, gc.getThreshold().map((v) => newInt(heap, v)))));
  def('set_threshold', (_h, _s, args, kw) => {
    if (kw !== null && kw.length > 0) throw err(t.TypeError, 'set_threshold() takes no keyword arguments');
    if (args.length === 0) throw err(t.TypeError, 'set_threshold() takes at least 1 argument (0 given)');
    if (args.length > 3) throw err(t.TypeError, `set_threshold() takes at most 3 arguments (${args.length} given)`);
    const vals = args.map((a) => argToCInt(heap, a, 'signed-max'));
    gc.setThreshold(vals[0]!, vals[1], vals[2]);
    return none();
  });
  def('get_debug', noArgs('get_debug', () => newInt(heap, gc.getDebug())));
  def('set_debug', oneArg('set_debug', (a) => (gc.setDebug(argToCInt(heap, a)), none())));
  def('get_objects', (_h, _s, args, kw) => {
    if (!heap.profile.gcApi.getObjectsGeneration) {
      if (args.length > 0) throw err(t.TypeError, `get_objects() takes no arguments (${args.length} given)`);
      return refList(gc.getObjects());
    }
    let gen: Ref = 0;
    if (kw !== null) {
      for (const name of kw) if (name !== 'generation') throw err(t.TypeError, `get_objects() got an unexpected keyword argument '${name}'`);
    }
    if (args.length > 1) throw err(t.TypeError, `get_objects() takes at most 1 argument (${args.length} given)`);
    if (args.length === 1) gen = args[0]!;
    if (gen === 0 || gen === heap.None) return refList(gc.getObjects());
    if (heap.kind[gen] !== Kind.INT && heap.kind[gen] !== Kind.BOOL) throw err(t.TypeError, `argument should be integer or None, not '${heap.typeName(gen)}'`);
    return refList(gc.getObjects(Number(heap.payload[gen] as number | bigint)));
  });
  def('get_referrers', (_h, _s, args, kw) => {
    if (kw !== null && kw.length > 0) throw err(t.TypeError, 'get_referrers() takes no keyword arguments');
    // The argument tuple refers to every argument but is not a referrer CPython reports.
    return refList(gc.getReferrers(args, heap.varargsTuple !== 0 ? [heap.varargsTuple] : []));
  });
  def('get_referents', (_h, _s, args, kw) => {
    if (kw !== null && kw.length > 0) throw err(t.TypeError, 'get_referents() takes no keyword arguments');
    return refList(gc.getReferents(args));
  });
  def('is_tracked', oneArg('is_tracked', (a) => newBool(heap, gc.isTracked(a))));
  if (heap.profile.gcApi.isFinalized) def('is_finalized', oneArg('is_finalized', (a) => newBool(heap, gc.isFinalized(a))));
  if (heap.profile.gcApi.freeze) {
    def('freeze', noArgs('freeze', () => (gc.freeze(), none())));
    def('unfreeze', noArgs('unfreeze', () => (gc.unfreeze(), none())));
    def('get_freeze_count', noArgs('get_freeze_count', () => newInt(heap, gc.getFreezeCount())));
  }
  if (heap.profile.gcApi.getStats) {
    def(
      'get_stats',
      noArgs('get_stats', () => {
        const items = gc.getStats().map((s) => {
          const sd = newDict(heap);
          for (const [k, v] of [
            ['collections', s.collections],
            ['collected', s.collected],
            ['uncollectable', s.uncollectable],
          ] as const) {
            const n = newInt(heap, v);
            dictSetStr(heap, sd, k, n);
            heap.decref(n);
          }
          return sd;
        });
        const l = newList(heap, items);
        for (const i of items) heap.decref(i);
        return l;
      }),
    );
  }
  dictSetStr(heap, d, 'garbage', gc.garbage);
  if (heap.profile.gcApi.callbacks) dictSetStr(heap, d, 'callbacks', gc.callbacks);
  for (const [name, value] of Object.entries(heap.profile.debugFlags)) {
    if (value === undefined) continue;
    const n = newInt(heap, value);
    dictSetStr(heap, d, name, n);
    heap.decref(n);
  }
  return m;
}
