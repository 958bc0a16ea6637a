/**
 * Snapshots of a heap between two statements.
 *
 * A snapshot is what the page draws for one step:
 * - the roots: the `__main__` globals dict, the frames on the stack (their locals by name),
 *   and `gc.garbage` when it holds something;
 * - every object reachable from them (breadth first, up to `maxNodes`), library objects (builtin
 *   types and functions, modules, code) drawn as leaves;
 * - every object a full collection would find unreachable right now (cyclic garbage), computed
 *   the way the collector computes it — refcounts minus internal references over the generation
 *   lists — in scratch arrays of our own, so the heap is not touched;
 * - the collector's generation of each object, its refcount and flags.
 *
 * Node states and edges are interned across steps (see `types.ts`).
 */
import { type Heap, Flag, Kind, ListHead, type Ref, type TypeData, TypeFlag, referents } from '@heaplab/heap';
import { clip, hexId, isPrimitive, labeledEdges, shortLabel, typeLabel } from './heapview.js';
import { EK, type EdgeRec, type GcStateRec, NF, type NodeRec, type StackEntry, type StepRec } from './types.js';

/** A frame on the stack, as the snapshot needs it. */
export interface FrameView {
  /** Code name (`<module>`, `f`, ...). */
  name: string;
  line: number;
  /** Module-level frame: its locals are the globals (drawn as the globals root). */
  isModule: boolean;
  /** Fast locals, cells and free variables (0 = unbound). */
  fast: readonly Ref[];
  /** Names for `fast`. */
  names: readonly string[];
  /** The heap frame object, or 0 when the frame is not materialized (3.12). */
  frameObj: Ref;
  /** Locals dict of class bodies / exec, or 0. */
  locals: Ref;
  /** Globals dict of the frame. */
  globals: Ref;
}

export interface CaptureMeta {
  event: number;
  line: number;
  out: number;
  collections: number;
  note?: string;
}

export interface SnapshotOptions {
  maxNodes: number;
  /** The builtins module's dict (drawn as a leaf). */
  builtinsDict?: Ref;
  /** Objects beyond the cap still visited (only counted) to report how many were left out. */
  countBeyondCap?: number;
}

const GEN_HEADS = [ListHead.GEN0, ListHead.GEN1, ListHead.GEN2, ListHead.PERMANENT] as const;
const SCRATCH_HEADS = [
  ListHead.SCRATCH0,
  ListHead.SCRATCH1,
  ListHead.SCRATCH2,
  ListHead.SCRATCH3,
  ListHead.SCRATCH4,
  ListHead.SCRATCH5,
  ListHead.SCRATCH6,
  ListHead.SCRATCH7,
] as const;

/** Interning table: `key → id`. */
class Interner<T> {
  readonly items: T[] = [];
  private readonly ids = new Map<string, number>();
  id(key: string, make: () => T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(make());
      this.ids.set(key, id);
    }
    return id;
  }
}

export class SnapshotBuilder {
  private readonly nodeTable = new Interner<NodeRec>();
  private readonly edgeTable = new Interner<EdgeRec>();
  private readonly stackTable = new Map<string, StackEntry[]>();
  readonly options: SnapshotOptions;

  // Scratch arrays indexed by slot, valid where the stamp matches.
  private stamp = 0;
  private inGen = new Int32Array(0);
  private gen = new Int8Array(0);
  private refs = new Int32Array(0);
  private reach = new Int32Array(0);
  private visited = new Int32Array(0);
  private garbageMember = new Int32Array(0);
  private readonly buf: Ref[] = [];
  private readonly scratch: Ref[] = [];
  /** Last interned node state per slot (+1; 0 = none). */
  private lastNode = new Int32Array(0);
  /** Edge ids each source emitted at the previous / current capture, in order. */
  private prevEdges = new Map<number, number[]>();
  private curEdges = new Map<number, number[]>();
  /** Cached per step: does this type define `__del__`? */
  private readonly delCache = new Map<Ref, boolean>();

