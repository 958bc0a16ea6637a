/**
 * Python-visible attributes of frames and tracebacks: `f_back`, `f_locals`, `f_globals`,
 * `f_code`, `f_lineno`, `f_builtins`, `tb_frame`, `tb_next`, `tb_lineno`. Reading `f_locals` of
 * a function frame builds (and keeps, on the frame object) a dict snapshot of its fast locals,
 * as CPython does — which is itself a heap object the collector sees.
 */
import { defineGetSet, type FrameData, newInt, type Ref, type TracebackData } from '@heaplab/heap';
import type { Frame } from './frame.js';
import type { Interpreter } from './interp.js';
import { frameLocals } from '../runtime.js';

export function installIntrospection(it: Interpreter): void {
  const heap = it.heap;
  const t = heap.t;
  const fd = (r: Ref) => heap.payload[r] as FrameData;
  defineGetSet(heap, t.frame, 'f_back', (h, r) => {
    const back = it.frameBack(r);
    return h.newRef(back === 0 ? h.None : back);
  });
  defineGetSet(heap, t.frame, 'f_locals', (h, r) => {
    const f = fd(r).ext as Frame | undefined;
    if (f !== undefined && fd(r).ownsLocals === false) return frameLocals(it, f);
    if (f !== undefined && f.locals === 0 && f.fast.length > 0) return frameLocals(it, f);
    const l = fd(r).locals !== 0 ? fd(r).locals : fd(r).globals;
    return h.newRef(l);
  });
  defineGetSet(heap, t.frame, 'f_globals', (h, r) => h.newRef(fd(r).globals));
  defineGetSet(heap, t.frame, 'f_builtins', (h, r) => h.newRef(fd(r).builtins));
  defineGetSet(heap, t.frame, 'f_code', (h, r) => h.newRef(fd(r).code));
  // A frame still on the stack, or a suspended generator's (or, 3.12, any frame whose locals still
  // live in the interpreter) reports the line of the instruction it is at, read from the line
  // table at f_lasti (a frame waiting for a call reports the call's line, a generator its yield);
  // a finished one the line it ended on. 2.7 frame objects always own their locals, so only the
  // stack or the generator still holding the frame tells that they have not finished.
  defineGetSet(heap, t.frame, 'f_lineno', (h, r) => {
    const f = fd(r).ext as Frame | undefined;
    const running = f !== undefined && (fd(r).ownsLocals === false || it.isOnStack(f) || (f.isGenerator && f.frameObj === r));
    return newInt(h, running ? it.currentLine(f) : fd(r).lineno);
  });
  defineGetSet(heap, t.frame, 'f_trace', (h) => h.newRef(h.None));
  const tb = (r: Ref) => heap.payload[r] as TracebackData;
  defineGetSet(heap, t.traceback, 'tb_frame', (h, r) => h.newRef(tb(r).frame));
  defineGetSet(heap, t.traceback, 'tb_next', (h, r) => h.newRef(tb(r).next === 0 ? h.None : tb(r).next));
  defineGetSet(heap, t.traceback, 'tb_lineno', (h, r) => newInt(h, tb(r).lineno));
  defineGetSet(heap, t.traceback, 'tb_lasti', (h, r) => newInt(h, tb(r).lasti));
}
