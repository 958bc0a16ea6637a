# test_gc.test_global_del_SystemExit: raise SystemExit with a self-referencing __del__ object in a global.
class ClassWithDel:
    def __del__(self):
        print('__del__ called')
a = ClassWithDel()
a.link = a
print("raising SystemExit")
raise SystemExit(0)