  /** Objects in the generation lists at the last capture. */
  tracked: Ref[] = [];
  /** Objects in generations 0, 1, 2 at the last capture. */
  genSizes: [number, number, number] = [0, 0, 0];
  /** Objects a full collection would find unreachable at the last capture. */
  unreachable: Ref[] = [];

  constructor(
    readonly heap: Heap,
    options: SnapshotOptions,
  ) {
    this.options = { countBeyondCap: 2_000, ...options };
  }

  get nodes(): NodeRec[] {
    return this.nodeTable.items;
  }

  get edges(): EdgeRec[] {
    return this.edgeTable.items;
  }

  private ensureCapacity(): void {
    const cap = this.heap.capacity;
    if (this.inGen.length >= cap) return;
    this.inGen = new Int32Array(cap);
    this.gen = new Int8Array(cap);
    this.refs = new Int32Array(cap);
    this.reach = new Int32Array(cap);
    this.visited = new Int32Array(cap);
    this.garbageMember = new Int32Array(cap);
    const lastNode = new Int32Array(cap);
    lastNode.set(this.lastNode.subarray(0, Math.min(this.lastNode.length, cap)));
    this.lastNode = lastNode;
    this.stamp = 0;
  }

  /**
   * The collector's reachability analysis without the collector: which tracked objects have no
   * reference from outside the tracked set, directly or through other such objects.
   */
  analyze(): void {
    const heap = this.heap;
    this.ensureCapacity();
    const s = ++this.stamp;
    const { inGen, gen, refs, reach, buf } = this;
    const tracked: Ref[] = [];
    const kinds = heap.kind;
    const sizes: [number, number, number] = [0, 0, 0];
    for (let g = 0; g < GEN_HEADS.length; g++) {
      const head = GEN_HEADS[g]!;
      for (let r = heap.gcNext[head]!; r !== head && r !== 0; r = heap.gcNext[r]!) {
        inGen[r] = s;
        gen[r] = g;
        if (g < 3) sizes[g]++;
        // Descriptors of builtin types (hundreds of them, from start-up) reference only their
        // builtin type: they can be neither garbage nor hold anything that could be.
        if (kinds[r] === Kind.DESCRIPTOR && this.isBuiltinDescriptor(r)) {
          reach[r] = s;
          continue;
        }
        tracked.push(r);
      }
    }
    if (heap.gc.collecting) {
      // A finalizer is running inside a collection: the objects being collected sit in the
      // collector's scratch lists.
      for (const head of SCRATCH_HEADS) {
        for (let r = heap.gcNext[head]!; r !== head && r !== 0; r = heap.gcNext[r]!) {
          if (inGen[r] === s) continue;
          inGen[r] = s;
          gen[r] = -2;
          tracked.push(r);
        }
      }
    }
    for (const r of tracked) refs[r] = heap.rc[r]!;
    for (const r of tracked) {
      if (gen[r] === 3) continue; // permanent generation: never examined
      buf.length = 0;
      referents(heap, r, buf);
      for (const t of buf) if (inGen[t] === s) refs[t]--;
    }
    const queue: Ref[] = [];
    for (const r of tracked) {
      if (refs[r]! > 0 || gen[r] === 3 || (heap.flags[r]! & Flag.IMMORTAL) !== 0) {
        reach[r] = s;
        queue.push(r);
      }
    }
    for (let i = 0; i < queue.length; i++) {
      buf.length = 0;
      referents(heap, queue[i]!, buf);
      for (const t of buf) {
        if (inGen[t] === s && reach[t] !== s) {
          reach[t] = s;
          queue.push(t);
        }
      }
    }
    const unreachable: Ref[] = [];
    for (const r of tracked) if (reach[r] !== s) unreachable.push(r);
    this.tracked = tracked;
    this.unreachable = unreachable;
    this.genSizes = sizes;
  }

  private isBuiltinDescriptor(r: Ref): boolean {
    const t = (this.heap.payload[r] as { type: Ref }).type;
    return t === 0 || ((this.heap.payload[t] as TypeData).tflags & TypeFlag.HEAPTYPE) === 0;
  }

