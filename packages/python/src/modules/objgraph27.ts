/**
 * objgraph 3.5.0's chain search (`find_ref_chain`, `find_backref_chain`, `_find_chain`) for 2.7,
 * as Python functions compiled into the objgraph module.
 *
 * objgraph's search is a Python function, and on CPython 2.7 that is visible: a running frame's
 * locals are traversed by the collector, so `gc.get_referrers(target)` inside `_find_chain` lists
 * `_find_chain`'s own frame (it holds `target` in a local). The frame keeps the last result list
 * in a local, so the frame and that list form a cycle that outlives the call: the frame, the one
 * of `find_backref_chain` (its `f_back`), their locals (the BFS queue, the parent map, the ignore
 * set, the chain and the lists of referrers that refer to each other) stay alive until the next
 * collection — they are what the next `gc.collect()` counts, and objects they hold (the target,
 * the objects on the chain) are freed only then. Running the search in the interpreter gives all
 * of that for free. 3.12 does not traverse the locals of a running frame, so it keeps the native
 * search of `@heaplab/objgraph`.
 *
 * The module also gets `gc` and `sys` as globals, as objgraph's own imports give it. Those
 * imports (`inspect` → `collections.namedtuple`, which reprs a tuple of field names) are also the
 * first container repr of a 2.7 script that imports objgraph: Py_ReprEnter's thread-state dict and
 * `Py_Repr` list exist from then on, so they are not new objects at the script's first repr.
 */
import { call, dictDelStr, dictGetStr, dictSetStr, getIter, iterNext, Kind, moduleDict, type NativeFn, newBuiltinFunction, newInt, newListSteal, newModule, newStr, newTupleSteal, type Ref, reprEnterState } from '@heaplab/heap';
import { nodeStyleLines, tooManyLines } from '@heaplab/objgraph';
import { utf8Encode } from '../lib/strutil.js';
import { isUnicode27 } from '../lib/util.js';
import type { Interpreter } from '../vm/interp.js';
import { Frame } from '../vm/frame.js';

/** Where the compiled functions appear to live (tracebacks through them name this file). */
export const OBJGRAPH27_FILENAME = 'objgraph.py';

// HeapLab's own Python for objgraph's chain search, written to leave behind what objgraph 3.5.0's
// search leaves on CPython 2.7: the frame keeps `target`, so the frame is one of the referrers
// the last `edge_func` call returned, and that list stays in the frame's `referrers` local — a
// cycle holding the queue, the parent map (it maps ids to objects), the ignore set and the
// caller's frame until the next collection. The functions start at the lines objgraph.py has
// them at, and the lines a traceback can show (the predicate's call; a call statement's last
// line, which is the one 2.7 reports) read as objgraph's, so tracebacks through them agree.
const OBJGRAPH27_CHAIN_CHUNKS: readonly (readonly [number, string])[] = [
  [
    595,
    `def find_ref_chain(obj, predicate, max_depth=20, extra_ignore=()):
    # forward: search along gc.get_referents, report from obj onwards`,
  ],
  [
    616,
    `    return _find_chain(obj, predicate, gc.get_referents,
                       max_depth=max_depth, extra_ignore=extra_ignore)[::-1]`,
  ],
  [
    620,
    `def find_backref_chain(obj, predicate, max_depth=20, extra_ignore=()):
    # backward: search along gc.get_referrers, report from the root down to obj`,
  ],
  [
    643,
    `    return _find_chain(obj, predicate, gc.get_referrers,
                       max_depth=max_depth, extra_ignore=extra_ignore)`,
  ],
  [
    884,
    `def _find_chain(obj, predicate, edge_func, max_depth=20, extra_ignore=()):
    # Breadth first; parent maps id -> the neighbour one step closer to obj (None for obj).
    queue = [obj]
    depth = {id(obj): 0}
    parent = {id(obj): None}
    ignore = set(extra_ignore)
    ignore.add(id(extra_ignore))
    for own in queue, depth, parent, ignore:
        ignore.add(id(own))
    del own
    ignore.add(id(sys._getframe()))
    ignore.add(id(sys._getframe(1)))
    gc.collect()
    while queue:
        target = queue.pop(0)`,
  ],
  [
    899,
    `        if predicate(target):
            chain = [target]
            while parent[id(target)] is not None:
                target = parent[id(target)]
                chain.append(target)
            return chain
        tdepth = depth[id(target)]
        if tdepth >= max_depth:
            continue
        referrers = edge_func(target)
        ignore.add(id(referrers))
        for source in referrers:
            seen = id(source) in ignore or id(source) in depth
            if not seen:
                depth[id(source)] = tdepth + 1
                parent[id(source)] = target
                queue.append(source)
    # nothing satisfied the predicate within max_depth
    return [obj]`,
  ],
];

