# test_gc.test_gc_main_module_at_shutdown: a cycle through __main__ with a __del__ object is finalized at exit in 3.12 only.
class C:
    def __del__(self):
        print('__del__ called')
l = [C()]
l.append(l)
print("end of script")