  /** 2.7: unreachable objects with `__del__`, and everything they reach, are uncollectable. */
  private uncollectableSet(): Set<Ref> {
    const heap = this.heap;
    const out = new Set<Ref>();
    if (heap.profile.finalization !== 'legacy' || this.unreachable.length === 0) return out;
    const s = this.stamp;
    const unreach = new Set(this.unreachable);
    const queue: Ref[] = [];
    for (const r of this.unreachable) {
      if (this.hasDel(r)) {
        out.add(r);
        queue.push(r);
      }
    }
    for (let i = 0; i < queue.length; i++) {
      this.buf.length = 0;
      referents(heap, queue[i]!, this.buf);
      for (const t of this.buf) {
        if (this.inGen[t] === s && unreach.has(t) && !out.has(t)) {
          out.add(t);
          queue.push(t);
        }
      }
    }
    return out;
  }

  private hasDel(r: Ref): boolean {
    const heap = this.heap;
    const kind = heap.kind[r];
    if (kind !== Kind.INSTANCE && kind !== Kind.CLASSIC_INSTANCE) return false;
    if (kind === Kind.CLASSIC_INSTANCE) return heap.hasFinalizer(r);
    const t = heap.typ[r]!;
    let v = this.delCache.get(t);
    if (v === undefined) {
      v = heap.hasFinalizer(r);
      this.delCache.set(t, v);
    }
    return v;
  }

  private isBuiltin(r: Ref): boolean {
    const heap = this.heap;
    switch (heap.kind[r]) {
      case Kind.TYPE:
        return ((heap.payload[r] as TypeData).tflags & TypeFlag.HEAPTYPE) === 0;
      case Kind.BUILTIN:
      case Kind.MODULE:
      case Kind.CODE:
      case Kind.DESCRIPTOR:
        return true;
    }
    return r === this.options.builtinsDict;
  }

  private nodeFlags(r: Ref, unreach: Set<Ref>, uncollectable: Set<Ref>): number {
    const heap = this.heap;
    const f = heap.flags[r]!;
    let flags = 0;
    if (this.hasDel(r)) flags |= NF.HAS_DEL;
    if (f & Flag.FINALIZED) flags |= NF.FINALIZED;
    if (f & Flag.IMMORTAL) flags |= NF.IMMORTAL;
    if (f & Flag.HAS_WEAKREFS) flags |= NF.WEAKLY_REFERENCED;
    if (this.garbageMember[r] === this.stamp) flags |= NF.IN_GARBAGE;
    if (unreach.has(r)) flags |= NF.UNREACHABLE;
    if (uncollectable.has(r)) flags |= NF.UNCOLLECTABLE;
    if (this.isBuiltin(r)) flags |= NF.BUILTIN;
    const kind = heap.kind[r];
    if (isPrimitive(heap, r)) flags |= NF.PRIMITIVE;
    if (kind === Kind.SINGLETON || kind === Kind.BOOL) flags |= NF.SINGLETON;
    if (kind === Kind.TYPE || kind === Kind.CLASSIC_CLASS) flags |= NF.CLASS;
    return flags;
  }

  private internNode(ref: number, type: string, label: string, rc: number, gen: number, flags: number): number {
    // Most objects look the same as at the previous step: compare with the last state first.
    const last = ref > 0 && ref < this.lastNode.length ? this.lastNode[ref]! - 1 : -1;
    if (last >= 0) {
      const n = this.nodeTable.items[last]!;
      if (n.rc === rc && n.gen === gen && n.flags === flags && n.label === label && n.type === type && n.ref === ref) return last;
    }
    const key = `${ref}\u0001${type}\u0001${rc}\u0001${gen}\u0001${flags}\u0001${label}`;
    const id = this.nodeTable.id(key, () => ({ ref, type, label, rc, gen, flags }));
    if (ref > 0 && ref < this.lastNode.length) this.lastNode[ref] = id + 1;
    return id;
  }

