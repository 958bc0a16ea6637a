# profiles: 3.12
# test_gc.test_resurrection_is_transitive: resurrecting Lazarus keeps the Cargo cycle it references intact.
import gc
gc.disable()
gc.collect()
class Cargo:
    def __init__(self):
        self.me = self
class Lazarus:
    resurrected_instances = []
    def __del__(self):
        Lazarus.resurrected_instances.append(self)
laz = Lazarus()
cargo = Cargo()
cargo_id = id(cargo)
laz.cargo = cargo
cargo.laz = laz
del laz, cargo
print("collect: %d" % gc.collect())
print("resurrected: %d" % len(Lazarus.resurrected_instances))
instance = Lazarus.resurrected_instances.pop()
print("has cargo: %s" % hasattr(instance, "cargo"))
print("same cargo object: %s" % (id(instance.cargo) == cargo_id))
print("cargo still points back: %s" % (instance.cargo.laz is instance))
del instance
print("collect after dropping it: %d" % gc.collect())
