# profiles: 3.12
# UnraisableHookArgs is a static structseq type: untracked instances without __dict__, the type not among their referents, type attributes refused.
import sys, gc
res = []
def uh(a):
    res.append((gc.is_tracked(a), len(gc.get_referents(a)), hasattr(a, '__dict__'), gc.is_tracked(type(a))))
    try:
        type(a).x = 1
    except TypeError as e:
        res.append(str(e))
    try:
        a.y = 1
    except AttributeError as e:
        res.append(str(e))
sys.unraisablehook = uh
class D:
    def __del__(self):
        raise ValueError('in __del__')
D()
print(res)
