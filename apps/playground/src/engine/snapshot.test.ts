import { describe, expect, it } from 'vitest';
import {
  Heap,
  type Ref,
  call,
  dictSetStr,
  listAppend,
  newClass,
  newDict,
  newInt,
  newList,
  newStr,
  setAttr,
  referents,
} from '@heaplab/heap';
import { attachCollector } from '@heaplab/gc';
import { SnapshotBuilder } from './snapshot.js';
import { labeledEdges } from './heapview.js';
import { EK, NF, type NodeRec, type StepRec } from './types.js';

function setup(version: '2.7' | '3.12') {
  const heap = new Heap({ version });
  const gc = attachCollector(heap);
  const ns = newDict(heap);
  const mod = newStr(heap, '__main__');
  dictSetStr(heap, ns, '__module__', mod);
  heap.decref(mod);
  const OBJ = newClass(heap, { name: 'OBJ', bases: [], namespace: ns });
  heap.decref(ns);
  const globals = newDict(heap);
  dictSetStr(heap, globals, 'OBJ', OBJ);
  heap.decref(OBJ);
  const builder = new SnapshotBuilder(heap, { maxNodes: 1000 });
  const capture = (frames = [] as Parameters<SnapshotBuilder['capture']>[0]) =>
    builder.capture(frames, globals, { event: 0, line: 1, out: 0, collections: 0 });
  const nodesOf = (step: StepRec) => Array.from(step.nodes, (i) => builder.nodes[i]!);
  const edgesOf = (step: StepRec) => Array.from(step.edges, (i) => builder.edges[i]!);
  const setattr = (o: Ref, name: string, v: Ref) => setAttr(heap, o, name, v);
  return { heap, gc, OBJ, globals, builder, capture, nodesOf, edgesOf, setattr };
}

const byType = (nodes: NodeRec[], t: string) => nodes.filter((n) => n.type === t);

