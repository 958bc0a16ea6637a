/**
 * The preloaded programs: a walk through Python memory management — reference counts, cycles,
 * the collector, leaks and how to find them with gc and objgraph, and how to avoid them with
 * weak references. Every program runs on both profiles; where 2.7 and 3.12 differ, the
 * comments say how (and side-by-side mode shows it).
 */

export interface Example {
  id: string;
  title: string;
  /** What to look at, shown above the editor. */
  intro: string;
  source: string;
}

export const EXAMPLES: Example[] = [
  {
    id: 'refcounts',
    title: '1. Reference counts',
    intro:
      'Every object carries a count of the references to it. Step line by line and watch the "rc" of the list: names, containers and function arguments each add one; when the count drops to zero the object is freed on the spot — no collector involved.',
    source: `import sys

class Tracker(object):
    def __del__(self):
        print('Tracker freed')

a = [1, 2, 3]            # one reference: the name a
b = a                    # b names the same list: rc 2
box = {'key': a}         # the dict holds a third reference
print(sys.getrefcount(a))    # one more: getrefcount's own argument
del b                    # rc 2
box.clear()              # rc 1
a = None                 # rc 0: the list is freed right here

t = Tracker()
t = None                 # freed at once, __del__ runs before the next line
print('done')
`,
  },
  {
    id: 'self-cycle',
    title: '2. A self cycle',
    intro:
      'An object that refers to itself keeps its count above zero forever. After make_cycle() returns, nothing can reach the OBJ any more, yet it is still alive: the graph shows it in the red band of unreachable objects. Only the cycle collector frees it. Python 2.7 counts 2 objects (the instance and its separate __dict__); 3.12 keeps attributes inline and counts 1.',
    source: `import gc

class OBJ(object):
    pass

def make_cycle():
    a = OBJ()
    a.attr = a           # a refers to itself
    return id(a)

gc.disable()             # keep automatic collections out of the way
make_cycle()
# The frame is gone; the OBJ survives with rc 1, held only by itself.
print(gc.collect())      # 2 on Python 2.7, 1 on Python 3.12
gc.enable()
`,
  },
  {
    id: 'two-cycle',
    title: '3. Two objects in a cycle',
    intro:
      'a refers to b and b refers to a. Deleting the names leaves both at rc 1. Try the gc panel: at the line with gc.collect(), press "collect gen 0" yourself — or tick DEBUG_COLLECTABLE to have the collector report what it frees (Python 2.7 prints those lines only together with DEBUG_OBJECTS).',
    source: `import gc

class OBJ(object):
    pass

def make_pair():
    a, b = OBJ(), OBJ()
    a.attr_b = b
    b.attr_a = a

gc.disable()
flags = gc.DEBUG_COLLECTABLE | getattr(gc, 'DEBUG_OBJECTS', 0)
gc.set_debug(flags)      # report collectable objects on stderr
make_pair()
print(gc.collect())
gc.set_debug(0)
`,
  },
  {
    id: 'leak-cache',
    title: '4. A leak through a module-level cache',
    intro:
      'The function means to remove its object from _cache but returns early. objgraph.show_growth() before and after the call reveals one more OBJ; find_backref_chain() walks back to the module that keeps it alive. Click the OBJ in the graph and open objgraph in the side panel for the same answer as a picture.',
    source: `import objgraph

_cache = []

class OBJ(object):
    pass

def func_to_leak():
    o = OBJ()
    _cache.append(o)
    # ... use o, then take it out of the cache again ...
    if True:             # an early return skips the cleanup below
        return
    _cache.remove(o)

objgraph.show_growth(limit=3)    # the baseline
func_to_leak()
print('after the call:')
objgraph.show_growth()           # OBJ +1: something leaked

def why_alive():
    leaked = objgraph.by_type('OBJ')[0]
    chain = objgraph.find_backref_chain(leaked, objgraph.is_proper_module)
    print(' -> '.join([type(x).__name__ for x in chain]))
    objgraph.show_chain(chain, filename='obj_chain.dot')   # see the "files" tab

why_alive()                      # module -> dict -> list -> OBJ: it is _cache
`,
  },
  {
    id: 'del-cycle',
    title: '5. A cycle with __del__',
    intro:
      'The same cycle, but the class defines __del__. Python 2.7 cannot decide which __del__ to call first, so the collector gives up: both objects (and their dicts) become uncollectable and are parked in gc.garbage — a real leak. Python 3.12 (PEP 442) calls each __del__ once and then frees the cycle. Switch to "side by side" to see both.',
    source: `import gc

class OBJ(object):
    def __del__(self):
        print('__del__ of ' + self.name)

def leak_by_del():
    a, b = OBJ(), OBJ()
    a.name = 'a'
    b.name = 'b'
    a.attr_b = b
    b.attr_a = a

gc.disable()
leak_by_del()
print('unreachable: %d' % gc.collect())
print('in gc.garbage: %d' % len(gc.garbage))
`,
  },
  {
    id: 'saveall',
    title: '6. DEBUG_SAVEALL',
    intro:
      'With DEBUG_SAVEALL the collector does not free what it finds: it appends it to gc.garbage instead, so you can inspect a cycle after the fact. Select one of the objects in gc.garbage and ask objgraph for its back-references.',
    source: `import gc

class OBJ(object):
    pass

def show_cycle_reference():
    a, b = OBJ(), OBJ()
    a.attr_b = b
    b.attr_a = a

gc.set_debug(gc.DEBUG_SAVEALL)
show_cycle_reference()
print('before collect: %d' % len(gc.garbage))
print(gc.collect())
for o in gc.garbage:
    print(o)             # kept alive for inspection instead of freed
gc.set_debug(0)
del gc.garbage[:]        # now they are really garbage
print(gc.collect())
`,
  },
  {
    id: 'break-by-hand',
    title: '7. Breaking cycles by hand',
    intro:
      'Bound methods hold their object, so storing self.on_chat in an attribute of self builds a cycle. A destroy() method that clears the table breaks it, and plain reference counting frees the object again. The last lines do the same to a list that contains itself.',
    source: `import gc

class Connection(object):
    def __init__(self):
        # self -> handlers -> bound method -> self
        self.handlers = {1: self.on_chat, 2: self.on_control}

    def on_chat(self, msg):
        print('chat: ' + msg)

    def on_control(self, msg):
        pass

    def destroy(self):
        self.handlers.clear()    # break the cycle

gc.disable()
c = Connection()
c.handlers[1]('hello')
del c
print('without destroy(): %d unreachable' % gc.collect())

c = Connection()
c.destroy()
del c                    # freed by refcounting alone
print('with destroy(): %d unreachable' % gc.collect())

root = []
root[:] = [root, root, None]     # a list that holds itself twice
del root[:]                      # emptied: the cycle is gone
gc.enable()
`,
  },
  {
    id: 'weakref',
    title: '8. Breaking cycles with weakref',
    intro:
      'A child that points back at its parent makes a cycle — unless the back pointer is a weak reference. Weak references (dashed arrows) do not count: deleting the last strong reference frees the parent at once, the callback runs, and the weak reference starts returning None.',
    source: `import weakref

class Node(object):
    def __init__(self, name, parent=None):
        self.name = name
        self.children = []
        self.parent = None
        if parent is not None:
            self.parent = weakref.ref(parent)    # no cycle: weak
            parent.children.append(self)

def gone(ref):
    print('the root node was freed')

root = Node('root')
leaf = Node('leaf', root)
watch = weakref.ref(root, gone)
print(leaf.parent().name)
del root                 # the last strong reference
print(leaf.parent())     # None: the weak reference died with it
p = weakref.proxy(leaf)
print(p.name)
`,
  },
  {
    id: 'weak-containers',
    title: '9. WeakSet and WeakValueDictionary',
    intro:
      'Containers that hold their members weakly: a registry of live connections and a cache by name that never keep anything alive. When the last real reference goes, the entries disappear from both.',
    source: `import weakref

class Connection(object):
    def __init__(self, name):
        self.name = name

live = weakref.WeakSet()                 # who is connected right now?
by_name = weakref.WeakValueDictionary()  # a cache that keeps nothing alive

a = Connection('a')
b = Connection('b')
live.add(a)
live.add(b)
by_name['a'] = a
by_name['b'] = b
print(len(live))
del a                    # gone from both containers
print(len(live))
print(sorted(by_name.keys()))
`,
  },
  {
    id: 'generations',
    title: '10. Generations and thresholds',
    intro:
      'New container objects start in generation 0 (green). When allocations minus deallocations exceed threshold 0, generation 0 is collected and the survivors move to generation 1 (amber), and so on to generation 2 (blue). Tiny thresholds make it happen every few lines: watch the counts and the log in the gc panel.',
    source: `import gc

class Node(object):
    pass

print(gc.get_threshold())
gc.set_threshold(5, 2, 2)    # tiny thresholds: frequent automatic collections
keep = []
for i in range(12):
    n = Node()
    n.me = n                 # a self cycle each time
    keep.append([i])         # survivors age into older generations
    n = None
gc.set_threshold(700, 10, 10)
`,
  },
  {
    id: 'budgets',
    title: '11. Runaway programs',
    intro:
      'An endless loop cannot freeze the page: programs run in a worker with a step budget and an object budget, and stop with a message when they run out. The recorder keeps the first steps so you can still step through them.',
    source: `items = []
while True:
    items.append([len(items)])
`,
  },
  {
    id: 'big-heap',
    title: '12. A thousand objects',
    intro:
      'A heap with a thousand objects. Use the type filter, "focus" (double-click an object) and the zoom to find your way; the status line shows how long each step took to draw.',
    source: `class Item(object):
    pass

items = [Item() for i in range(1000)]
first = items[0]
first.next = items[1]
items[1].next = items[2]
items[2].next = first
del first
items = None
x = 1
`,
  },
];

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
