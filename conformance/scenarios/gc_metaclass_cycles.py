# metaclasses: a type subclass adds no __dict__/__weakref__ descriptors; a class of a heap metaclass references it
import gc
gc.disable()
gc.collect()
def meta_only():
    class Meta(type):
        pass
meta_only()
print('meta only', gc.collect())
def meta_and_class():
    class Meta(type):
        pass
    A = Meta('A', (object,), {})
meta_and_class()
print('meta and class', gc.collect())
print('again', gc.collect())
class Meta(type):
    pass
A = Meta('A', (object,), {})
print([type(o).__name__ if o is not Meta else 'Meta' for o in gc.get_referents(A)])
class B(object):
    pass
print([type(o).__name__ for o in gc.get_referents(B)])
print(sorted(k for k in Meta.__dict__ if k.startswith('__') and k != '__doc__'))
try:
    class M2(type):
        __slots__ = ('__dict__',)
except TypeError as e:
    print(e)