describe('SnapshotBuilder', () => {
  for (const version of ['2.7', '3.12'] as const) {
    it(`${version}: globals are the root, with objects, refcounts and attribute edges`, () => {
      const { heap, OBJ, globals, capture, nodesOf, edgesOf, setattr } = setup(version);
      const a = call(heap, OBJ, []);
      const b = call(heap, OBJ, []);
      setattr(a, 'attr_b', b);
      dictSetStr(heap, globals, 'a', a);
      dictSetStr(heap, globals, 'b', b);
      heap.decref(a);
      heap.decref(b);
      const step = capture();
      const nodes = nodesOf(step);
      const root = nodes.find((n) => n.flags & NF.GLOBALS)!;
      expect(root.ref).toBe(globals);
      expect(root.flags & NF.ROOT).toBeTruthy();
      const objs = byType(nodes, 'OBJ');
      expect(objs.map((n) => n.ref).sort()).toEqual([a, b].sort());
      expect(objs.find((n) => n.ref === b)!.rc).toBe(2);
      const edges = edgesOf(step);
      expect(edges).toContainEqual({ from: globals, to: a, label: 'a', kind: EK.REF });
      if (version === '2.7') {
        // 2.7: attributes live in a separate dict object.
        const d = edges.find((e) => e.from === a && e.label === '__dict__')!;
        expect(d).toBeDefined();
        expect(edges).toContainEqual({ from: d.to, to: b, label: 'attr_b', kind: EK.REF });
      } else {
        expect(edges).toContainEqual({ from: a, to: b, label: 'attr_b', kind: EK.REF });
      }
      expect(edges.some((e) => e.from === a && e.kind === EK.TYPE && e.to === heap.typ[a])).toBe(true);
      expect(step.omitted).toBe(0);
      expect(nodes.some((n) => n.flags & NF.UNREACHABLE && n.type === 'OBJ')).toBe(false);
    });

    it(`${version}: a cycle dropped by every root is unreachable, and a collection frees it`, () => {
      const { heap, gc, OBJ, capture, nodesOf, setattr } = setup(version);
      const a = call(heap, OBJ, []);
      const b = call(heap, OBJ, []);
      setattr(a, 'attr_b', b);
      setattr(b, 'attr_a', a);
      heap.decref(a);
      heap.decref(b);
      const before = nodesOf(capture());
      const garbage = before.filter((n) => n.flags & NF.UNREACHABLE);
      expect(garbage.filter((n) => n.type === 'OBJ').map((n) => n.ref).sort()).toEqual([a, b].sort());
      expect(garbage.length).toBe(version === '2.7' ? 4 : 2);
      expect(gc.collect(2)).toBe(version === '2.7' ? 4 : 2);
      const after = nodesOf(capture());
      expect(after.some((n) => n.flags & NF.UNREACHABLE)).toBe(false);
      expect(byType(after, 'OBJ')).toEqual([]);
    });

    it(`${version}: frames are roots with their locals by name`, () => {
      const { heap, capture, nodesOf, edgesOf, globals } = setup(version);
      const l = newList(heap, []);
      const one = newInt(heap, 1);
      listAppend(heap, l, one);
      heap.decref(one);
      const step = capture([
        { name: '<module>', line: 9, isModule: true, fast: [], names: [], frameObj: 0, locals: 0, globals },
        { name: 'f', line: 3, isModule: false, fast: [l, 0], names: ['items', 'unbound'], frameObj: 0, locals: 0, globals },
      ]);
      const nodes = nodesOf(step);
      const frame = nodes.find((n) => n.flags & NF.FRAME)!;
      expect(frame.ref).toBe(-2);
      expect(frame.label).toBe('f line 3');
      expect(edgesOf(step)).toContainEqual({ from: -2, to: l, label: 'items', kind: EK.REF });
      expect(edgesOf(step)).toContainEqual({ from: l, to: one, label: '[0]', kind: EK.REF });
      expect(nodes.find((n) => n.ref === l)!.label).toBe('[1]');
      expect(step.stack).toEqual([
        { name: '<module>', line: 9 },
        { name: 'f', line: 3 },
      ]);
      heap.decref(l);
    });
  }

  it('interns unchanged node states across steps', () => {
    const { heap, globals, builder, capture } = setup('3.12');
    const l = newList(heap, []);
    dictSetStr(heap, globals, 'l', l);
    const s1 = capture();
    const n1 = builder.nodes.length;
    const s2 = capture();
    expect(builder.nodes.length).toBe(n1);
    expect(Array.from(s2.nodes)).toEqual(Array.from(s1.nodes));
    const x = newInt(heap, 12345);
    listAppend(heap, l, x);
    heap.decref(x);
    capture();
    // The list's label changed and the int is new; nothing else.
    expect(builder.nodes.length).toBe(n1 + 2);
    heap.decref(l);
  });

  it('caps the number of recorded objects and counts the rest', () => {
    const { heap, globals, OBJ } = setup('3.12');
    const builder = new SnapshotBuilder(heap, { maxNodes: 50 });
    const l = newList(heap, []);
    for (let i = 0; i < 200; i++) {
      const o = call(heap, OBJ, []);
      listAppend(heap, l, o);
      heap.decref(o);
    }
    dictSetStr(heap, globals, 'l', l);
    heap.decref(l);
    const step = builder.capture([], globals, { event: 0, line: 1, out: 0, collections: 0 });
    expect(step.nodes.length).toBe(50);
    expect(step.omitted).toBeGreaterThanOrEqual(150);
    // Every recorded edge ends at a recorded node.
    const refs = new Set(Array.from(step.nodes, (i) => builder.nodes[i]!.ref));
    for (const e of Array.from(step.edges, (i) => builder.edges[i]!)) expect(refs.has(e.to)).toBe(true);
  });

  it('labelled edges cover what the collector traverses', () => {
    for (const version of ['2.7', '3.12'] as const) {
      const { heap, OBJ, globals, setattr } = setup(version);
      const a = call(heap, OBJ, []);
      const d = newDict(heap);
      setattr(a, 'd', d);
      dictSetStr(heap, d, 'self', a);
      dictSetStr(heap, globals, 'a', a);
      for (const r of [a, d, globals, OBJ]) {
        const viaReferents: Ref[] = [];
        referents(heap, r, viaReferents);
        const viaLabels: Ref[] = [];
        labeledEdges(heap, r, (to, _l, kind) => {
          if (kind !== EK.WEAK && kind !== EK.FOLDED) viaLabels.push(to);
        });
        // 3.12 dicts with str keys do not traverse their keys; labelled edges fold keys into labels.
        expect(new Set(viaLabels)).toEqual(new Set(viaReferents.filter((x) => heap.kind[x] !== 6 || viaLabels.includes(x))));
      }
    }
  });
});
