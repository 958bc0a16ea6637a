/**
 * DOT output against objgraph on real CPython: each test builds, on a HeapLab heap, the object
 * graph that `conformance/scenarios/og_*.py` builds, runs the same objgraph call through the TS
 * API, and compares with the recorded CPython 2.7.18 (objgraph 3.5.0) / 3.12.1 (objgraph 3.7)
 * output in `og_*.{2.7,3.12}.out`, normalized with the rules of normalize.py.
 */
import { readFileSync } from 'node:fs';
import { type CodeData, type FrameData, Kind, type Ref } from '@heaplab/heap';
import { describe, expect, it } from 'vitest';
import { normalize, Scene } from './testkit.js';

const SCEN = new URL('../../../conformance/scenarios/', import.meta.url);
function expected(name: string, version: string): string {
  return readFileSync(new URL(`${name}.${version}.out`, SCEN), 'utf8');
}

/** `sys.stdout.write(open(f).read())` after the call, as the scenarios do. */
function dotOut(s: Scene, file: string): string {
  return s.takeOut() + s.io.text(file);
}

const isType = (s: Scene, x: Ref) => s.heap.kind[x] === Kind.TYPE;
const isStr = (s: Scene, x: Ref) => s.heap.kind[x] === Kind.STR;
const isInt = (s: Scene, x: Ref) => s.heap.kind[x] === Kind.INT;
const isList = (s: Scene, x: Ref) => s.heap.kind[x] === Kind.LIST;

