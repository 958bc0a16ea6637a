import { describe, expect, it } from 'vitest';
import { EK, type EdgeRec, NF, type NodeRec, type Recording } from '../engine/types.js';
import { DEFAULT_VIEW, buildView } from './graphmodel.js';
import { layoutGraph, nodeWidth } from './layout.js';

/** A one-step recording from node and edge lists. */
function recording(nodes: Partial<NodeRec>[], edges: [number, number, string, number?][]): Recording {
  const n: NodeRec[] = nodes.map((x) => ({ ref: 0, type: 'OBJ', label: '', rc: 1, gen: 0, flags: 0, ...x }));
  const e: EdgeRec[] = edges.map(([from, to, label, kind]) => ({ from, to, label, kind: kind ?? EK.REF }));
  return {
    version: '3.12',
    nodes: n,
    edges: e,
    steps: [
      {
        event: 0,
        line: 1,
        depth: 1,
        nodes: Int32Array.from(n.keys()),
        edges: Int32Array.from(e.keys()),
        out: 0,
        collections: 0,
        gc: { enabled: true, thresholds: [700, 10, 10], counts: [0, 0, 0], debug: 0, garbage: 0, sizes: [0, 0, 0] },
        stack: [],
        live: n.length,
        tracked: n.length,
        omitted: 0,
      },
    ],
    console: [],
    collections: [],
    files: [],
    exitCode: 0,
    notices: [],
    debugFlags: [],
    timing: { totalMs: 0, snapshotMs: 0 },
  };
}

// globals(1) -> a(2) -> b(3) -> a; a -> None(4); a -> class OBJ(5) (type edge); class -> func (6) folded;
// class -> dict (7) internal -> func; orphan cycle 8 <-> 9.
const REC = recording(
  [
    { ref: 1, type: 'dict', flags: NF.ROOT | NF.GLOBALS },
    { ref: 2 },
    { ref: 3 },
    { ref: 4, type: 'NoneType', flags: NF.SINGLETON | NF.PRIMITIVE },
    { ref: 5, type: 'type', flags: NF.CLASS },
    { ref: 6, type: 'function' },
    { ref: 7, type: 'dict' },
    { ref: 8, flags: NF.UNREACHABLE },
    { ref: 9, flags: NF.UNREACHABLE },
    { ref: 10, type: 'builtin_function_or_method', flags: NF.BUILTIN },
  ],
  [
    [1, 2, 'a'],
    [1, 5, 'OBJ'],
    [1, 10, 'len'],
    [2, 3, 'attr'],
    [3, 2, 'back'],
    [2, 4, 'x'],
    [2, 5, '__class__', EK.TYPE],
    [5, 7, '__dict__', EK.INTERNAL],
    [7, 6, 'method'],
    [5, 6, 'method', EK.FOLDED],
    [8, 9, 'p'],
    [9, 8, 'q'],
  ],
);

const refs = (v: ReturnType<typeof buildView>) => v.nodes.map((n) => n.rec.ref).sort((a, b) => a - b);

