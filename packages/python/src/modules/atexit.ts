/**
 * `atexit`, per version.
 *
 * 3.12 has the C module: `register(func, *args, **kwargs)` (callable checked, returns `func`),
 * `unregister(func)` (every entry whose function `==` it), `_run_exitfuncs`, `_clear`,
 * `_ncallbacks`. At exit the callbacks run newest first; one registered while they run is not
 * called; one that raises is reported as `Exception ignored in atexit callback: <func>` and the
 * rest still run (SystemExit included, which does not change the exit status).
 *
 * 2.7 has a pure-Python module: `register` appends to `_exithandlers` and `sys.exitfunc` is its
 * `_run_exitfuncs`, which the interpreter calls while it shuts down (`call_sys_exitfunc`). It is
 * compiled from the source below, laid out so that its frames and line numbers in tracebacks
 * are those of CPython 2.7's `atexit.py` (the handler call is on line 24).
 */
import { call, dictSetStr, type Heap, isCallable, moduleDict, newBuiltinFunction, newInt, newModule, type NativeFn, positionalCount, type Ref, richCompareBool, CompareOp } from '@heaplab/heap';
import type { AtexitCallback, Interpreter } from '../vm/interp.js';
import { loadSourceModule } from './source.js';

/** Where the 2.7 module's source appears to live (next to `sys.executable`'s /usr/bin/python2.7). */
export const ATEXIT27_FILENAME = '/usr/lib/python2.7/atexit.py';

const ATEXIT27_SOURCE = `"""
Exit handlers: functions registered with register() run when the
interpreter shuts down, the most recently registered first.

register(func, *targs, **kargs) is the only public function.
"""

__all__ = ["register"]

import sys

_exithandlers = []
def _run_exitfuncs():
    """Call the registered handlers, newest first (installed as sys.exitfunc).

    A handler that raises gets its traceback printed; once all of them
    have run, the last exception caught is raised again.
    """

    exc_info = None
    while _exithandlers:
        func, targs, kargs = _exithandlers.pop()
        try:
            func(*targs, **kargs)
        except SystemExit:
            exc_info = sys.exc_info()
        except:
            import traceback
            print >> sys.stderr, "Error in atexit._run_exitfuncs:"
            traceback.print_exc()
            exc_info = sys.exc_info()

    if exc_info is not None:
        raise exc_info[0], exc_info[1], exc_info[2]


def register(func, *targs, **kargs):
    """Register func to be called with targs and kargs at exit.

    func is returned, so register can be used as a decorator.
    """
    _exithandlers.append((func, targs, kargs))
    return func

if hasattr(sys, "exitfunc"):
    # Keep an exit function someone installed before this module.
    register(sys.exitfunc)
sys.exitfunc = _run_exitfuncs
`;

/** The `atexit` module for the interpreter's version (new reference). */
export function createAtexitModule(it: Interpreter): Ref {
  if (it.version === '2.7') return loadSourceModule(it, 'atexit', ATEXIT27_FILENAME, ATEXIT27_SOURCE);
  return createAtexitModule312(it);
}

function createAtexitModule312(it: Interpreter): Ref {
  const heap = it.heap;
  const m = newModule(heap, 'atexit');
  const d = moduleDict(heap, m);
  const def = (name: string, fn: NativeFn) => {
    const f = newBuiltinFunction(heap, name, fn, m, 'atexit');
    dictSetStr(heap, d, name, f);
    heap.decref(f);
  };
  const noArgs = (h: Heap, name: string, args: readonly Ref[]) => {
    if (args.length > 0) throw h.newException(h.t.TypeError, `atexit.${name}() takes no arguments (${args.length} given)`);
  };
  def('register', (h, _s, args, kwnames) => {
    const npos = positionalCount(args, kwnames);
    if (npos === 0) throw h.newException(h.t.TypeError, 'register() takes at least 1 argument (0 given)');
    const func = args[0]!;
    if (!isCallable(h, func)) throw h.newException(h.t.TypeError, 'the first argument must be callable');
    const rest = args.slice(1);
    for (const a of rest) h.rc[a]++;
    h.rc[func]++;
    const names = kwnames === null ? null : [...kwnames];
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      h.decref(func);
      for (const a of rest) h.decref(a);
    };
    const cb: AtexitCallback = Object.assign(
      () => {
        try {
          h.decref(call(h, func, rest, names));
        } finally {
          release();
        }
      },
      { func, release },
    );
    it.atexit.push(cb);
    return h.newRef(func);
  });
  def('unregister', (h, _s, args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) throw h.newException(h.t.TypeError, 'atexit.unregister() takes no keyword arguments');
    if (args.length !== 1) throw h.newException(h.t.TypeError, `atexit.unregister() takes exactly one argument (${args.length} given)`);
    const func = args[0]!;
    for (let i = 0; i < it.atexit.length; i++) {
      const cb = it.atexit[i];
      if (cb === null || cb === undefined || cb.func === undefined) continue;
      if (richCompareBool(h, cb.func, func, CompareOp.EQ)) {
        it.atexit[i] = null;
        cb.release?.();
      }
    }
    return h.newRef(h.None);
  });
  def('_run_exitfuncs', (h, _s, args) => {
    noArgs(h, '_run_exitfuncs', args);
    it.runAtexit();
    return h.newRef(h.None);
  });
  def('_clear', (h, _s, args) => {
    noArgs(h, '_clear', args);
    it.clearAtexit();
    return h.newRef(h.None);
  });
  def('_ncallbacks', (h, _s, args) => {
    noArgs(h, '_ncallbacks', args);
    // Unregistered entries keep their slot (atexit_delete_cb only clears it).
    return newInt(h, it.atexit.length);
  });
  return m;
}
