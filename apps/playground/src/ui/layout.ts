/**
 * A layered layout for heap graphs, computed here instead of by Graphviz: Graphviz (wasm) takes
 * hundreds of milliseconds on a thousand nodes, this takes a few (see README for numbers).
 *
 * - Columns are breadth-first distances from the roots (globals, frames, gc.garbage), left to
 *   right, so "how far from a root" reads directly off the picture.
 * - Objects no root reaches (the next collection's garbage) get their own band below.
 * - Within a column, nodes are ordered by the mean position of their parents (one barycenter
 *   sweep) and placed as close to their parents' height as the column allows.
 */
import type { GraphViewData } from './graphmodel.js';

export interface Layout {
  x: Float64Array;
  y: Float64Array;
  w: Float64Array;
  h: Float64Array;
  /** Column of each node. */
  col: Int32Array;
  width: number;
  height: number;
  /** Top of the unreachable band, or -1 when every node is reachable from a root. */
  bandTop: number;
}

export const NODE_H = 40;
const GAP_X = 96;
const GAP_Y = 14;
const CHAR_W = 7;
const MIN_W = 70;
const MAX_W = 260;

/** Width of a node box for its two text lines. */
export function nodeWidth(type: string, label: string, rcText: string): number {
  const l1 = type.length + rcText.length + 2;
  const l2 = label.length;
  return Math.min(MAX_W, Math.max(MIN_W, Math.max(l1, l2) * CHAR_W + 18));
}

export function rcText(rc: number, immortal: boolean): string {
  if (immortal) return 'rc ∞';
  return rc < 0 ? '' : `rc ${rc}`;
}

export function layoutGraph(view: GraphViewData): Layout {
  const n = view.nodes.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const w = new Float64Array(n);
  const h = new Float64Array(n).fill(NODE_H);
  const col = new Int32Array(n).fill(-1);
  const band = new Uint8Array(n);
  const out: number[][] = Array.from({ length: n }, () => []);
  const inn: number[][] = Array.from({ length: n }, () => []);
  for (const e of view.edges) {
    const a = view.index.get(e.rec.from);
    const b = view.index.get(e.rec.to);
    if (a === undefined || b === undefined || a === b) continue;
    out[a]!.push(b);
    inn[b]!.push(a);
  }
  for (let i = 0; i < n; i++) {
    const r = view.nodes[i]!.rec;
    w[i] = nodeWidth(r.type, r.label, rcText(r.rc, (r.flags & 16) !== 0));
  }

  // Columns: BFS from the roots; then from the heads of the remaining islands.
  const order: number[] = [];
  const bfs = (seeds: number[], b: number) => {
    const start = order.length;
    for (const s of seeds) {
      if (col[s] !== -1) continue;
      col[s] = 0;
      band[s] = b;
      order.push(s);
    }
    for (let i = start; i < order.length; i++) {
      const v = order[i]!;
      for (const t of out[v]!) {
        if (col[t] === -1) {
          col[t] = col[v]! + 1;
          band[t] = b;
          order.push(t);
        }
      }
    }
  };
  const roots: number[] = [];
  for (let i = 0; i < n; i++) if (view.nodes[i]!.rec.flags & 1) roots.push(i);
  bfs(roots, 0);
  const mainCount = order.length;
  if (mainCount < n) {
    // Island heads: nothing outside points at them; then anything left (pure cycles).
    const heads: number[] = [];
    for (let i = 0; i < n; i++) if (col[i] === -1 && inn[i]!.every((p) => col[p] !== -1 || p === i)) heads.push(i);
    bfs(heads, 1);
    for (let i = 0; i < n; i++) if (col[i] === -1) bfs([i], 1);
  }

  // Column widths (shared by both bands so columns line up).
  let maxCol = 0;
  for (let i = 0; i < n; i++) if (col[i]! > maxCol) maxCol = col[i]!;
  const colW = new Float64Array(maxCol + 1);
  for (let i = 0; i < n; i++) if (w[i]! > colW[col[i]!]!) colW[col[i]!] = w[i]!;
  const colX = new Float64Array(maxCol + 1);
  for (let c = 1; c <= maxCol; c++) colX[c] = colX[c - 1]! + colW[c - 1]! + GAP_X;

  const place = (b: number, top: number): number => {
    const columns: number[][] = Array.from({ length: maxCol + 1 }, () => []);
    for (const v of order) if (band[v] === b) columns[col[v]!]!.push(v);
    let bottom = top;
    const placed = new Uint8Array(n);
    for (let c = 0; c <= maxCol; c++) {
      const list = columns[c]!;
      if (list.length === 0) continue;
      const want = new Float64Array(list.length);
      for (let k = 0; k < list.length; k++) {
        const v = list[k]!;
        let sum = 0;
        let cnt = 0;
        for (const p of inn[v]!) {
          if (placed[p] && band[p] === b) {
            sum += y[p]! + h[p]! / 2;
            cnt++;
          }
        }
        want[k] = cnt > 0 ? sum / cnt - h[v]! / 2 : Number.NaN;
      }
      // Barycenter order; nodes without placed parents keep their discovery order.
      const idx = list.map((_, k) => k);
      let last = top;
      for (let k = 0; k < idx.length; k++) {
        const wv = want[k]!;
        if (Number.isNaN(wv)) want[k] = last;
        else last = wv;
      }
      idx.sort((a, b2) => want[a]! - want[b2]! || a - b2);
      let cursor = top;
      for (const k of idx) {
        const v = list[k]!;
        const yy = Math.max(cursor, want[k]!);
        y[v] = yy;
        x[v] = colX[c]!;
        placed[v] = 1;
        cursor = yy + h[v]! + GAP_Y;
      }
      if (cursor > bottom) bottom = cursor;
    }
    return bottom;
  };
  const mainBottom = place(0, 0);
  let bandTop = -1;
  let height = mainBottom;
  if (mainCount < n) {
    bandTop = mainBottom + 40;
    height = place(1, bandTop + 50);
  }
  let width = 0;
  for (let i = 0; i < n; i++) if (x[i]! + w[i]! > width) width = x[i]! + w[i]!;
  return { x, y, w, h, col, width, height, bandTop };
}