const OBJGRAPH27_CHAIN_SOURCE = placeAtLines(OBJGRAPH27_CHAIN_CHUNKS);

/** Replace the 2.7 objgraph module's chain functions by Python ones (see the file comment). */
export function installObjgraph27Chains(it: Interpreter, module: Ref): void {
  const heap = it.heap;
  if (it.compileModule === null) return;
  const g = moduleDict(heap, module);
  reprEnterState(heap);
  for (const name of ['gc', 'sys']) {
    const m = it.importModule(name);
    dictSetStr(heap, g, name, m);
    heap.decref(m);
  }
  const unit = it.compileModule(OBJGRAPH27_CHAIN_SOURCE, OBJGRAPH27_FILENAME);
  it.sources.set(OBJGRAPH27_FILENAME, OBJGRAPH27_CHAIN_SOURCE.split('\n'));
  const frame = new Frame(unit, new Array(unit.nfast).fill(0), g, it.builtinsDict, g, it.frame, 0);
  it.runFrame(frame, 0);
}

// ---- graphs -------------------------------------------------------------------------------------

/**
 * HeapLab's own Python for objgraph's drawing functions (`show_backrefs`, `show_refs`,
 * `show_chain`, `_show_graph`) on 2.7. They run as Python because what they leave behind on
 * CPython 2.7 comes from their frames: `_show_graph`'s frame holds `target`, so it is among the
 * referrers of every node it expands, and it is skipped (its id is ignored) without the loop
 * variable `source` being released — only a drawn edge releases it. When the last referrer of
 * the last expanded node is that frame, `source` keeps the frame itself: the frame, its caller's
 * frame (`f_back`), both `f_locals` snapshots (taken for the ignore set), the argument list, the
 * queue, the ignore set and the DOT file's codecs writer (a StreamReaderWriter with its reader
 * and writer) wait for the next collection. show_chain's frame (the `in_chains` closure with its
 * id set, the chains, the list comprehension's leaked variable) joins them when it called
 * show_backrefs. The function heads sit at objgraph.py's lines, and the user callbacks
 * (`highlight`, `filter`) are called on objgraph's lines, so tracebacks through them agree. The
 * label, colour and id helpers stay native.
 */
