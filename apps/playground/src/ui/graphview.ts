/**
 * The heap picture: an SVG drawn from a `GraphViewData` with the layered layout, patched in
 * place from step to step (elements are keyed by object and by edge, and only what changed is
 * touched), with pan, zoom and selection.
 */
import { EK, NF } from '../engine/types.js';
import { SVG_NS, s, setText } from './dom.js';
import type { GraphViewData } from './graphmodel.js';
import { type Layout, layoutGraph, rcText } from './layout.js';

interface NodeEl {
  g: SVGGElement;
  rect: SVGRectElement;
  type: SVGTextElement;
  rc: SVGTextElement;
  label: SVGTextElement;
  badge: SVGTextElement;
  title: SVGTitleElement;
  stateId: number;
  cls: string;
  x: number;
  y: number;
  w: number;
}

interface EdgeEl {
  path: SVGPathElement;
  text: SVGTextElement | null;
  d: string;
  cls: string;
}

export interface GraphCallbacks {
  onSelect(ref: number | null): void;
  onFocus(ref: number): void;
}

const GEN_CLASS: Record<number, string> = { [-2]: 'gen-collecting', [-1]: 'gen-none', 0: 'gen-0', 1: 'gen-1', 2: 'gen-2', 3: 'gen-perm' };

function hexId(ref: number): string {
  return ref > 0 ? `0x${(0x7f0000000000 + ref * 16).toString(16)}` : '';
}

function genName(gen: number): string {
  switch (gen) {
    case -2:
      return 'being collected';
    case -1:
      return 'not tracked by the collector';
    case 3:
      return 'permanent generation (frozen)';
    default:
      return `generation ${gen}`;
  }
}

export class GraphView {
  readonly svg: SVGSVGElement;
  private readonly viewport: SVGGElement;
  private readonly edgeLayer: SVGGElement;
  private readonly labelLayer: SVGGElement;
  private readonly nodeLayer: SVGGElement;
  private readonly band: SVGGElement;
  private readonly bandRect: SVGRectElement;
  private readonly bandText: SVGTextElement;
  private readonly nodes = new Map<number, NodeEl>();
  private readonly edges = new Map<number, EdgeEl>();
  private layout: Layout | null = null;
  private prevRefs: number[] = [];
  private prevWidths: number[] = [];
  private prevEdges: number[] = [];
  private view: GraphViewData | null = null;
  private selected: number | null = null;
  private tx = 20;
  private ty = 20;
  private k = 1;
  /** Milliseconds the last `update` took (model → layout → DOM). */
  lastUpdateMs = 0;
  lastLayoutReused = false;