describe.each(['2.7', '3.12'] as const)('objgraph DOT vs CPython %s', (version) => {
  it('og_show_refs_list: node labels, depth colours, edges (show_refs([data], max_depth=2))', () => {
    const s = new Scene(version);
    const Leaf = s.cls('Leaf');
    const data = s.list([s.list([s.int(1), s.int(2)]), s.tuple([s.int(3), s.inst(Leaf)])]);
    s.setGlobal('data', data);
    s.og.showRefs([data], { filename: 'x.dot', maxDepth: 2 });
    expect(normalize(dotOut(s, 'x.dot'))).toBe(expected('og_show_refs_list', version));
  });

  it('og_show_refs_instance: 2.7 draws the __dict__ edge, 3.12 reaches inline values directly', () => {
    const s = new Scene(version);
    const Box = s.cls('Box');
    const b = s.inst(Box);
    s.setGlobal('b', b);
    s.setattr(b, 'content', s.list([b]));
    s.og.showRefs(b, { filename: 'x.dot', maxDepth: 3, filter: (x) => !isType(s, x) && !isStr(s, x) });
    expect(normalize(dotOut(s, 'x.dot'))).toBe(expected('og_show_refs_instance', version));
  });

  it('og_show_refs_highlight: highlight= and extra_info=', () => {
    const s = new Scene(version);
    const Box = s.cls('Box');
    const b = s.inst(Box);
    s.setGlobal('b', b);
    s.setattr(b, 'items', s.list([s.inst(Box), s.int(7)]));
    s.og.showRefs(b, {
      filename: 'x.dot',
      maxDepth: 2,
      filter: (x) => !isType(s, x) && !isStr(s, x) && !isInt(s, x),
      highlight: (x) => s.heap.typ[x] === Box,
      extraInfo: (x) => `id-free info for ${s.heap.typeOf(x).name}`,
    });
    expect(normalize(dotOut(s, 'x.dot'))).toBe(expected('og_show_refs_highlight', version));
  });

  it('og_show_refs_dict_keys: identifier keys, other str keys, int keys', () => {
    const s = new Scene(version);
    s.cls('Box');
    const files: string[] = [];
    for (const [file, key, item] of [
      ['x.dot', s.str('name'), 1],
      ['y.dot', s.str('not an identifier'), 2],
      ['z.dot', s.int(42), 3],
    ] as const) {
      const d = s.dict([[key, s.list([s.int(item)])]]);
      s.setGlobal(file, d);
      s.og.showRefs([d], { filename: file, maxDepth: 1, filter: (x) => (file === 'z.dot' ? !isInt(s, x) : !isStr(s, x)) });
      files.push(dotOut(s, file));
    }
    expect(normalize(files.join(''))).toBe(expected('og_show_refs_dict_keys', version));
  });

  it('og_show_refs_extra_node_attrs: sorted, quoted attributes; None skipped', () => {
    const s = new Scene(version);
    const Box = s.cls('Box');
    const l = s.list([s.inst(Box)]);
    s.og.showRefs([l], {
      filename: 'x.dot',
      maxDepth: 1,
      extraNodeAttrs: (o) => ({ tooltip: s.heap.typeOf(o).name, URL: 'x"y', skip: null }),
    });
    expect(normalize(dotOut(s, 'x.dot'))).toBe(expected('og_show_refs_extra_node_attrs', version));
  });

  it('og_show_refs_refcounts: getrefcount - 4 with objgraph\'s own references', () => {
    const s = new Scene(version);
    const Box = s.cls('Box');
    const shared = s.inst(Box);
    s.setGlobal('shared', shared);
    const inner = s.list([shared]);
    const outer = s.list([shared, shared, inner]);
    s.heap.decref(inner);
    s.setGlobal('outer', outer);
    s.heap.decref(shared);
    s.heap.decref(outer);
    s.og.showRefs([outer], { filename: 'x.dot', maxDepth: 2, refcounts: true, filter: (x) => !isType(s, x) });
    expect(normalize(dotOut(s, 'x.dot'))).toBe(expected('og_show_refs_refcounts', version));
  });

  it('og_show_refs_shortnames: module-qualified labels', () => {
    const s = new Scene(version);
    const Box = s.cls('Box');
    s.og.showRefs([s.list([s.inst(Box)])], { filename: 'x.dot', maxDepth: 1, shortnames: false });
    expect(normalize(dotOut(s, 'x.dot'))).toBe(expected('og_show_refs_shortnames', version));
  });

  it('og_show_refs_too_many: "2 more references"', () => {
    const s = new Scene(version);
    const l = s.list([0, 1, 2, 3, 4, 5, 6].map((i) => s.int(i)));
    s.og.showRefs([l], { tooMany: 5, filename: 'x.dot' });
    expect(normalize(dotOut(s, 'x.dot').replace(/too_many_o/g, 'too_many_ o'))).toBe(expected('og_show_refs_too_many', version));
  });

  it('og_show_refs_del_marker: the red __del__ node', () => {
    const s = new Scene(version);
    const Fin = s.cls('Fin', { del: true });
    const Plain = s.cls('Plain');
    const pair = s.list([s.inst(Fin), s.inst(Plain)]);
    s.setGlobal('pair', pair);
    s.og.showRefs([pair], { filename: 'x.dot', maxDepth: 1 });
    expect(normalize(dotOut(s, 'x.dot').replace(/_has_a_del/g, ' _has_a_del'))).toBe(expected('og_show_refs_del_marker', version));
  });

  it('og_show_refs_output: output= gets the DOT text, output+filename is a ValueError', () => {
    const s = new Scene(version);
    let text = '';
    const l = s.list([s.int(1), s.str('a')]);
    s.og.showRefs([l], { output: { write: (t) => (text += t) }, maxDepth: 1 });
    const lines = [`captured ${text.split('\n').length - 1} lines`, text.trimEnd()];
    try {
      s.og.showRefs([s.list([])], { output: { write: () => {} }, filename: 'x.dot' });
    } catch (e) {
      lines.push(`ValueError: ${(e as Error).message}`);
    }
    expect(normalize(`${s.takeOut()}${lines.join('\n')}\n`)).toBe(expected('og_show_refs_output', version));
  });

  it('og_show_backrefs_too_many: 42 referrers, too_many=5, "37 more backreferences"', () => {
    const s = new Scene(version);
    const Moo = s.cls('Moo');
    const moo = s.inst(Moo);
    s.setGlobal('moo', moo);
    const refs = s.list(Array.from({ length: 42 }, () => s.list([moo])));
    s.setGlobal('refs_to_moo', refs);
    s.og.showBackrefs([moo], { tooMany: 5, maxDepth: 1, filename: 'x.dot', filter: (x) => isList(s, x) && (s.heap.payload[x] as Ref[]).length === 1 });
    expect(normalize(dotOut(s, 'x.dot').replace(/too_many_o/g, 'too_many_ o'))).toBe(expected('og_show_backrefs_too_many', version));
  });

  it('og_show_backrefs_chain_global: culled at the module, __dict__ and global-name edges', () => {
    const s = new Scene(version);
    for (const n of ['sys', 'objgraph', 'wanted']) s.setGlobal(n, s.heap.None);
    const Leaf = s.cls('Leaf');
    const holder = s.list([s.list([s.inst(Leaf)])]);
    s.setGlobal('holder', holder);
    const leaf = (s.heap.payload[(s.heap.payload[holder] as Ref[])[0]!] as Ref[])[0]!;
    s.og.showBackrefs(leaf, {
      filename: 'x.dot',
      maxDepth: 4,
      filter: (x) => isList(s, x) || x === s.globals || s.heap.typ[x] === s.heap.t.module,
    });
    expect(normalize(dotOut(s, 'x.dot'))).toBe(expected('og_show_backrefs_chain_global', version));
  });

  it('og_show_chain: find_backref_chain + show_chain draws only the chain', () => {
    const s = new Scene(version);
    for (const n of ['sys', 'objgraph']) s.setGlobal(n, s.heap.None);
    const Leaked = s.cls('Leaked');
    const entries = s.list([s.inst(Leaked)]);
    const cache = s.dict([[s.str('entries'), entries]]);
    s.setGlobal('cache', cache);
    const leaked = (s.heap.payload[entries] as Ref[])[0]!;
    const chain = s.og.findBackrefChain(leaked, (o) => s.og.isProperModule(o));
    const chainList = s.list(chain);
    s.setGlobal('chain', chainList);
    const names = chain.map((r) => s.heap.typeOf(r).name).join(' -> ');
    s.out.push(`chain: ${names}\n`);
    s.og.showChain([chain], { filename: 'x.dot' });
    expect(normalize(dotOut(s, 'x.dot'))).toBe(expected('og_show_chain', version));
  });

  it('og_show_backrefs_function_frame: 2.7 shows the tracked frame, 3.12 nothing', () => {
    const s = new Scene(version);
    const Box = s.cls('Box');
    const box = s.inst(Box);
    if (version === '2.7') {
      // inner()'s frame holds local_box; 2.7 frames are tracked objects.
      const heap = s.heap;
      const codeData: CodeData = { consts: [], name: 'inner', qualname: 'inner', filename: 'og_show_backrefs_function_frame.py', firstlineno: 5, varnames: ['local_box'], argcount: 0, cellvars: [], freevars: [], flags: 0 };
      const code = heap.alloc(heap.t.code, Kind.CODE, codeData);
      heap.incref(s.globals);
      heap.incref(box);
      const fd: FrameData = { back: 0, code, globals: s.globals, builtins: 0, locals: 0, func: 0, fast: [box], stack: [], lineno: 8 };
      const frame = heap.alloc(heap.t.frame, Kind.FRAME, fd);
      heap.track(frame);
    }
    s.og.showBackrefs([box], {
      filename: 'x.dot',
      maxDepth: 2,
      filter: (x) => s.heap.kind[x] !== Kind.DICT && s.heap.kind[x] !== Kind.TYPE && s.heap.kind[x] !== Kind.FUNCTION,
    });
    expect(normalize(dotOut(s, 'x.dot'))).toBe(expected('og_show_backrefs_function_frame', version));
  });
});