const OBJGRAPH27_GRAPH_CHUNKS: readonly (readonly [number, string])[] = [
  [28, 'from __future__ import print_function'],
  [75, 'IS_INTERACTIVE = False'],
  [
    86,
    `def _isinstance(obj, classinfo):
    # by type(), not obj.__class__: a weakref proxy is not its referent
    return issubclass(type(obj), classinfo)`,
  ],
  [
    647,
    `def show_backrefs(objs, max_depth=3, extra_ignore=(), filter=None, too_many=10,
                  highlight=None, filename=None, extra_info=None,
                  refcounts=False, shortnames=True, output=None,
                  extra_node_attrs=None):
    # referrers, stopping at modules`,
  ],
  [
    725,
    `    return _show_graph(objs, max_depth=max_depth, extra_ignore=extra_ignore,
                       edge_func=gc.get_referrers, swap_source_target=False,
                       cull_func=is_proper_module, filter=filter,
                       too_many=too_many, highlight=highlight, filename=filename,
                       output=output, extra_info=extra_info, refcounts=refcounts,
                       shortnames=shortnames,
                       extra_node_attrs=extra_node_attrs)`,
  ],
  [
    734,
    `def show_refs(objs, max_depth=3, extra_ignore=(), filter=None, too_many=10,
              highlight=None, filename=None, extra_info=None,
              refcounts=False, shortnames=True, output=None,
              extra_node_attrs=None):
    # referents, drawn from the objects outwards`,
  ],
  [
    805,
    `    return _show_graph(objs, max_depth=max_depth, extra_ignore=extra_ignore,
                       edge_func=gc.get_referents, swap_source_target=True,
                       filter=filter, too_many=too_many, highlight=highlight,
                       filename=filename, extra_info=extra_info,
                       refcounts=refcounts, shortnames=shortnames,
                       output=output, extra_node_attrs=extra_node_attrs)`,
  ],
  [
    813,
    `def show_chain(*chains, **kw):
    # draw only the objects on the given (non-empty) chains`,
  ],
  [
    844,
    `    backrefs = kw.pop('backrefs', True)
    chains = [chain for chain in chains if chain]

    def in_chains(x, ids=set(map(id, itertools.chain(*chains)))):
        return id(x) in ids
    max_depth = max(map(len, chains)) - 1
    if backrefs:
        show_backrefs([chain[-1] for chain in chains], max_depth=max_depth,
                      filter=in_chains, **kw)
    else:
        show_refs([chain[0] for chain in chains], max_depth=max_depth,
                  filter=in_chains, **kw)`,
  ],
  [
    919,
    `def _show_graph(objs, edge_func, swap_source_target,
                max_depth=3, extra_ignore=(), filter=None, too_many=10,
                highlight=None, filename=None, extra_info=None,
                refcounts=False, shortnames=True, output=None,
                cull_func=None, extra_node_attrs=None):
    if not _isinstance(objs, (list, tuple)):
        objs = [objs]
    is_interactive = False
    # Where the DOT text goes: the caller's file, a named .dot file, or a temporary one.
    if filename and output:
        raise ValueError('Cannot specify both output and filename.')
    if output:
        f = output
    elif filename and filename.endswith('.dot'):
        dot_filename = filename
        f = codecs.open(dot_filename, 'w', encoding='utf-8')
    else:
        fd, dot_filename = tempfile.mkstemp(prefix='objgraph-',
                                            suffix='.dot', text=True)
        f = os.fdopen(fd, "w")
    f.write('digraph ObjectGraph {\\n'
            '  node[shape=box, style=filled, fillcolor=white];\\n')
    queue = []
    depth = {}
    # Leave out the walk's own bookkeeping: its containers, both frames and their locals.
    ignore = set(extra_ignore)
    for own in objs, extra_ignore, queue, depth, ignore:
        ignore.add(id(own))
    del own
    ignore.add(id(sys._getframe()))
    ignore.add(id(sys._getframe().f_locals))
    ignore.add(id(sys._getframe(1)))
    ignore.add(id(sys._getframe(1).f_locals))
    for obj in objs:
        f.write('  %s[fontcolor=red];\\n' % (_obj_node_id(obj)))
        depth[id(obj)] = 0
        queue.append(obj)
        del obj
    gc.collect()
    nodes = 0
    while queue:
        nodes += 1
        target = queue.pop(0)
        tdepth = depth[id(target)]
        node = _obj_node_id(target)
        f.write('  %s[label="%s"%s];\\n'
                % (node, _obj_label(target, extra_info, refcounts, shortnames),
                   _obj_attrs(target, extra_node_attrs)))
        # colours, and the __del__ marker, are drawn natively (_node_style)
        lit = False`,
  ],
  [
    984,
    `        if highlight and highlight(target):
            lit = True
        f.write(_node_style(target, tdepth, max_depth, lit))
        if tdepth >= max_depth or (cull_func is not None and cull_func(target)):
            continue
        # Edges to at most too_many neighbours; the rest are summed up in one box.
        neighbours = edge_func(target)
        ignore.add(id(neighbours))
        n = skipped = 0
        for source in neighbours:
            if id(source) in ignore:
                continue`,
  ],
  [
    1010,
    `            if filter and not filter(source):
                continue
            if n >= too_many:
                skipped += 1
                continue
            srcnode, tgtnode = (target, source) if swap_source_target else (source, target)
            f.write('  %s -> %s%s;\\n' % (_obj_node_id(srcnode), _obj_node_id(tgtnode),
                                         _edge_label(srcnode, tgtnode, shortnames)))
            if id(source) not in depth:
                depth[id(source)] = tdepth + 1
                queue.append(source)
            n += 1
            del source
        del neighbours
        if skipped:
            f.write(_too_many(target, skipped, tdepth, max_depth, swap_source_target))
    f.write("}\\n")
    if output:
        return
    # a file opened here is closed here
    f.close()
    print("Graph written to %s (%d nodes)" % (dot_filename, nodes))
    _present_graph(dot_filename, filename)`,
  ],
];

/** Lay out chunks at their line numbers (1-based), blank lines between. */
function placeAtLines(chunks: readonly (readonly [number, string])[]): string {
  const lines: string[] = [];
  for (const [line, text] of chunks) {
    if (lines.length > line - 1) throw new Error(`objgraph27: chunk at line ${line} overlaps`);
    while (lines.length < line - 1) lines.push('');
    lines.push(...text.split('\n'));
  }
  return `${lines.join('\n')}\n`;
}

