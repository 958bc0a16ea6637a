// Random Python programs inside HeapLab's subset, valid and deterministic in both 2.7 and 3.12.
//
// A program is a list of top-level statements ("chunks"; the minimizer removes whole chunks).
// The generator keeps a model of every variable it bound (kind, class, attributes set, list
// length, dict keys) so the statements it writes do not fail by accident; a chunk that may
// fail (a dead proxy) catches its exception.
//
// Determinism rules (what each statement may print): names chosen by the program (never ids or
// addresses), gc.collect() return values, lengths, booleans, refcounts of the program's own
// objects, gc counts, objgraph counts of the program's classes. Dicts are never printed (2.7
// orders string keys by hash), keys are small ints, and sets are only measured with len().

/** mulberry32: a small, fast, seedable 32-bit PRNG. */
export function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)],
  };
}

/** The seed of program `index` of a run with seed `seed` (so any program can be regenerated alone). */
export function programSeed(seed, index) {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const ATTRS = ["a", "b", "c"];
const DEL_KINDS = ["none", "none", "print", "print", "resurrect", "raise"];

/**
 * Features the generator may use. `objgraph: false` leaves out `import objgraph` and its
 * queries; `autoGc: false` keeps the collector disabled; `shutdown: true` lets some programs
 * leave their objects to interpreter shutdown (`pnpm fuzz --shutdown`).
 */
export const DEFAULT_FEATURES = {
  objgraph: true,
  // Off: automatic collections fire on exact count0 accounting, not modelled exactly everywhere
  // (README, "Left out"); `pnpm fuzz --auto-gc` turns it on.
  autoGc: false,
  // Off: 3.12's module teardown at exit is not modelled exactly (README, "Left out").
  shutdown: false,
};

/**
 * Generate program `index` of run `seed`: returns `{ chunks, source }`.
 * `source` is `chunks.join("")`; every chunk ends with a newline.
 */
export function generateProgram(seed, index, features = DEFAULT_FEATURES) {
  const rng = makeRng(programSeed(seed, index));
  const chunks = [];
  const emit = (s) => chunks.push(s.endsWith("\n") ? s : `${s}\n`);

  // --- header -----------------------------------------------------------------------------
  emit("import gc");
  emit("import sys");
  emit("import weakref");
  // Half the programs query objgraph (importing it costs CPython start-up time).
  const useObjgraph = features.objgraph && rng.chance(0.5);
  if (useObjgraph) emit("import objgraph");
  emit("gc.disable()");
  emit("gc.collect()");
  emit("keep = []");
  emit(
    [
      "def mk(n):",
      "    def cb(wr):",
      '        print("callback %s" % n)',
      "    return cb",
    ].join("\n"),
  );

  // --- classes ----------------------------------------------------------------------------
  const nClasses = 1 + rng.int(4);
  const classes = [];
  for (let i = 0; i < nClasses; i++) {
    const style = rng.chance(0.2) ? "classic" : rng.chance(0.25) ? "slots" : "plain";
    const del = rng.pick(DEL_KINDS);
    const weakrefable = style !== "slots" || rng.chance(0.5);
    const cls = { name: `K${i}`, style, del, weakrefable };
    classes.push(cls);
    const lines = [style === "classic" ? `class ${cls.name}:` : `class ${cls.name}(object):`];
    if (style === "slots") {
      const slots = ["name", "a", "b", "c", "r", ...(weakrefable ? ["__weakref__"] : [])];
      lines.push(`    __slots__ = (${slots.map((s) => `"${s}"`).join(", ")})`);
    }
    lines.push("    def __init__(self, name):", "        self.name = name");
    if (del !== "none") {
      lines.push("    def __del__(self):", '        print("del %s" % self.name)');
      if (del === "resurrect") {
        // `keep is not None`: an object that outlives the program may die after 3.12's module
        // teardown set `keep` to None (an order HeapLab does not model; README, "Left out").
        lines.push('        if getattr(self, "r", 0) == 0 and keep is not None:', "            self.r = 1", "            keep.append(self)");
      } else if (del === "raise") {
        lines.push("        raise ValueError(self.name)");
      }
    }
    emit(lines.join("\n"));
  }

  // --- the model --------------------------------------------------------------------------
  /** name -> { kind: 'inst'|'list'|'dict'|'tuple'|'wr'|'proxy', cls, attrs:Set, len, keys:Set } */
  const vars = new Map();
  let counter = 0;
  const fresh = (p = "o") => `${p}${counter++}`;
  const ofKind = (...kinds) => [...vars.entries()].filter(([, v]) => kinds.includes(v.kind)).map(([n]) => n);
  const objects = () => ofKind("inst", "list", "dict", "tuple");
  const anyObj = () => {
    const os = objects();
    return os.length ? rng.pick(os) : null;
  };
  /** An object whose refcount is the program's business (not a constant the code object holds). */
  const countable = () => {
    const os = objects().filter((n) => !vars.get(n).constant);
    return os.length ? rng.pick(os) : null;
  };
  const newInstanceExpr = (name) => {
    const cls = rng.pick(classes);
    return { expr: `${cls.name}("${name}")`, model: { kind: "inst", cls, attrs: new Set() } };
  };
  const bind = (name, model) => vars.set(name, model);

  let gcEnabled = false;
  let debugSaveall = false;

  const steps = [
    // creation
    [10, () => {
      const name = fresh();
      const { expr, model } = newInstanceExpr(name);
      emit(`${name} = ${expr}`);
      bind(name, model);
    }],
    [3, () => {
      // rebind an existing name to a new instance: the old object is released
      const insts = ofKind("inst");
      if (!insts.length) return;
      const name = rng.pick(insts);
      const label = `${name}_${counter++}`;
      const { expr, model } = newInstanceExpr(label);
      emit(`${name} = ${expr.replace(`"${label}"`, `"${label}"`)}`);
      bind(name, model);
    }],
    [3, () => {
      const name = fresh();
      const a = anyObj();
      const b = anyObj();
      const items = [a, b].filter((x) => x !== null && rng.chance(0.7));
      emit(`${name} = [${items.join(", ")}]`);
      bind(name, { kind: "list", len: items.length });
    }],
    [3, () => {
      const name = fresh();
      const a = anyObj();
      if (a !== null && rng.chance(0.6)) {
        const k = rng.int(4);
        emit(`${name} = {${k}: ${a}}`);
        bind(name, { kind: "dict", keys: new Set([k]) });
      } else {
        emit(`${name} = {}`);
        bind(name, { kind: "dict", keys: new Set() });
      }
    }],
    [2, () => {
      const name = fresh();
      const a = anyObj();
      const b = anyObj();
      const constant = rng.chance(0.3) || a === null;
      const items = constant ? ["1", "2"] : [a, b ?? "None"];
      emit(`${name} = (${items.join(", ")})`);
      bind(name, { kind: "tuple", constant });
    }],
    // links
    [10, () => {
      const insts = ofKind("inst");
      const b = anyObj();
      if (!insts.length || b === null) return;
      const a = rng.pick(insts);
      const attr = rng.pick(ATTRS);
      emit(`${a}.${attr} = ${rng.chance(0.2) ? a : b}`);
      vars.get(a).attrs.add(attr);
    }],
    [5, () => {
      const lists = ofKind("list");
      const b = anyObj();
      if (!lists.length || b === null) return;
      const l = rng.pick(lists);
      emit(`${l}.append(${rng.chance(0.15) ? l : b})`);
      vars.get(l).len++;
    }],
    [4, () => {
      const dicts = ofKind("dict");
      const b = anyObj();
      if (!dicts.length || b === null) return;
      const d = rng.pick(dicts);
      const k = rng.int(4);
      emit(`${d}[${k}] = ${rng.chance(0.15) ? d : b}`);
      vars.get(d).keys.add(k);
    }],
    // unlinks
    [4, () => {
      const withAttrs = ofKind("inst").filter((n) => vars.get(n).attrs.size > 0);
      if (!withAttrs.length) return;
      const a = rng.pick(withAttrs);
      const attr = rng.pick([...vars.get(a).attrs]);
      emit(`del ${a}.${attr}`);
      vars.get(a).attrs.delete(attr);
    }],
    [3, () => {
      const lists = ofKind("list").filter((n) => vars.get(n).len > 0);
      if (!lists.length) return;
      const l = rng.pick(lists);
      const m = vars.get(l);
      const r = rng.int(3);
      if (r === 0) {
        emit(`del ${l}[:]`);
        m.len = 0;
      } else if (r === 1) {
        emit(`${l}.pop()`);
        m.len--;
      } else {
        emit(`del ${l}[0]`);
        m.len--;
      }
    }],
    [3, () => {
      const dicts = ofKind("dict").filter((n) => vars.get(n).keys.size > 0);
      if (!dicts.length) return;
      const d = rng.pick(dicts);
      const m = vars.get(d);
      if (rng.chance(0.3)) {
        emit(`${d}.clear()`);
        m.keys.clear();
      } else {
        const k = rng.pick([...m.keys]);
        emit(`del ${d}[${k}]`);
        m.keys.delete(k);
      }
    }],
    [9, () => {
      const names = [...vars.keys()];
      if (!names.length) return;
      const n = rng.pick(names);
      emit(`del ${n}`);
      vars.delete(n);
    }],
    // weak references
    [5, () => {
      const targets = ofKind("inst").filter((n) => vars.get(n).cls.weakrefable);
      if (!targets.length) return;
      const t = rng.pick(targets);
      const name = fresh("w");
      emit(rng.chance(0.6) ? `${name} = weakref.ref(${t}, mk("${name}"))` : `${name} = weakref.ref(${t})`);
      bind(name, { kind: "wr" });
    }],
    [2, () => {
      const targets = ofKind("inst").filter((n) => vars.get(n).cls.weakrefable);
      if (!targets.length) return;
      const t = rng.pick(targets);
      const name = fresh("p");
      emit(rng.chance(0.5) ? `${name} = weakref.proxy(${t}, mk("${name}"))` : `${name} = weakref.proxy(${t})`);
      bind(name, { kind: "proxy" });
    }],
    [4, () => {
      const wrs = ofKind("wr");
      if (!wrs.length) return;
      const w = rng.pick(wrs);
      emit(`print("${w} dead %s" % (${w}() is None))`);
    }],
    [2, () => {
      const ps = ofKind("proxy");
      if (!ps.length) return;
      const p = rng.pick(ps);
      emit([`try:`, `    print("${p} -> %s" % ${p}.name)`, `except ReferenceError:`, `    print("${p} is dead")`].join("\n"));
    }],
    [2, () => {
      const targets = ofKind("inst").filter((n) => vars.get(n).cls.weakrefable);
      if (!targets.length) return;
      const t = rng.pick(targets);
      emit(`print("weakrefs to ${t}: %d" % weakref.getweakrefcount(${t}))`);
    }],
    // the collector
    [7, () => {
      const g = rng.int(5);
      emit(g >= 3 ? 'print("collect %d" % gc.collect())' : `print("collect(${g}) %d" % gc.collect(${g}))`);
    }],
    [2, () => emit('print("garbage %d" % len(gc.garbage))')],
    [1, () => emit("del gc.garbage[:]")],
    [1, () => {
      debugSaveall = !debugSaveall;
      emit(debugSaveall ? "gc.set_debug(gc.DEBUG_SAVEALL)" : "gc.set_debug(0)");
    }],
    [1, () => {
      if (!features.autoGc) return;
      gcEnabled = !gcEnabled;
      if (gcEnabled) emit(`gc.set_threshold(${rng.pick([1, 2, 3, 5, 10, 50, 700])})`);
      emit(gcEnabled ? "gc.enable()" : "gc.disable()");
    }],
    // gc.get_count() only right after a collection: between collections it counts every
    // allocation and deallocation of GC objects, including the interpreter's own (frames,
    // bound methods, argument tuples...) — see README, "Left out".
    [2, () => {
      // A finalizer that raises allocates (exception, traceback) during the collection.
      if (classes.some((c) => c.del === "raise")) return;
      const g = rng.int(3);
      emit(`gc.collect(${g})\nprint("count after collect(${g}) %r" % (gc.get_count(),))`);
    }],
    [1, () => {
      emit(['if hasattr(gc, "freeze"):', rng.chance(0.5) ? "    gc.freeze()" : "    gc.unfreeze()"].join("\n"));
    }],
    [2, () => {
      const o = anyObj();
      if (o === null) return;
      emit(`print("tracked ${o} %s" % gc.is_tracked(${o}))`);
    }],
    [3, () => {
      const o = countable();
      if (o === null) return;
      emit(`print("refcount ${o} %d" % sys.getrefcount(${o}))`);
    }],
    [2, () => {
      const o = anyObj();
      if (o === null) return;
      emit(`print("referents ${o} %d" % len(gc.get_referents(${o})))`);
    }],
    [1, () => {
      const o = countable();
      if (o === null) return;
      emit(`print("referrers ${o} %d" % len(gc.get_referrers(${o})))`);
    }],
    [2, () => {
      const lists = ofKind("list", "dict");
      if (!lists.length) return;
      const l = rng.pick(lists);
      emit(`print("len ${l} %d" % len(${l}))`);
    }],
    [3, () => {
      if (!useObjgraph) return;
      const cls = rng.pick(classes);
      emit(
        rng.chance(0.5)
          ? `print("count ${cls.name} %d" % objgraph.count("${cls.name}"))`
          : `print("by_type ${cls.name} %d" % len(objgraph.by_type("${cls.name}")))`,
      );
    }],
    // functions, loops, exceptions
    [3, () => {
      const f = fresh("f");
      const c1 = rng.pick(classes);
      const c2 = rng.pick(classes);
      const ret = rng.chance(0.4);
      const lines = [
        `def ${f}():`,
        `    x = ${c1.name}("${f}.x")`,
        `    y = ${c2.name}("${f}.y")`,
        `    x.a = y`,
        ...(rng.chance(0.6) ? [`    y.a = x`] : []),
        ...(rng.chance(0.3) ? [`    print("in ${f} %d" % sys.getrefcount(x))`] : []),
        ret ? `    return y` : `    return None`,
      ];
      emit(lines.join("\n"));
      if (ret) {
        const name = fresh();
        emit(`${name} = ${f}()`);
        const attrs = new Set();
        if (lines.includes("    y.a = x")) attrs.add("a");
        bind(name, { kind: "inst", cls: c2, attrs });
      } else {
        emit(`${f}()`);
      }
    }],
    [2, () => {
      const name = fresh();
      const cls = rng.pick(classes);
      const n = 1 + rng.int(3);
      emit([`for i in range(${n}):`, `    ${name} = ${cls.name}("${name}.%d" % i)`].join("\n"));
      bind(name, { kind: "inst", cls, attrs: new Set() });
    }],
    [1, () => {
      const o = anyObj();
      if (o === null) return;
      emit([`try:`, `    raise KeyError(${o})`, `except KeyError:`, `    print("caught")`].join("\n"));
    }],
  ];
  const total = steps.reduce((s, [w]) => s + w, 0);
  const step = () => {
    let x = rng.int(total);
    for (const [w, fn] of steps) {
      if (x < w) return fn();
      x -= w;
    }
  };

  const nSteps = 12 + rng.int(30);
  for (let i = 0; i < nSteps; i++) step();

  // --- the end ----------------------------------------------------------------------------
  if (features.shutdown && rng.chance(0.3)) {
    // Leave the objects to interpreter shutdown, but without cyclic garbage (see README).
    emit('print("last collect %d" % gc.collect())');
  } else {
    // Clean up explicitly so nothing of ours is left for interpreter shutdown (whose order
    // depends on the module dict), then one last collection.
    const names = [...vars.keys()];
    if (names.length) emit(`del ${names.join(", ")}`);
    emit("gc.set_debug(0)");
    emit("del keep[:]");
    emit("del gc.garbage[:]");
    emit('print("final %d" % gc.collect())');
  }
  emit('print("end")');
  return { chunks, source: chunks.join("") };
}
