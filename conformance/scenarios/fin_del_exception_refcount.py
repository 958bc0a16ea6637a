# Spec 1.8: an exception raised in __del__ on refcount death is printed ("Exception ... ignored") and swallowed.
class D(object):
    def __del__(self):
        raise RuntimeError('oops')
d = D()
print("deleting")
del d
print("still running")
