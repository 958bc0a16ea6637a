# gc.collect() counts for deleted classes with slots, metaclasses, methods, nested classes
import gc
gc.disable()
gc.collect()
def c1():
    class A(object):
        __slots__ = ('x', 'y')
c1()
print('slots', gc.collect())
def c2():
    class A(object):
        def m(self): pass
        def n(self): pass
c2()
print('methods', gc.collect())
def c3():
    class Meta(type):
        pass
    A = Meta('A', (object,), {})
c3()
print('metaclass', gc.collect())
def c4():
    class A(object):
        class Inner(object):
            pass
c4()
print('nested', gc.collect())
def c5():
    class A(object):
        pass
    class B(A):
        pass
    class C(A):
        pass
c5()
print('hierarchy', gc.collect())
def c6():
    class A(object):
        x = [1, 2]
        y = {'a': []}
c6()
print('class attrs', gc.collect())
def c7():
    class A(object):
        __slots__ = ()
c7()
print('empty slots', gc.collect())