  /** Intern the `k`-th edge a source emits (compared with what it emitted at the previous step). */
  private internEdge(from: number, to: number, label: string, kind: number, k = -1): number {
    if (k >= 0) {
      const prev = this.prevEdges.get(from);
      const last = prev !== undefined ? prev[k] : undefined;
      if (last !== undefined) {
        const e = this.edgeTable.items[last]!;
        if (e.to === to && e.kind === kind && e.label === label) {
          this.noteEdge(from, last);
          return last;
        }
      }
    }
    const key = `${from}\u0001${to}\u0001${kind}\u0001${label}`;
    const id = this.edgeTable.id(key, () => ({ from, to, label, kind }));
    if (k >= 0) this.noteEdge(from, id);
    return id;
  }

  private noteEdge(from: number, id: number): void {
    const list = this.curEdges.get(from);
    if (list === undefined) this.curEdges.set(from, [id]);
    else list.push(id);
  }

  private internStack(stack: StackEntry[]): StackEntry[] {
    const key = stack.map((e) => `${e.name}:${e.line}`).join('|');
    let v = this.stackTable.get(key);
    if (v === undefined) {
      v = stack;
      this.stackTable.set(key, v);
    }
    return v;
  }

  /** Record the heap as it is now. `frames` are outermost first. */
  capture(frames: readonly FrameView[], globals: Ref, meta: CaptureMeta): StepRec {
    const heap = this.heap;
    this.delCache.clear();
    this.analyze();
    const s = this.stamp;
    const uncollectable = this.uncollectableSet();
    const unreach = new Set(this.unreachable);
    const garbageList = heap.gc.garbage;
    const garbageItems = garbageList !== 0 && heap.isLive(garbageList) ? (heap.payload[garbageList] as Ref[]) : [];
    for (const g of garbageItems) this.garbageMember[g] = s;

    const maxNodes = this.options.maxNodes;
    const visited = this.visited;
    const nodeIds: number[] = [];
    const edgeIds: number[] = [];
    const queue: Ref[] = [];
    let omitted = 0;
    const visit = (r: Ref): boolean => {
      if (visited[r] === s) return true;
      if (nodeIds.length >= maxNodes) return false;
      visited[r] = s;
      queue.push(r);
      this.recordNode(r, 0, unreach, uncollectable, nodeIds);
      return true;
    };
    const addEdge = (from: number, to: Ref, label: string, kind: number) => {
      if (visit(to)) edgeIds.push(this.internEdge(from, to, label, kind));
      else omitted++;
    };

    // Roots: globals, frames (outermost first), gc.garbage.
    if (globals !== 0 && heap.isLive(globals)) {
      visited[globals] = s;
      queue.push(globals);
      this.recordNode(globals, NF.ROOT | NF.GLOBALS, unreach, uncollectable, nodeIds);
    }
    const frameIds: number[] = [];
    const stack: StackEntry[] = [];
    for (let i = 0; i < frames.length; i++) {
      const f = frames[i]!;
      stack.push({ name: f.name, line: f.line });
      if (f.isModule && f.locals === 0) {
        frameIds.push(globals);
        continue;
      }
      let id: number;
      if (f.frameObj !== 0 && heap.isLive(f.frameObj)) {
        id = f.frameObj;
        visited[id] = s;
        nodeIds.push(this.internNode(id, 'frame', clip(`${f.name} line ${f.line}`, 32), heap.rc[id]!, this.genOf(id), NF.ROOT | NF.FRAME));
      } else {
        id = -(i + 1);
        nodeIds.push(this.internNode(id, 'frame', clip(`${f.name} line ${f.line}`, 32), -1, -1, NF.ROOT | NF.FRAME));
      }
      frameIds.push(id);
    }
    for (let i = 0; i < frames.length; i++) {
      const f = frames[i]!;
      const id = frameIds[i]!;
      if (f.isModule && f.locals === 0) continue;
      if (i > 0) edgeIds.push(this.internEdge(id, frameIds[i - 1]!, 'f_back', EK.INTERNAL));
      for (let j = 0; j < f.fast.length; j++) {
        const v = f.fast[j]!;
        if (v !== 0) addEdge(id, v, f.names[j] ?? `local ${j}`, EK.REF);
      }
      if (f.locals !== 0 && f.locals !== globals) addEdge(id, f.locals, 'f_locals', EK.REF);
    }
    if (garbageItems.length > 0) {
      visited[garbageList] = s;
      queue.push(garbageList);
      this.recordNode(garbageList, NF.ROOT | NF.GARBAGE_LIST, unreach, uncollectable, nodeIds);
    }
    for (const r of this.unreachable) visit(r);

    // Breadth first from the roots.
    const sinkFrom = { id: 0, k: 0 };
    const sink = (to: Ref, label: string, kind: number) => {
      if (visit(to)) edgeIds.push(this.internEdge(sinkFrom.id, to, label, kind, sinkFrom.k++));
      else omitted++;
    };
    for (let i = 0; i < queue.length; i++) {
      const r = queue[i]!;
      if (this.isBuiltin(r) && r !== globals) continue;
      sinkFrom.id = r;
      sinkFrom.k = 0;
      labeledEdges(heap, r, sink, this.scratch);
    }
    this.prevEdges = this.curEdges;
    this.curEdges = new Map();

    if (omitted > 0) omitted = this.countOmitted(queue);

    const g = heap.gc;
    const sizes = this.genSizes;
    const gcRec: GcStateRec = {
      enabled: g.enabled,
      thresholds: [g.thresholds[0], g.thresholds[1], g.thresholds[2]],
      counts: [g.counts[0], g.counts[1], g.counts[2]],
      debug: g.debug,
      garbage: garbageItems.length,
      sizes,
    };
    const step: StepRec = {
      event: meta.event,
      line: meta.line,
      depth: frames.length,
      nodes: Int32Array.from(nodeIds),
      edges: Int32Array.from(edgeIds),
      out: meta.out,
      collections: meta.collections,
      gc: gcRec,
      stack: this.internStack(stack),
      live: heap.live,
      tracked: sizes[0] + sizes[1] + sizes[2],
      omitted,
    };
    if (meta.note !== undefined) step.note = meta.note;
    return step;
  }

