# Objects without weakref support: the TypeError messages for builtins and for __slots__ classes without __weakref__.
import weakref
class Slotted(object):
    __slots__ = ('a',)
class SlottedWeak(object):
    __slots__ = ('a', '__weakref__')
for label, value in [("int", 1), ("str", "text"), ("list", []), ("dict", {}), ("tuple", (1, 2)),
                     ("None", None), ("object()", object()), ("Slotted()", Slotted())]:
    try:
        weakref.ref(value)
        print("%s: ok" % label)
    except TypeError as e:
        print("%s: TypeError: %s" % (label, e))
print("SlottedWeak: %s" % (weakref.ref(SlottedWeak())() is None))
class L(list):
    pass
print("list subclass: ok %s" % (weakref.ref(L()) is not None))
print("set: ok %s" % (weakref.ref(set()) is not None))
def f():
    pass
print("function: ok %s" % (weakref.ref(f)() is f))
print("class: ok %s" % (weakref.ref(Slotted)() is Slotted))