export const OBJGRAPH27_GRAPH_SOURCE = placeAtLines(OBJGRAPH27_GRAPH_CHUNKS);

/**
 * A minimal 2.7 `codecs.open` for writing, in HeapLab's own Python: classic classes, as 2.7's
 * codecs module has, so `codecs.open(name, 'w', encoding='utf-8')` returns a StreamReaderWriter
 * instance whose dict holds the binary file, a reader and a writer (the reader's and writer's
 * dicts hold only untracked objects, so the collector never sees them).
 */
const CODECS27_SOURCE = `
_open_binary = open

class Codec:
    pass

class StreamWriter(Codec):
    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, text):
        encoded = self.encode(text, self.errors)[0]
        self.stream.write(encoded)

    def __getattr__(self, name):
        return getattr(self.stream, name)

class StreamReader(Codec):
    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self.bytebuffer = self.charbuffer = ""
        self.linebuffer = None

    def __getattr__(self, name):
        return getattr(self.stream, name)

class StreamReaderWriter:
    encoding = 'unknown'

    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def write(self, data):
        return self.writer.write(data)

    def __getattr__(self, name):
        return getattr(self.stream, name)

def open(filename, mode='rb', encoding=None, errors='strict', buffering=1):
    if encoding is None:
        return _open_binary(filename, mode, buffering)
    # an encoded stream sits on a binary file
    if 'b' not in mode:
        mode += 'b'
    info = lookup(encoding)
    wrapper = StreamReaderWriter(_open_binary(filename, mode, buffering),
                                 info.streamreader, info.streamwriter, errors)
    wrapper.encoding = encoding
    return wrapper
`;

const UTF8_27_SOURCE = `
encode = codecs.utf_8_encode

class StreamWriter(codecs.StreamWriter):
    encode = codecs.utf_8_encode

class StreamReader(codecs.StreamReader):
    pass
`;

const INSPECT27_SOURCE = `
def ismodule(obj):
    return isinstance(obj, ModuleType)
`;

/** Run `source` as module code with `globals` (a module dict). */
function runIn(it: Interpreter, source: string, filename: string, globals: Ref): void {
  const unit = it.compileModule!(source, filename);
  const frame = new Frame(unit, new Array(unit.nfast).fill(0), globals, it.builtinsDict, globals, it.frame, 0);
  it.runFrame(frame, 0);
}

/** A module object not registered in sys.modules (objgraph's view of a stdlib module). */
function hiddenModule(it: Interpreter, name: string, natives: Record<string, NativeFn>, globals: Record<string, Ref> = {}): Ref {
  const heap = it.heap;
  const m = newModule(heap, name);
  const d = moduleDict(heap, m);
  for (const [k, fn] of Object.entries(natives)) {
    const f = newBuiltinFunction(heap, k, fn, 0, name);
    dictSetStr(heap, d, k, f);
    heap.decref(f);
  }
  for (const [k, v] of Object.entries(globals)) dictSetStr(heap, d, k, v);
  return m;
}

/**
 * Replace the 2.7 objgraph module's drawing functions by Python ones (see
 * OBJGRAPH27_GRAPH_CHUNKS), with the stdlib pieces they use (`codecs.open`, `inspect.ismodule`,
 * `tempfile.mkstemp`/`os.fdopen`, `itertools.chain`) as module objects in objgraph's globals.
 */
