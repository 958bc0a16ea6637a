# atexit handlers run after the main module finishes, newest first, with their arguments.
from __future__ import print_function
import atexit
class Resource(object):
    def __init__(self, name):
        self.name = name
    def close(self):
        print('closing', self.name)
def report(label, count=0):
    print('report', label, count)
db = Resource('db')
cache = Resource('cache')
atexit.register(db.close)
atexit.register(report, 'leaks', count=3)
@atexit.register
def goodbye():
    print('goodbye')
print('decorator returns the function:', goodbye.__name__)
print('register returns its argument:', atexit.register(cache.close) == cache.close)
del db, cache
print('main done')
