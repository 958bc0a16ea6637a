/**
 * The collector's debug output, byte for byte as CPython writes it to stderr.
 *
 * 2.7 prints a collectable/uncollectable line only when DEBUG_OBJECTS is also set (or, for
 * classic instances, DEBUG_INSTANCES, in the `<Name instance at 0x...>` form); 3.12 always prints
 * `gc: collectable <TYPE 0x...>`. DEBUG_STATS' "done" line differs too: 2.7 omits the counts when
 * nothing was found and ends with a period; 3.12 always prints counts and no period.
 */
import { type ClassicClassData, Kind, type Ref } from '@heaplab/heap';
import type { Collector } from './collector.js';

/** CPython's `%p`: lowercase hex with a 0x prefix. */
export function pointer(address: number): string {
  return `0x${address.toString(16)}`;
}

/** A collectable/uncollectable line for `r`, or null when the profile's flags say print nothing. */
export function debugCycle(c: Collector, msg: string, r: Ref): string | null {
  const heap = c.heap;
  const debug = c.state.debug;
  const flags = heap.profile.debugFlags;
  const addr = pointer(heap.addressOf(r));
  if (!heap.profile.debugNeedsObjectsFlag) return `gc: ${msg} <${heap.typeName(r)} ${addr}>\n`;
  if ((debug & (flags.DEBUG_INSTANCES ?? 0)) !== 0 && heap.kind[r] === Kind.CLASSIC_INSTANCE) {
    const cls = (heap.payload[r] as Ref[])[0]!;
    const nameRef = (heap.payload[cls] as ClassicClassData).name;
    const cname = nameRef !== 0 && heap.kind[nameRef] === Kind.STR ? (heap.payload[nameRef] as string) : '?';
    return `gc: ${msg} <${cname} instance at ${addr}>\n`;
  }
  if ((debug & (flags.DEBUG_OBJECTS ?? 0)) !== 0) return `gc: ${msg} <${heap.typeName(r)} ${addr}>\n`;
  return null;
}

/** The DEBUG_STATS lines printed before a collection. */
export function debugStatsHeader(c: Collector, generation: number): string {
  const sizes = c.generationSizes();
  let out = `gc: collecting generation ${generation}...\n`;
  out += `gc: objects in each generation: ${sizes[0]} ${sizes[1]} ${sizes[2]}\n`;
  if (c.heap.profile.debugStatsStyle === '3.12') out += `gc: objects in permanent generation: ${c.permanentSize()}\n`;
  return out;
}

/** The DEBUG_STATS line printed after a collection. */
export function debugStatsDone(c: Collector, unreachable: number, uncollectable: number, seconds: number): string {
  const t = seconds.toFixed(4);
  if (c.heap.profile.debugStatsStyle === '2.7') {
    const counts = unreachable === 0 && uncollectable === 0 ? '' : `, ${unreachable} unreachable, ${uncollectable} uncollectable`;
    return `gc: done${counts}, ${t}s elapsed.\n`;
  }
  return `gc: done, ${unreachable} unreachable, ${uncollectable} uncollectable, ${t}s elapsed\n`;
}
