/**
 * Warnings issued by the runtime itself (CPython's `PyErr_WarnExplicit`), filtered by the
 * profile's start-up `warnings.filters` and shown the way the C fallback `show_warning` does.
 *
 * HeapLab has no `warnings` module a script could import to change the filters, so every
 * warning meets the filter list a fresh interpreter has (`python -c "import warnings;
 * print(warnings.filters)"`): first matching filter wins, no match means `default` (show once
 * per location). 3.12, for instance, ignores `ResourceWarning`, so the "uncollectable objects at
 * shutdown" warning of the collector is silent unless a filter says otherwise.
 */
import type { BuiltinTypes } from './builtins.js';
import { isSubtype } from './protocol.js';
import type { Heap } from './heap.js';
import type { Ref } from './ref.js';

/** What a filter does with a matching warning (the actions of `warnings.filterwarnings`). */
export type WarningAction = 'default' | 'ignore' | 'error' | 'always' | 'module' | 'once';

/** One entry of `warnings.filters`: action, category and (exact) module name, null for any. */
export interface WarningFilter {
  readonly action: WarningAction;
  /** A builtin warning class, by its field name in `heap.t`. */
  readonly category: keyof BuiltinTypes;
  readonly module: string | null;
}

/** Locations ("registry" keys) already shown under the `default`/`module`/`once` actions. */
const registries = new WeakMap<Heap, Set<string>>();

/** The action the filters choose for a warning of `category` raised in `module`. */
export function warningAction(heap: Heap, filters: readonly WarningFilter[], category: Ref, module: string): WarningAction {
  for (const f of filters) {
    const c = heap.t[f.category] as Ref;
    if (typeof c !== 'number' || c === 0) continue;
    if (f.module !== null && f.module !== module) continue;
    if (isSubtype(heap, category, c)) return f.action;
  }
  return 'default';
}

/**
 * `PyErr_WarnExplicit(category, message, filename, lineno, module, NULL)`. Shows
 * `filename:lineno: Category: message` on stderr unless a filter ignores it (or it was already
 * shown at that location); under the `error` action raises the warning as an exception instead
 * (the caller decides how to report it).
 */
export function warnExplicit(heap: Heap, category: Ref, message: string, filename: string, lineno: number, module: string): void {
  const action = warningAction(heap, heap.profile.defaultWarningFilters, category, module);
  if (action === 'ignore') return;
  const name = heap.typeData(category).name;
  if (action === 'error') throw heap.newException(category, message);
  if (action !== 'always') {
    let reg = registries.get(heap);
    if (reg === undefined) {
      reg = new Set();
      registries.set(heap, reg);
    }
    const key =
      action === 'once' ? `once\0${name}\0${message}` : action === 'module' ? `${module}\0${name}\0${message}` : `${filename}\0${lineno}\0${name}\0${message}`;
    if (reg.has(key)) return;
    reg.add(key);
  }
  heap.hooks.writeStderr(`${filename}:${lineno}: ${name}: ${message}\n`);
}