describe('buildView', () => {
  it('collapsed: no singletons, builtins, bookkeeping or type edges; garbage kept', () => {
    const v = buildView(REC, 0, DEFAULT_VIEW);
    expect(refs(v)).toEqual([1, 2, 3, 5, 6, 8, 9]);
    expect(v.edges.map((e) => e.rec.label).sort()).toEqual(['OBJ', 'a', 'attr', 'back', 'method', 'p', 'q']);
    expect(v.edges.find((e) => e.rec.label === 'method')!.rec.kind).toBe(EK.FOLDED);
    expect(v.nodes.find((n) => n.rec.ref === 8)!.reachable).toBe(false);
    expect(v.nodes.find((n) => n.rec.ref === 3)!.reachable).toBe(true);
    expect(v.hidden).toBe(3);
  });

  it('expanded: everything, with the real class dict instead of the folded shortcut', () => {
    const v = buildView(REC, 0, { ...DEFAULT_VIEW, collapse: false, typeEdges: true });
    expect(refs(v)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const labels = v.edges.map((e) => `${e.rec.from}-${e.rec.label}-${e.rec.kind}`);
    expect(labels).toContain(`5-__dict__-${EK.INTERNAL}`);
    expect(labels).not.toContain(`5-method-${EK.FOLDED}`);
    expect(labels).toContain(`2-__class__-${EK.TYPE}`);
  });

  it('filters by type, keeping roots', () => {
    const v = buildView(REC, 0, { ...DEFAULT_VIEW, types: new Set(['function']) });
    expect(refs(v)).toEqual([1, 6]);
    expect(v.typeCounts.get('OBJ')).toBe(4);
  });

  it('focuses on a neighbourhood in both directions', () => {
    expect(refs(buildView(REC, 0, { ...DEFAULT_VIEW, focus: { ref: 3, depth: 1 } }))).toEqual([2, 3]);
    expect(refs(buildView(REC, 0, { ...DEFAULT_VIEW, focus: { ref: 3, depth: 2 } }))).toEqual([1, 2, 3]);
    expect(refs(buildView(REC, 0, { ...DEFAULT_VIEW, typeEdges: true, focus: { ref: 3, depth: 2 } }))).toEqual([1, 2, 3, 5]);
  });
});

describe('layoutGraph', () => {
  it('columns are distances from the roots; unreachable objects get their own band below', () => {
    const v = buildView(REC, 0, DEFAULT_VIEW);
    const l = layoutGraph(v);
    const at = (ref: number) => v.index.get(ref)!;
    expect(l.col[at(1)]).toBe(0);
    expect(l.col[at(2)]).toBe(1);
    expect(l.col[at(3)]).toBe(2);
    expect(l.x[at(3)]).toBeGreaterThan(l.x[at(2)]! + l.w[at(2)]!);
    expect(l.bandTop).toBeGreaterThan(0);
    for (const r of [8, 9]) expect(l.y[at(r)]).toBeGreaterThan(l.bandTop);
    for (const r of [1, 2, 3, 5, 6]) expect(l.y[at(r)]! + l.h[at(r)]!).toBeLessThanOrEqual(l.bandTop);
  });

  it('never overlaps boxes in a column, and lays out 1,000 nodes without quadratic blow-up', () => {
    const nodes: Partial<NodeRec>[] = [{ ref: 1, type: 'dict', flags: NF.ROOT | NF.GLOBALS }, { ref: 2, type: 'list' }];
    const edges: [number, number, string][] = [[1, 2, 'items']];
    for (let i = 0; i < 1000; i++) {
      nodes.push({ ref: 100 + i, label: `0x7f${i}` });
      edges.push([2, 100 + i, `[${i}]`]);
      if (i % 3 === 0 && i > 0) edges.push([100 + i, 100 + i - 1, 'next']);
    }
    const rec = recording(nodes, edges);
    const v = buildView(rec, 0, DEFAULT_VIEW);
    const t0 = performance.now();
    const l = layoutGraph(v);
    const ms = performance.now() - t0;
    // A few ms on an idle machine; the bound only catches a quadratic layout (seconds), not noise.
    expect(ms).toBeLessThan(1000);
    const byCol = new Map<number, number[]>();
    for (let i = 0; i < v.nodes.length; i++) {
      const list = byCol.get(l.col[i]!) ?? [];
      list.push(i);
      byCol.set(l.col[i]!, list);
    }
    for (const list of byCol.values()) {
      list.sort((a, b) => l.y[a]! - l.y[b]!);
      for (let k = 1; k < list.length; k++) expect(l.y[list[k]!]!).toBeGreaterThanOrEqual(l.y[list[k - 1]!]! + l.h[list[k - 1]!]!);
    }
  });

  it('sizes boxes to their text within bounds', () => {
    expect(nodeWidth('OBJ', '0x7f0000001230', 'rc 2')).toBeGreaterThan(nodeWidth('int', '1', 'rc 2'));
    expect(nodeWidth('x'.repeat(200), '', '')).toBe(260);
  });
});
