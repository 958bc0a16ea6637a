# test_gc.test_is_tracked: atomic builtins, builtin types and plain object() instances are never tracked.
import gc
for label, value in [("None", None), ("int", 1), ("float", 1.0), ("complex", 1.0 + 5.0j),
                     ("True", True), ("False", False), ("str", "a"), ("bytearray", bytearray(b"a")),
                     ("type", type), ("int type", int), ("object type", object),
                     ("object()", object()), ("big int", 10 ** 30), ("long str", "abc" * 100),
                     ("Ellipsis", Ellipsis), ("NotImplemented", NotImplemented)]:
    print("%-14s %s" % (label, gc.is_tracked(value)))