  constructor(
    readonly container: HTMLElement,
    private readonly callbacks: GraphCallbacks,
  ) {
    this.svg = s('svg', { class: 'heap-svg', role: 'img', 'aria-label': 'Heap graph' });
    const defs = s('defs');
    for (const [id, cls] of [
      ['arrow', 'arrow'],
      ['arrow-weak', 'arrow weak'],
      ['arrow-sel', 'arrow sel'],
      ['arrow-type', 'arrow type'],
    ] as const) {
      defs.append(
        s(
          'marker',
          { id: `${this.uid}-${id}`, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
          s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: cls }),
        ),
      );
    }
    this.viewport = s('g', { class: 'viewport' });
    this.band = s('g', { class: 'band', visibility: 'hidden' });
    this.bandRect = s('rect', { class: 'band-rect', rx: 8 });
    this.bandText = s('text', { class: 'band-text' }, 'Unreachable from every root — a full collection would find these');
    this.band.append(this.bandRect, this.bandText);
    this.edgeLayer = s('g', { class: 'edges' });
    this.labelLayer = s('g', { class: 'edge-labels' });
    this.nodeLayer = s('g', { class: 'nodes' });
    this.viewport.append(this.band, this.edgeLayer, this.nodeLayer, this.labelLayer);
    this.svg.append(defs, this.viewport);
    container.append(this.svg);
    this.installInteraction();
  }

  private readonly uid = `g${Math.random().toString(36).slice(2, 8)}`;

  private installInteraction(): void {
    let drag: { x: number; y: number; tx: number; ty: number; moved: boolean } | null = null;
    this.svg.addEventListener('pointerdown', (ev) => {
      if ((ev.target as Element).closest('.node')) return;
      drag = { x: ev.clientX, y: ev.clientY, tx: this.tx, ty: this.ty, moved: false };
      this.svg.setPointerCapture(ev.pointerId);
    });
    this.svg.addEventListener('pointermove', (ev) => {
      if (drag === null) return;
      const dx = ev.clientX - drag.x;
      const dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      this.tx = drag.tx + dx;
      this.ty = drag.ty + dy;
      this.applyTransform();
    });
    this.svg.addEventListener('pointerup', (ev) => {
      if (drag !== null && !drag.moved && !(ev.target as Element).closest('.node')) this.callbacks.onSelect(null);
      drag = null;
    });
    this.svg.addEventListener(
      'wheel',
      (ev) => {
        ev.preventDefault();
        const r = this.svg.getBoundingClientRect();
        this.zoomAt(ev.clientX - r.left, ev.clientY - r.top, Math.exp(-ev.deltaY * 0.0015));
      },
      { passive: false },
    );
    this.nodeLayer.addEventListener('click', (ev) => {
      const g = (ev.target as Element).closest('.node');
      if (g === null) return;
      this.callbacks.onSelect(Number(g.getAttribute('data-ref')));
    });
    this.nodeLayer.addEventListener('dblclick', (ev) => {
      const g = (ev.target as Element).closest('.node');
      if (g !== null) this.callbacks.onFocus(Number(g.getAttribute('data-ref')));
    });
    this.nodeLayer.addEventListener('keydown', (ev) => {
      const g = (ev.target as Element).closest('.node');
      if (g === null) return;
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        this.callbacks.onSelect(Number(g.getAttribute('data-ref')));
      }
    });
  }

  zoomAt(px: number, py: number, factor: number): void {
    const k = Math.min(3, Math.max(0.05, this.k * factor));
    const f = k / this.k;
    this.tx = px - (px - this.tx) * f;
    this.ty = py - (py - this.ty) * f;
    this.k = k;
    this.applyTransform();
  }

  zoom(factor: number): void {
    const r = this.svg.getBoundingClientRect();
    this.zoomAt(r.width / 2, r.height / 2, factor);
  }

  /** Scale and move so the whole graph is visible (never enlarging past 100%). */
  fit(): void {
    const l = this.layout;
    const r = this.svg.getBoundingClientRect();
    if (l === null || r.width === 0) return;
    const k = Math.min(1, (r.width - 40) / Math.max(1, l.width), (r.height - 40) / Math.max(1, l.height + 20));
    this.k = Math.max(0.05, k);
    this.tx = 20;
    this.ty = 24;
    this.applyTransform();
  }

  /** Bring a node into view (after selecting it from a list). */
  reveal(ref: number): void {
    const el = this.nodes.get(ref);
    const r = this.svg.getBoundingClientRect();
    if (el === undefined || r.width === 0) return;
    const sx = el.x * this.k + this.tx;
    const sy = el.y * this.k + this.ty;
    if (sx < 0 || sy < 0 || sx > r.width - 40 || sy > r.height - 40) {
      this.tx = r.width / 3 - el.x * this.k;
      this.ty = r.height / 3 - el.y * this.k;
      this.applyTransform();
    }
  }

  private applyTransform(): void {
    this.viewport.setAttribute('transform', `translate(${this.tx.toFixed(1)},${this.ty.toFixed(1)}) scale(${this.k.toFixed(4)})`);
  }

  get scale(): number {
    return this.k;
  }

  private sameStructure(view: GraphViewData, widths: number[]): boolean {
    const n = view.nodes.length;
    if (n !== this.prevRefs.length || view.edges.length !== this.prevEdges.length) return false;
    for (let i = 0; i < n; i++) if (view.nodes[i]!.rec.ref !== this.prevRefs[i] || widths[i] !== this.prevWidths[i]) return false;
    for (let i = 0; i < view.edges.length; i++) {
      const e = view.edges[i]!.rec;
      const p = this.prevEdges[i]!;
      if (p !== (e.from * 31 + e.to) * 7 + e.kind) return false;
    }
    return true;
  }

  /** Draw a step. */
  update(view: GraphViewData, selected: number | null): void {
    const t0 = performance.now();
    this.view = view;
    this.selected = selected;
    const widths = view.nodes.map((n) => n.rec.label.length * 1000 + n.rec.type.length * 10 + rcText(n.rec.rc, (n.rec.flags & NF.IMMORTAL) !== 0).length);
    const reuse = this.layout !== null && this.sameStructure(view, widths);
    this.lastLayoutReused = reuse;
    if (!reuse) {
      this.layout = layoutGraph(view);
      this.prevRefs = view.nodes.map((n) => n.rec.ref);
      this.prevWidths = widths;
      this.prevEdges = view.edges.map((e) => (e.rec.from * 31 + e.rec.to) * 7 + e.rec.kind);
    }
    const layout = this.layout!;
    this.patchNodes(view, layout, selected);
    this.patchEdges(view, layout, selected);
    if (layout.bandTop >= 0) {
      this.band.setAttribute('visibility', 'visible');
      this.bandRect.setAttribute('x', '-12');
      this.bandRect.setAttribute('y', String(layout.bandTop));
      this.bandRect.setAttribute('width', String(layout.width + 24));
      this.bandRect.setAttribute('height', String(layout.height - layout.bandTop + 8));
      this.bandText.setAttribute('x', '0');
      this.bandText.setAttribute('y', String(layout.bandTop + 20));
    } else this.band.setAttribute('visibility', 'hidden');
    this.lastUpdateMs = performance.now() - t0;
  }

  private patchNodes(view: GraphViewData, layout: Layout, selected: number | null): void {
    const seen = new Set<number>();
    for (let i = 0; i < view.nodes.length; i++) {
      const vn = view.nodes[i]!;
      const r = vn.rec;
      seen.add(r.ref);
      let el = this.nodes.get(r.ref);
      if (el === undefined) {
        el = this.createNode(r.ref);
        this.nodes.set(r.ref, el);
        this.nodeLayer.append(el.g);
      }
      const x = layout.x[i]!;
      const y = layout.y[i]!;
      const w = layout.w[i]!;
      if (el.x !== x || el.y !== y) {
        el.g.setAttribute('transform', `translate(${x},${y})`);
        el.x = x;
        el.y = y;
      }
      if (el.w !== w) {
        el.rect.setAttribute('width', String(w));
        el.rc.setAttribute('x', String(w - 6));
        el.badge.setAttribute('x', String(w));
        el.w = w;
      }
      const f = r.flags;
      let cls = `node ${GEN_CLASS[r.gen] ?? 'gen-none'}`;
      if (f & NF.ROOT) cls += ' root';
      if (f & NF.FRAME) cls += ' frame';
      if (f & NF.UNREACHABLE) cls += ' unreachable';
      if (f & NF.UNCOLLECTABLE) cls += ' uncollectable';
      if (f & NF.IN_GARBAGE) cls += ' in-garbage';
      if (f & NF.GARBAGE_LIST) cls += ' garbage-list';
      if (f & NF.HAS_DEL) cls += ' has-del';
      if (f & NF.PRIMITIVE) cls += ' primitive';
      if (f & NF.BUILTIN) cls += ' builtin';
      if (!vn.reachable && !(f & NF.UNREACHABLE)) cls += ' detached';
      if (r.ref === selected) cls += ' selected';
      if (el.cls !== cls) {
        el.g.setAttribute('class', cls);
        el.cls = cls;
      }
      if (el.stateId !== vn.id) {
        el.stateId = vn.id;
        setText(el.type, r.type);
        setText(el.rc, rcText(r.rc, (f & NF.IMMORTAL) !== 0));
        setText(el.label, r.label);
        const badges: string[] = [];
        if (f & NF.HAS_DEL) badges.push('__del__');
        if (f & NF.FINALIZED) badges.push('finalized');
        if (f & NF.IN_GARBAGE) badges.push('in gc.garbage');
        if (f & NF.UNCOLLECTABLE) badges.push('uncollectable');
        else if (f & NF.UNREACHABLE) badges.push('garbage');
        if (f & NF.WEAKLY_REFERENCED) badges.push('weakref’d');
        setText(el.badge, badges.join(' · '));
        const lines = [
          `${r.type}${r.ref > 0 ? ` at ${hexId(r.ref)}` : ''}`,
          r.label,
          r.rc >= 0 ? `refcount ${(f & NF.IMMORTAL) !== 0 ? 'immortal' : r.rc}` : '',
          genName(r.gen),
          badges.join(', '),
        ].filter((l) => l !== '');
        setText(el.title, lines.join('\n'));
        el.g.setAttribute('aria-label', `${r.type} ${r.label}`);
      }
    }
    for (const [ref, el] of this.nodes) {
      if (!seen.has(ref)) {
        el.g.remove();
        this.nodes.delete(ref);
      }
    }
  }

  private createNode(ref: number): NodeEl {
    const g = s('g', { 'data-ref': ref, tabindex: 0, role: 'button' });
    const rect = s('rect', { class: 'box', rx: 6, height: 40, width: 80 });
    const type = s('text', { class: 'ntype', x: 7, y: 15 });
    const rc = s('text', { class: 'nrc', x: 74, y: 15, 'text-anchor': 'end' });
    const label = s('text', { class: 'nlabel', x: 7, y: 32 });
    const badge = s('text', { class: 'nbadge', x: 80, y: -4, 'text-anchor': 'end' });
    const title = document.createElementNS(SVG_NS, 'title');
    g.append(title, rect, type, rc, label, badge);
    return { g, rect, type, rc, label, badge, title, stateId: -1, cls: '', x: Number.NaN, y: Number.NaN, w: -1 };
  }

  private patchEdges(view: GraphViewData, layout: Layout, selected: number | null): void {
    const seen = new Set<number>();
    const idx = view.index;
    for (const ve of view.edges) {
      const e = ve.rec;
      const a = idx.get(e.from)!;
      const b = idx.get(e.to)!;
      seen.add(ve.id);
      let el = this.edges.get(ve.id);
      if (el === undefined) {
        const path = s('path', {});
        const text = e.label !== '' ? s('text', { class: 'elabel' }, e.label) : null;
        el = { path, text, d: '', cls: '' };
        this.edges.set(ve.id, el);
        this.edgeLayer.append(path);
        if (text !== null) this.labelLayer.append(text);
      }
      const ax = layout.x[a]!;
      const ay = layout.y[a]!;
      const aw = layout.w[a]!;
      const ah = layout.h[a]!;
      const bx = layout.x[b]!;
      const by = layout.y[b]!;
      const bw = layout.w[b]!;
      const bh = layout.h[b]!;
      let d: string;
      let lx: number;
      let ly: number;
      let back = false;
      if (a === b) {
        const sx = ax + aw - 18;
        const sy = ay;
        const ex = ax + aw;
        const ey = ay + ah / 2;
        d = `M${sx},${sy} C${sx},${sy - 34} ${ex + 40},${ey - 30} ${ex},${ey}`;
        lx = ex + 6;
        ly = sy - 14;
      } else if (layout.col[b]! > layout.col[a]! && bx > ax + aw) {
        const sx = ax + aw;
        const sy = ay + ah / 2;
        const ex = bx;
        const ey = by + bh / 2;
        const dx = (ex - sx) * 0.5;
        d = `M${sx},${sy} C${sx + dx},${sy} ${ex - dx},${ey} ${ex},${ey}`;
        lx = (sx + 3 * (sx + dx) + 3 * (ex - dx) + ex) / 8;
        ly = (sy + 3 * sy + 3 * ey + ey) / 8;
      } else {
        // Back edge (towards a root, or within a column): a U below both nodes.
        back = true;
        const sx = ax + aw / 2;
        const sy = ay + ah;
        const ex = bx + bw / 2;
        const ey = by + bh;
        const drop = 36 + Math.abs(ex - sx) * 0.12 + Math.abs(ey - sy) * 0.1;
        const bottom = Math.max(sy, ey) + drop;
        d = `M${sx},${sy} C${sx},${bottom} ${ex},${bottom} ${ex},${ey}`;
        lx = (sx + 3 * sx + 3 * ex + ex) / 8;
        ly = (sy + 3 * bottom + 3 * bottom + ey) / 8;
      }
      let cls = 'edge';
      let marker = 'arrow';
      if (e.kind === EK.WEAK) {
        cls += ' weak';
        marker = 'arrow-weak';
      } else if (e.kind === EK.TYPE) {
        cls += ' type';
        marker = 'arrow-type';
      } else if (e.kind === EK.INTERNAL) cls += ' internal';
      if (back) cls += ' back';
      if (selected !== null && (e.from === selected || e.to === selected)) {
        cls += e.from === selected ? ' sel-out' : ' sel-in';
        marker = 'arrow-sel';
      }
      if (el.d !== d) {
        el.path.setAttribute('d', d);
        el.d = d;
        if (el.text !== null) {
          el.text.setAttribute('x', lx.toFixed(1));
          el.text.setAttribute('y', (ly - 3).toFixed(1));
        }
      }
      if (el.cls !== cls) {
        el.path.setAttribute('class', cls);
        el.path.setAttribute('marker-end', `url(#${this.uid}-${marker})`);
        if (el.text !== null) el.text.setAttribute('class', `elabel${cls.includes('sel-') ? ' sel' : ''}${e.kind === EK.WEAK ? ' weak' : ''}`);
        el.cls = cls;
      }
    }
    for (const [id, el] of this.edges) {
      if (!seen.has(id)) {
        el.path.remove();
        el.text?.remove();
        this.edges.delete(id);
      }
    }
  }

  /** Forget everything drawn (a new recording). */
  clear(): void {
    this.nodeLayer.replaceChildren();
    this.edgeLayer.replaceChildren();
    this.labelLayer.replaceChildren();
    this.nodes.clear();
    this.edges.clear();
    this.layout = null;
    this.prevRefs = [];
    this.band.setAttribute('visibility', 'hidden');
  }

  get currentView(): GraphViewData | null {
    return this.view;
  }

  get selectedRef(): number | null {
    return this.selected;
  }
}