  /** Continue the breadth-first walk past the cap, counting only, up to `countBeyondCap` objects. */
  private countOmitted(queue: Ref[]): number {
    const heap = this.heap;
    const s = this.stamp;
    const limit = this.options.countBeyondCap ?? 0;
    const extra = new Set<Ref>();
    const pending: Ref[] = [];
    const sink = (to: Ref) => {
      if (this.visited[to] !== s && !extra.has(to) && extra.size < limit) {
        extra.add(to);
        pending.push(to);
      }
    };
    for (const r of queue) if (!this.isBuiltin(r)) labeledEdges(heap, r, sink, this.scratch);
    for (let i = 0; i < pending.length && extra.size < limit; i++) {
      if (!this.isBuiltin(pending[i]!)) labeledEdges(heap, pending[i]!, sink, this.scratch);
    }
    return extra.size;
  }

  private genOf(r: Ref): number {
    return this.inGen[r] === this.stamp ? this.gen[r]! : -1;
  }

  private recordNode(r: Ref, extraFlags: number, unreach: Set<Ref>, uncollectable: Set<Ref>, out: number[]): void {
    const heap = this.heap;
    let flags = this.nodeFlags(r, unreach, uncollectable) | extraFlags;
    let label: string;
    let type: string;
    if (flags & NF.GLOBALS) {
      type = 'dict';
      label = 'globals of __main__';
    } else if (flags & NF.GARBAGE_LIST) {
      type = 'list';
      label = `gc.garbage (${(heap.payload[r] as Ref[]).length})`;
    } else {
      type = typeLabel(heap, r);
      label = shortLabel(heap, r);
      if (label.startsWith('0x')) label = hexId(heap, r);
    }
    if (heap.kind[r] === Kind.TYPE && (heap.payload[r] as TypeData).tflags & TypeFlag.HEAPTYPE) flags &= ~NF.BUILTIN;
    out.push(this.internNode(r, type, label, heap.rc[r]!, this.genOf(r), flags));
  }
}
