# profiles: 3.12
# FinalizeTestCase.test_atexit: live finalizers with atexit=True run at exit, newest first; atexit=False ones do not.
import weakref
class Keep:
    pass
keep = Keep()
f1 = weakref.finalize(keep, print, 'f1 at exit')
f2 = weakref.finalize(keep, print, 'f2 (atexit disabled)')
f3 = weakref.finalize(keep, print, 'f3 at exit')
print("defaults: %s %s %s" % (f1.atexit, f2.atexit, f3.atexit))
f2.atexit = False
other = Keep()
g = weakref.finalize(other, print, 'g ran at death')
del other
print("end of script")