export function installObjgraph27Graphs(it: Interpreter, module: Ref): void {
  const heap = it.heap;
  if (it.compileModule === null) return;
  const g = moduleDict(heap, module);
  const t = heap.t;
  const str = (r: Ref): string => heap.payload[r] as string;

  // codecs and encodings.utf_8
  let utf8: Ref = 0;
  const codecs = hiddenModule(it, 'codecs', {
    utf_8_encode: (h, _s, args) => {
      const input = args[0]!;
      if (h.kind[input] !== Kind.STR) throw h.newException(t.TypeError, `coercing to Unicode: need string or buffer, ${h.typeName(input)} found`);
      const text = str(input);
      if (!isUnicode27(h, input)) {
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c > 0x7f) throw h.newException(t.UnicodeDecodeError, `'ascii' codec can't decode byte 0x${c.toString(16)} in position ${i}: ordinal not in range(128)`);
        }
      }
      return newTupleSteal(h, [newStr(h, utf8Encode(text)), newInt(h, text.length)]);
    },
    lookup: (h, _s, args) => {
      const enc = str(args[0]!).toLowerCase().replace(/[- ]/g, '_');
      if (enc !== 'utf_8' && enc !== 'utf8' && enc !== 'u8') throw h.newException(t.LookupError, `unknown encoding: ${str(args[0]!)}`);
      return h.newRef(utf8);
    },
  });
  runIn(it, CODECS27_SOURCE, 'codecs.py', moduleDict(heap, codecs));
  utf8 = hiddenModule(it, 'encodings.utf_8', {}, { codecs });
  const ud = moduleDict(heap, utf8);
  runIn(it, UTF8_27_SOURCE, 'encodings/utf_8.py', ud);
  for (const [attr, cls] of [['streamreader', 'StreamReader'], ['streamwriter', 'StreamWriter']] as const) {
    dictSetStr(heap, ud, attr, dictGetStr(heap, ud, cls));
  }

  // inspect.ismodule, tempfile.mkstemp / os.fdopen, itertools.chain
  const inspect = hiddenModule(it, 'inspect', {}, { ModuleType: heap.typ[module]! });
  runIn(it, INSPECT27_SOURCE, 'inspect.py', moduleDict(heap, inspect));
  const tempName = dictGetStr(heap, g, '_temp_dot_name');
  if (tempName !== 0) heap.incref(tempName);
  dictDelStr(heap, g, '_temp_dot_name');
  const tempFiles = new Map<number, string>();
  let nextFd = 3;
  const tempfile = hiddenModule(it, 'tempfile', {
    mkstemp: (h) => {
      const name = call(h, tempName, []);
      const fd = nextFd++;
      tempFiles.set(fd, str(name));
      return newTupleSteal(h, [newInt(h, fd), name]);
    },
  });
  const os = hiddenModule(it, 'os', {
    fdopen: (h, _s, args) => {
      const fd = Number(heap.payload[args[0]!]);
      const name = tempFiles.get(fd);
      if (name === undefined) throw h.newException(t.OSError, '[Errno 9] Bad file descriptor');
      tempFiles.delete(fd);
      const n = newStr(h, name);
      try {
        return call(h, dictGetStr(h, it.builtinsDict, 'open'), [n, args[1]!]);
      } finally {
        h.decref(n);
      }
    },
  });
  const itertools = hiddenModule(it, 'itertools', {
    chain: (h, _s, args) => {
      const out: Ref[] = [];
      for (const a of args) {
        const iter = getIter(h, a);
        try {
          for (let x = iterNext(h, iter); x !== 0; x = iterNext(h, iter)) out.push(x);
        } finally {
          h.decref(iter);
        }
      }
      return newListSteal(h, out);
    },
  });
  // The node colours and the "N more" box, shared with @heaplab/objgraph's own drawing.
  const num = (r: Ref): number => Number(heap.payload[r]);
  const drawing: Record<string, NativeFn> = {
    _node_style: (h, _s, args) => newStr(h, nodeStyleLines(h, args[0]!, num(args[1]!), num(args[2]!), args[3] === h.True)),
    _too_many: (h, _s, args) => newStr(h, tooManyLines(h, args[0]!, num(args[1]!), num(args[2]!), num(args[3]!), args[4] === h.True)),
  };
  for (const [name, fn] of Object.entries(drawing)) {
    const f = newBuiltinFunction(heap, name, fn, 0, 'objgraph');
    dictSetStr(heap, g, name, f);
    heap.decref(f);
  }
  for (const [name, m] of [['codecs', codecs], ['inspect', inspect], ['tempfile', tempfile], ['os', os], ['itertools', itertools]] as const) {
    dictSetStr(heap, g, name, m);
    heap.decref(m);
  }
  runIn(it, OBJGRAPH27_GRAPH_SOURCE, OBJGRAPH27_FILENAME, g);
  // One source listing for tracebacks: the graph functions sit at objgraph.py's line numbers,
  // the chain functions at the top.
  const chainLines = it.sources.get(OBJGRAPH27_FILENAME) ?? [];
  const graphLines = OBJGRAPH27_GRAPH_SOURCE.split('\n');
  const merged: string[] = [];
  for (let i = 0; i < Math.max(chainLines.length, graphLines.length); i++) merged.push(graphLines[i] || chainLines[i] || '');
  it.sources.set(OBJGRAPH27_FILENAME, merged);
}
