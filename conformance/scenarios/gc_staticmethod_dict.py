# profiles: 3.12
# 3.12 staticmethod/classmethod copy __module__/__name__/__qualname__/__doc__/__annotations__ into their own __dict__
import gc
gc.disable()
gc.collect()
def make():
    class K(object):
        @staticmethod
        def s():
            "sdoc"
        @classmethod
        def c(cls):
            pass
        def plain(self):
            pass
make()
print(gc.collect())
def getter(self):
    "d"
    return 1
getter.extra = 7
sm = staticmethod(getter)
print(sorted(sm.__dict__.items()))
print(sm.__doc__, sm.__name__, sm.__qualname__, sm.__module__)
print(sm.__wrapped__ is getter, sm.__func__ is getter)
print(sm.__annotations__ is getter.__annotations__)
print([type(o).__name__ for o in gc.get_referents(sm)])
print(gc.is_tracked(sm.__dict__))
cm = classmethod(getter)
print(sorted(cm.__dict__))
cm.tag = 'x'
print(cm.tag, sorted(cm.__dict__))
print(sorted(staticmethod(len).__dict__))
print(gc.is_tracked(staticmethod(len).__dict__))
class O(object):
    pass
print(sorted(staticmethod(O()).__dict__.items()))
try:
    staticmethod(O()).__name__
except AttributeError as e:
    print(e)
sm.__name__ = 'renamed'
print(sm.__name__, getter.__name__)
del sm.__name__
try:
    sm.__name__
except AttributeError as e:
    print(e)
sm.__dict__ = {'fresh': 1}
print(sm.__dict__, sm.fresh)
def selfref():
    s = staticmethod(getter)
    s.me = s
selfref()
print(gc.collect())
class Sub(staticmethod):
    pass
x = Sub(getter)
print(sorted(x.__dict__))
