# profiles: 3.12
# Spec 1.9/4.1: immortal objects in 3.12 report getrefcount 4294967295 whatever holds them.
import sys
for label, value in [("None", None), ("True", True), ("small int 5", 5), ("empty tuple", ()),
                     ("empty str", ''), ("int type", int)]:
    print("%s: %d" % (label, sys.getrefcount(value)))
many = [None] * 1000
print("None after 1000 more references: %d" % sys.getrefcount(None))
