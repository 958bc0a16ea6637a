# Subscripting and calling objects that do not support it: each version's TypeError/AttributeError.
from __future__ import print_function
class Plain(object):
    pass
class Classic:
    pass
cases = [
    ('instance[0]', lambda: Plain()[0]),
    ("instance['k']", lambda: Plain()['k']),
    ('instance[True]', lambda: Plain()[True]),
    ('set[0]', lambda: set([1])[0]),
    ("set['k']", lambda: set([1])['k']),
    ('int[0]', lambda: (5)[0]),
    ('classic[0]', lambda: Classic()[0]),
    ('instance()', lambda: Plain()()),
    ('classic()', lambda: Classic()()),
    ('None()', lambda: None()),
]
for label, case in cases:
    try:
        case()
    except (TypeError, AttributeError) as e:
        print(label, '->', type(e).__name__, e)
