# traceback.print_exc/format_exc/format_exception_only/print_stack inside handlers and functions.
from __future__ import print_function
import sys
import traceback
class LeakError(Exception):
    pass
def check(n):
    if n > 1:
        raise LeakError('%d objects leaked' % n)
def where():
    traceback.print_stack(file=sys.stdout)
try:
    check(3)
except LeakError:
    traceback.print_exc(file=sys.stdout)
    text = traceback.format_exc()
    print(repr(text.splitlines()[-1]), text.count('\n'))
    e = sys.exc_info()[1]
    print(traceback.format_exception_only(type(e), e))
def caller():
    where()
caller()
try:
    {}['missing']
except KeyError:
    lines = traceback.format_exception(*sys.exc_info())
    print(len(lines), repr(lines[0]), repr(lines[-1]))
