/**
 * @heaplab/objgraph — objgraph's leak-hunting toolkit (counts, growth, backreference chains,
 * DOT graphs rendered with Graphviz compiled to WebAssembly) on a `@heaplab/heap` heap, with
 * indexed queries instead of a full rescan per visited object.
 */
export {
  Objgraph,
  ObjgraphError,
  gradient,
  nodeId,
  nodeStyleLines,
  tooManyLines,
  type CallShape,
  type EdgeFunc,
  type FindChainOptions,
  type ObjRef,
  type ObjgraphIO,
  type ObjgraphOptions,
  type PeakStats,
  type Predicate,
  type ShowGraphOptions,
  type ShowGraphResult,
  type Writable,
} from './objgraph.js';
export { edgeLabel, hasDelMarker, isModule, safeRepr, shortRepr } from './labels.js';
export { longTypename, shortTypename, typeLongName, typeShortName } from './names.js';
export { formatPercentG, pyDictOrder, quote } from './pyutil.js';
export { RENDER_FORMATS, graphvizVersion, isRenderFormat, loadRenderer, renderDot, renderDotSync, rendererLoaded } from './render.js';
export { createObjgraphPythonModule, type ObjgraphModuleIO } from './pymodule.js';
