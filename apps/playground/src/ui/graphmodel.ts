/**
 * From a recorded step to what the graph shows: the view options (collapse library objects and
 * bookkeeping references, filter by type, focus on an object's neighbourhood) applied to the
 * step's nodes and edges. Pure and allocation-light: it runs on every step.
 */
import { EK, type EdgeRec, NF, type NodeRec, type Recording } from '../engine/types.js';

export interface ViewOptions {
  /** Hide library objects (builtin types/functions, modules, code), None/True/False and bookkeeping references. */
  collapse: boolean;
  /** Draw instance → class references. */
  typeEdges: boolean;
  /** Only these type names (empty: all). Roots are always kept. */
  types: ReadonlySet<string>;
  /** Show only this object's neighbourhood. */
  focus: { ref: number; depth: number } | null;
}

export const DEFAULT_VIEW: ViewOptions = { collapse: true, typeEdges: false, types: new Set(), focus: null };

export interface ViewNode {
  rec: NodeRec;
  /** Interned node-state id (changes when the object's label/rc/flags change). */
  id: number;
  /** Reachable from a root along the visible references. */
  reachable: boolean;
}

export interface ViewEdge {
  rec: EdgeRec;
  id: number;
}

export interface GraphViewData {
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** Node index by ref. */
  index: Map<number, number>;
  /** Objects hidden by the options. */
  hidden: number;
  /** Type names present in the step (for the filter). */
  typeCounts: Map<string, number>;
}

function hiddenByCollapse(n: NodeRec): boolean {
  if (n.flags & NF.ROOT) return false;
  if (n.flags & (NF.UNREACHABLE | NF.IN_GARBAGE)) return false;
  return (n.flags & (NF.SINGLETON | NF.BUILTIN)) !== 0;
}

/** Which references are drawn. */
function edgeShown(e: EdgeRec, opts: ViewOptions): boolean {
  if (e.kind === EK.TYPE) return opts.typeEdges;
  if (e.kind === EK.INTERNAL) return !opts.collapse;
  if (e.kind === EK.FOLDED) return opts.collapse;
  return true;
}

export function buildView(rec: Recording, stepIndex: number, opts: ViewOptions): GraphViewData {
  const step = rec.steps[stepIndex]!;
  const allNodes = rec.nodes;
  const allEdges = rec.edges;
  const typeCounts = new Map<string, number>();

  // Nodes by ref.
  const nodeOf = new Map<number, number>();
  for (const id of step.nodes) {
    const n = allNodes[id]!;
    nodeOf.set(n.ref, id);
    if (!(n.flags & NF.ROOT)) typeCounts.set(n.type, (typeCounts.get(n.type) ?? 0) + 1);
  }

  // Candidate nodes: collapse rules and type filter.
  const keep = new Set<number>();
  for (const id of step.nodes) {
    const n = allNodes[id]!;
    if (opts.collapse && hiddenByCollapse(n)) continue;
    if (opts.types.size > 0 && !(n.flags & NF.ROOT) && !opts.types.has(n.type)) continue;
    keep.add(n.ref);
  }

  // Candidate edges between kept nodes.
  const out = new Map<number, number[]>();
  const inn = new Map<number, number[]>();
  const edgeIds: number[] = [];
  for (const id of step.edges) {
    const e = allEdges[id]!;
    if (!keep.has(e.from) || !keep.has(e.to) || !edgeShown(e, opts)) continue;
    edgeIds.push(id);
    const o = out.get(e.from);
    if (o === undefined) out.set(e.from, [e.to]);
    else o.push(e.to);
    const i = inn.get(e.to);
    if (i === undefined) inn.set(e.to, [e.from]);
    else i.push(e.from);
  }

  // With collapse: objects only reachable through hidden references disappear (a function's
  // code and name, a class's mro tuple...). Garbage and roots stay.
  const reachable = new Set<number>();
  const queue: number[] = [];
  for (const ref of keep) {
    const n = allNodes[nodeOf.get(ref)!]!;
    if (n.flags & NF.ROOT) {
      reachable.add(ref);
      queue.push(ref);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    for (const t of out.get(queue[i]!) ?? []) {
      if (!reachable.has(t)) {
        reachable.add(t);
        queue.push(t);
      }
    }
  }
  let visible: Set<number>;
  if (opts.collapse && opts.types.size === 0) {
    visible = new Set(reachable);
    // Unreachable objects and what they reach.
    const q2: number[] = [];
    for (const ref of keep) {
      const n = allNodes[nodeOf.get(ref)!]!;
      if (n.flags & (NF.UNREACHABLE | NF.IN_GARBAGE) && !visible.has(ref)) {
        visible.add(ref);
        q2.push(ref);
      }
    }
    for (let i = 0; i < q2.length; i++) {
      for (const t of out.get(q2[i]!) ?? []) {
        if (!visible.has(t)) {
          visible.add(t);
          q2.push(t);
        }
      }
    }
  } else visible = keep;

  // Focus: the undirected neighbourhood of one object.
  if (opts.focus !== null && visible.has(opts.focus.ref)) {
    const near = new Set<number>([opts.focus.ref]);
    let frontier = [opts.focus.ref];
    for (let d = 0; d < opts.focus.depth && frontier.length > 0; d++) {
      const next: number[] = [];
      for (const r of frontier) {
        for (const t of [...(out.get(r) ?? []), ...(inn.get(r) ?? [])]) {
          if (visible.has(t) && !near.has(t)) {
            near.add(t);
            next.push(t);
          }
        }
      }
      frontier = next;
    }
    visible = near;
  }

  const nodes: ViewNode[] = [];
  const index = new Map<number, number>();
  for (const id of step.nodes) {
    const n = allNodes[id]!;
    if (!visible.has(n.ref)) continue;
    index.set(n.ref, nodes.length);
    nodes.push({ rec: n, id, reachable: reachable.has(n.ref) });
  }
  const edges: ViewEdge[] = [];
  for (const id of edgeIds) {
    const e = allEdges[id]!;
    if (visible.has(e.from) && visible.has(e.to)) edges.push({ rec: e, id });
  }
  return { nodes, edges, index, hidden: step.nodes.length - nodes.length, typeCounts };
}
