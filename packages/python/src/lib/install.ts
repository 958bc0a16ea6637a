/**
 * `installBuiltinTypes`: give every builtin type its Python-visible behaviour (methods, getsets,
 * constructors, number/sequence slots) on one heap. Call once per heap, before creating classes
 * (classes inherit slots from their bases when they are created).
 */
import { type Heap, Kind, newStr, type Ref, moduleDict, dictEntries, newListSteal } from '@heaplab/heap';
import { builtinFormat, formatValue, percentFormat, strFormat, strFormatMap } from './format.js';
import type { RuntimeHooks } from './hooks.js';
import { installNumberSlots } from './number.js';
import { hasLibState, initLibState, registerNb } from './state.js';
import { installSubscriptSlots } from './subscript.js';
import { method } from './types/define.js';
import { installByteArray } from './types/bytearray.js';
import { installDictTypes } from './types/dict.js';
import { installExceptionTypes } from './types/exceptions.js';
import { installFileType } from './types/file.js';
import { installIteratorTypes } from './types/iterators.js';
import { installListTypes } from './types/list.js';
import { installMiscTypes } from './types/misc.js';
import { installNumberTypes } from './types/numbers.js';
import { installObjectTypes, setFormatHook } from './types/object.js';
import { installSetTypes } from './types/set.js';
import { installStrTypes } from './types/str.js';
import { checkArity, is27, notImpl, typeError, tpName, newRef } from './util.js';

/**
 * Install the behaviour of every builtin type on `heap`. Idempotent per heap (a second call
 * only replaces the hooks).
 *
 * @example
 * ```ts
 * import { Heap } from '@heaplab/heap';
 * const heap = new Heap({ version: '3.12' });
 * installBuiltinTypes(heap, hooks);
 * ```
 */
export function installBuiltinTypes(heap: Heap, hooks: RuntimeHooks): void {
  const already = hasLibState(heap);
  initLibState(heap, hooks);
  if (already) return;
  setFormatHook((h, value, spec) => newStr(h, formatValue(h, value, h.payload[spec] as string)));
  installNumberSlots(heap);
  installSubscriptSlots(heap);
  installObjectTypes(heap);
  installNumberTypes(heap);
  installStrTypes(heap);
  installListTypes(heap);
  installDictTypes(heap);
  installSetTypes(heap);
  installExceptionTypes(heap);
  installIteratorTypes(heap);
  installMiscTypes(heap);
  installFileType(heap);
  installByteArray(heap);
  installFormatting(heap);
  heap.typeEpoch++;
}

/** `%`, `format`, `format_map` and `__format__` on the builtin types. */
function installFormatting(heap: Heap): void {
  const t = heap.t;
  const strTypes = [...new Set([t.str, t.unicode])];
  const mod = (h: Heap, v: Ref, w: Ref): Ref => (h.kind[v] === Kind.STR ? percentFormat(h, v, w) : notImpl(h));
  for (const type of strTypes) {
    registerNb(heap, type, { Mod: mod });
    method(heap, type, '__mod__', (h, self, args, kw) => {
      checkArity(h, '__mod__', args, kw, 1, 1, 'one');
      return percentFormat(h, self, args[0]!);
    });
    method(heap, type, '__rmod__', (h, self, args, kw) => {
      checkArity(h, '__rmod__', args, kw, 1, 1, 'one');
      return notImpl(h);
    });
    method(heap, type, 'format', (h, self, args, kw) => strFormat(h, self, args, kw));
    if (!is27(heap)) {
      method(heap, type, 'format_map', (h, self, args, kw) => {
        checkArity(h, 'str.format_map', args, kw, 1, 1, 'one');
        return strFormatMap(h, self, args[0]!);
      });
    }
  }
  const fmtTypes = [t.int, t.long, t.bool, t.float, t.complex, t.str, t.unicode];
  for (const type of new Set(fmtTypes)) {
    method(heap, type, '__format__', (h, self, args, kw) => {
      checkArity(h, '__format__', args, kw, 1, 1, 'one');
      const spec = args[0]!;
      if (h.kind[spec] !== Kind.STR) {
        throw typeError(h, is27(h) ? 'argument to __format__ must be unicode or str' : `__format__() argument must be str, not ${tpName(h, spec)}`);
      }
      return newStr(h, builtinFormat(h, self, h.payload[spec] as string));
    });
  }
  // dir(module) lists the module's namespace.
  method(heap, t.module, '__dir__', (h, self) => {
    const e = dictEntries(h, moduleDict(h, self));
    const keys: Ref[] = [];
    for (let i = 0; i < e.length; i += 2) keys.push(newRef(h, e[i]!));
    return newListSteal(h, keys);
  });
}
