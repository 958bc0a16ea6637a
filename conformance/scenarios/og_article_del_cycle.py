# The article's __del__ cycle: 2.7 keeps both objects in gc.garbage (drawn without gc's own dicts), 3.12 frees them.
import objgraph, gc, sys
class OBJ(object):
    def __del__(self):
        print('Dangerous!')
def show_leak_by_del():
    a, b = OBJ(), OBJ()
    a.attr_b = b
    b.attr_a = a
    del a, b
    print(gc.collect())
    objs = objgraph.by_type('OBJ')
    print(len(objs), len(gc.garbage))
    if objs:
        objgraph.show_backrefs(objs[0], max_depth=10, filename='del_obj.dot',
                               filter=lambda o: not (isinstance(o, dict) and 'garbage' in o))
        sys.stdout.write(open('del_obj.dot').read().replace('_has_a_del', ' _has_a_del'))
show_leak_by_del()
