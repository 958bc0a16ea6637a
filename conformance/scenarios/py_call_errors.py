# TypeError messages for calls with missing or unexpected arguments, per version.
from __future__ import print_function
def handler(event, priority=1, *extra, **options):
    return event
def pair(a, b):
    return a, b
class Registry(object):
    def add(self, name, value=None):
        return name
calls = [
    lambda: handler(),
    lambda: handler(priority=2),
    lambda: pair(1),
    lambda: pair(1, 2, 3),
    lambda: pair(1, c=2),
    lambda: pair(1, a=2),
    lambda: Registry().add(),
    lambda: Registry().add('x', 1, 2),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
