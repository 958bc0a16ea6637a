# profiles: 3.12
# Keywords of a class statement may come from a ** mapping: `metaclass` is taken out of it, the
# rest reach the metaclass and __init_subclass__; __build_class__'s errors for bad mappings.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(kw.items()))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

options = {"tag": "cache", "metaclass": Meta}
class Registry(**options):
    pass
print(type(Registry).__name__)

class Plugin:
    def __init_subclass__(cls, **kw):
        print("__init_subclass__", cls.__name__, kw)
extra = {"version": 2}
class Leaky(Plugin, name="leaky", **extra):
    pass

for bad in ({"name": "x"}, {1: "one"}, ["not", "a", "mapping"]):
    try:
        class Broken(Plugin, name="b", **bad):
            pass
    except TypeError as e:
        print("TypeError:", e)
