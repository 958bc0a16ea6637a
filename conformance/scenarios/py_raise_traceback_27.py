# profiles: 2.7
# Python 2.7 `raise type, value, traceback` re-raises with the original traceback and no new entry.
import sys
class CleanupError(Exception):
    pass
def close(name):
    raise CleanupError('cannot close %s' % name)
def close_all(names):
    saved = None
    for name in names:
        try:
            close(name)
        except CleanupError:
            saved = sys.exc_info()
            print 'deferred:', saved[1]
    if saved is not None:
        raise saved[0], saved[1], saved[2]
try:
    raise CleanupError, CleanupError('same instance')
except CleanupError as e:
    print repr(e), e.args
close_all(['db', 'cache'])
