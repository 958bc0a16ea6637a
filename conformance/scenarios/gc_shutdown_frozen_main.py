# At exit, 3.12 drops __main__ from sys.modules: the module object dies and only releases its
# dict, which lives on in a cycle with the module's functions until a collection finds it. Frozen
# (gc.freeze()), that dict is never collected, so its objects are never finalized. 2.7 clears
# __main__'s globals explicitly instead.
import gc
class Resource(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("finalizing %s" % self.name)
def helper():
    return 1
a = Resource("a")
holder = [Resource("in list")]
if hasattr(gc, "freeze"):
    gc.freeze()
later = Resource("after freeze")
print("end")
