# __weakref__ with __slots__: the slot holds the first weakref, subclasses inherit it, and duplicating it is an error.
import weakref
class S(object):
    __slots__ = ('x', '__weakref__')
o = S()
print("__weakref__ before: %r" % (o.__weakref__,))
r = weakref.ref(o)
print("__weakref__ is the ref: %s" % (o.__weakref__ is r))
p = weakref.proxy(o)
print("still the ref: %s" % (o.__weakref__ is r))
class Sub(S):
    __slots__ = ('y',)
s = Sub()
print("subclass weakrefable: %s" % (weakref.ref(s)() is s))
try:
    class Bad(S):
        __slots__ = ('__weakref__',)
except TypeError as e:
    print("duplicate slot: TypeError: %s" % e)
class NoWeak(object):
    __slots__ = ()
class Plain(NoWeak):
    pass
print("plain subclass of weakless slots class: %s" % (weakref.ref(Plain()) is not None))
print("descriptor type: %s" % type(S.__dict__['__weakref__']).__name__)
try:
    o.__weakref__ = None
except AttributeError as e:
    print("assign: AttributeError")
del r, p
print("after refs gone: %r" % (o.__weakref__,))
