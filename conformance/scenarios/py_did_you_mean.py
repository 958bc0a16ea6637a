# profiles: 3.12
# 3.12's "Did you mean" hints: attribute names from dir(), local/global/builtin names for a
# NameError, `self.x` inside a method, stdlib modules that were not imported, `from m import x`.
# The traceback module's printer and the interpreter's differ in small ways (see the last line).
import gc
import traceback

class Cache(object):
    def __init__(self):
        self.entries = []
        self.limit = 10
    def size(self):
        return len(entries)

def show(f):
    try:
        f()
    except Exception:
        print(traceback.format_exc().splitlines()[-1])

cache = Cache()
show(lambda: cache.entires)
show(lambda: cache.size())
show(lambda: gc.colect())
show(lambda: [].apend(1))
show(lambda: lenn([]))
show(lambda: sys.getrefcount(cache))
counter = 0
show(lambda: countr)
def local_typo():
    registry = {}
    return registy
show(local_typo)
def import_typo():
    from gc import get_referers
try:
    import_typo()
except ImportError as e:
    print(e.name, e.name_from)
show(import_typo)
e = AttributeError("plain")
print(e.name, e.obj)
try:
    cache.limt
except AttributeError as e:
    print(e.name, e.obj is cache)
print("before the uncaught error")
os.getcwd()
