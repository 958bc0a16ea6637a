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
  attached: boolean;
}

interface EdgeEl {
  path: SVGPathElement;
  text: SVGTextElement | null;
  d: string;
  cls: string;
  attached: boolean;
}

/** Below this zoom, text is not drawn (unreadable anyway, and the costliest part of a frame). */
const LOD_SCALE = 0.4;
/** Drawn margin around the visible area, in screen pixels (panning a little needs no redraw). */
const CULL_MARGIN = 300;
/** References drawn per node towards objects off screen. */
const MAX_OFFSCREEN_FAN = 24;

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
  private width = 0;
  private height = 0;
  private redrawPending = false;
  /** The area (layout coordinates) the DOM currently holds elements for. */
  private drawn = { x0: 0, y0: 0, x1: -1, y1: -1 };
  /** Elements currently in the DOM (for tests and the status line). */
  attachedNodes = 0;
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
    // Fixed pixel size, updated on resize: a percentage-sized SVG is laid out again (all its
    // text) whenever anything around it changes size or text.
    const sizeToContainer = () => {
      const w = Math.max(1, Math.round(container.clientWidth));
      const h = Math.max(1, Math.round(container.clientHeight));
      this.width = w;
      this.height = h;
      if (this.svg.getAttribute('width') !== String(w)) this.svg.setAttribute('width', String(w));
      if (this.svg.getAttribute('height') !== String(h)) this.svg.setAttribute('height', String(h));
      this.scheduleRedraw();
    };
    new ResizeObserver(sizeToContainer).observe(container);
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

  /**
   * Scale and move so the graph is visible (never enlarging past 100%). With `all` false the
   * scale stays readable (at least 60%) and a large graph shows its roots' corner instead.
   */
  fit(all = true): void {
    const l = this.layout;
    const w = this.width || this.container.clientWidth;
    const h = this.height || this.container.clientHeight;
    if (l === null || w === 0) return;
    const k = Math.min(1, (w - 40) / Math.max(1, l.width), (h - 40) / Math.max(1, l.height + 20));
    this.k = Math.max(all ? 0.03 : 0.5, k);
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
    this.svg.classList.toggle('lod', this.k < LOD_SCALE);
    const v = this.visibleArea(0);
    const d = this.drawn;
    if (v.x0 < d.x0 || v.y0 < d.y0 || v.x1 > d.x1 || v.y1 > d.y1) this.scheduleRedraw();
  }

  /** The visible area in layout coordinates, grown by `margin` screen pixels. */
  private visibleArea(margin: number): { x0: number; y0: number; x1: number; y1: number } {
    const k = this.k;
    return {
      x0: (-this.tx - margin) / k,
      y0: (-this.ty - margin) / k,
      x1: (this.width - this.tx + margin) / k,
      y1: (this.height - this.ty + margin) / k,
    };
  }

  private scheduleRedraw(): void {
    if (this.redrawPending) return;
    this.redrawPending = true;
    requestAnimationFrame(() => {
      this.redrawPending = false;
      if (this.view !== null && this.layout !== null) this.draw();
    });
  }

  /** Patch the DOM for the current view, layout and visible area. */
  private draw(): void {
    const view = this.view!;
    const layout = this.layout!;
    this.drawn = this.visibleArea(CULL_MARGIN);
    this.patchNodes(view, layout, this.selected);
    this.patchEdges(view, layout, this.selected);
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
    this.draw();
    if (layout.bandTop >= 0) {
      this.band.setAttribute('visibility', 'visible');
      this.bandRect.setAttribute('x', '-12');
      this.bandRect.setAttribute('y', String(layout.bandTop));
      this.bandRect.setAttribute('width', String(layout.width + 24));
      this.bandRect.setAttribute('height', String(layout.height - layout.bandTop + 8));
      this.bandText.setAttribute('x', '0');
      this.bandText.setAttribute('y', String(layout.bandTop + 18));
    } else this.band.setAttribute('visibility', 'hidden');
    this.lastUpdateMs = performance.now() - t0;
  }

  private patchNodes(view: GraphViewData, layout: Layout, selected: number | null): void {
    const seen = new Set<number>();
    const area = this.drawn;
    let attached = 0;
    for (let i = 0; i < view.nodes.length; i++) {
      const vn = view.nodes[i]!;
      const r = vn.rec;
      seen.add(r.ref);
      const x = layout.x[i]!;
      const y = layout.y[i]!;
      const w = layout.w[i]!;
      let el = this.nodes.get(r.ref);
      const inView = x + w >= area.x0 && x <= area.x1 && y + layout.h[i]! >= area.y0 && y - 12 <= area.y1;
      if (!inView) {
        // Off screen: keep the element (and what it shows) but take it out of the document.
        if (el !== undefined && el.attached) {
          el.g.remove();
          el.attached = false;
        }
        continue;
      }
      if (el === undefined) {
        el = this.createNode(r.ref);
        this.nodes.set(r.ref, el);
      }
      if (!el.attached) {
        this.nodeLayer.append(el.g);
        el.attached = true;
      }
      attached++;
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
    this.attachedNodes = attached;
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
    return { g, rect, type, rc, label, badge, title, stateId: -1, cls: '', x: Number.NaN, y: Number.NaN, w: -1, attached: false };
  }

  private patchEdges(view: GraphViewData, layout: Layout, selected: number | null): void {
    const seen = new Set<number>();
    const idx = view.index;
    const offscreen = new Map<number, number>();
    for (const ve of view.edges) {
      const e = ve.rec;
      const a = idx.get(e.from)!;
      const b = idx.get(e.to)!;
      seen.add(ve.id);
      let el = this.edges.get(ve.id);
      const ax = layout.x[a]!;
      const ay = layout.y[a]!;
      const aw = layout.w[a]!;
      const ah = layout.h[a]!;
      const bx = layout.x[b]!;
      const by = layout.y[b]!;
      const bw = layout.w[b]!;
      const bh = layout.h[b]!;
      // The curve: start, two control points, end (a cubic Bézier).
      let p0x: number, p0y: number, p1x: number, p1y: number, p2x: number, p2y: number, p3x: number, p3y: number;
      let lx: number;
      let ly: number;
      let back = false;
      if (a === b) {
        p0x = ax + aw - 18;
        p0y = ay;
        p3x = ax + aw;
        p3y = ay + ah / 2;
        p1x = p0x;
        p1y = p0y - 34;
        p2x = p3x + 40;
        p2y = p3y - 30;
        lx = p3x + 6;
        ly = p0y - 14;
      } else if (layout.col[b]! > layout.col[a]! && bx > ax + aw) {
        p0x = ax + aw;
        p0y = ay + ah / 2;
        p3x = bx;
        p3y = by + bh / 2;
        const dx = (p3x - p0x) * 0.5;
        p1x = p0x + dx;
        p1y = p0y;
        p2x = p3x - dx;
        p2y = p3y;
        lx = (p0x + 3 * p1x + 3 * p2x + p3x) / 8;
        ly = (p0y + 3 * p1y + 3 * p2y + p3y) / 8;
      } else if (layout.col[b] === layout.col[a]) {
        // Within a column: a bulge on the right side.
        back = true;
        p0x = ax + aw;
        p0y = ay + ah / 2 + (by > ay ? 6 : -6);
        p3x = bx + bw;
        p3y = by + bh / 2 + (by > ay ? -6 : 6);
        const bulge = Math.max(ax + aw, bx + bw) + 28 + Math.min(120, Math.abs(p3y - p0y) * 0.18);
        p1x = bulge;
        p1y = p0y;
        p2x = bulge;
        p2y = p3y;
        lx = (p0x + 6 * bulge + p3x) / 8 + 4;
        ly = (p0y + 3 * p1y + 3 * p2y + p3y) / 8;
      } else {
        // Back edge (towards a root): a U below both nodes.
        back = true;
        p0x = ax + aw / 2;
        p0y = ay + ah;
        p3x = bx + bw / 2;
        p3y = by + bh;
        const drop = 36 + Math.abs(p3x - p0x) * 0.12 + Math.abs(p3y - p0y) * 0.1;
        const bottom = Math.max(p0y, p3y) + drop;
        p1x = p0x;
        p1y = bottom;
        p2x = p3x;
        p2y = bottom;
        lx = (p0x + 3 * p1x + 3 * p2x + p3x) / 8;
        ly = (p0y + 6 * bottom + p3y) / 8;
      }
      // Cull: the curve lies within the box of its end and control points.
      const area = this.drawn;
      const minX = Math.min(p0x, p1x, p2x, p3x);
      const maxX = Math.max(p0x, p1x, p2x, p3x);
      const minY = Math.min(p0y, p1y, p2y, p3y);
      const maxY = Math.max(p0y, p1y, p2y, p3y);
      let cull = maxX < area.x0 || minX > area.x1 || maxY < area.y0 || minY > area.y1;
      if (!cull) {
        // A node with hundreds of references (a big list) draws only a few of those that lead
        // off screen: enough to see the fan, not a thousand paths.
        const targetIn = bx + bw >= area.x0 && bx <= area.x1 && by + bh >= area.y0 && by <= area.y1;
        if (!targetIn) {
          const n = (offscreen.get(e.from) ?? 0) + 1;
          offscreen.set(e.from, n);
          if (n > MAX_OFFSCREEN_FAN) cull = true;
        }
      }
      if (cull) {
        if (el !== undefined && el.attached) {
          el.path.remove();
          el.text?.remove();
          el.attached = false;
        }
        continue;
      }
      if (el === undefined) {
        const path = s('path', {});
        const text = e.label !== '' ? s('text', { class: 'elabel' }, e.label) : null;
        el = { path, text, d: '', cls: '', attached: false };
        this.edges.set(ve.id, el);
      }
      if (!el.attached) {
        this.edgeLayer.append(el.path);
        el.attached = true;
      }
      // Labels only where they can be seen (a fan of a thousand edges from one list would
      // otherwise put a thousand texts in the document).
      if (el.text !== null) {
        const labelIn = lx >= area.x0 && lx <= area.x1 && ly >= area.y0 && ly <= area.y1;
        if (labelIn !== el.text.isConnected) {
          if (labelIn) this.labelLayer.append(el.text);
          else el.text.remove();
        }
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
      else if (e.kind === EK.FOLDED) cls += ' folded';
      if (back) cls += ' back';
      if (selected !== null && (e.from === selected || e.to === selected)) {
        cls += e.from === selected ? ' sel-out' : ' sel-in';
        marker = 'arrow-sel';
      }
      const d = `M${p0x},${p0y} C${p1x},${p1y} ${p2x},${p2y} ${p3x},${p3y}`;
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
