# The article's leak hunt at module level: show_backrefs(by_type(...)[0], max_depth=10) and show_chain of an object left in a global cache.
import objgraph, sys
_cache = []
class OBJ(object):
    pass
def func_to_leak():
    o = OBJ()
    _cache.append(o)
    if True:
        return
    _cache.remove(o)
def direct_cycle_reference():
    a = OBJ()
    a.attr = a
try:
    func_to_leak()
except:
    pass
objgraph.show_backrefs(objgraph.by_type('OBJ')[0], max_depth=10, filename='obj.dot')
sys.stdout.write(open('obj.dot').read())
objgraph.show_chain(objgraph.find_backref_chain(objgraph.by_type('OBJ')[0], objgraph.is_proper_module), filename='obj_chain.dot')
sys.stdout.write(open('obj_chain.dot').read())
direct_cycle_reference()
objgraph.show_backrefs(objgraph.by_type('OBJ')[-1], max_depth=5, filename="direct.dot")
sys.stdout.write(open('direct.dot').read())
