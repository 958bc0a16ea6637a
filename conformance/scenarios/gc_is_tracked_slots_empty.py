# is_tracked of instances of a class with __slots__ = (): not a GC object in 2.7, tracked in 3.12.
import gc
class UserClassSlots(object):
    __slots__ = ()
class UserIntSlots(int):
    __slots__ = ()
class TwoSlots(object):
    __slots__ = ('a', 'b')
print("__slots__ = () instance: %s" % gc.is_tracked(UserClassSlots()))
print("int subclass with __slots__ = (): %s" % gc.is_tracked(UserIntSlots()))
print("instance with two slots: %s" % gc.is_tracked(TwoSlots()))
print("the slotted class itself: %s" % gc.is_tracked(UserClassSlots))
