# from __future__ import division makes / true division in 2.7 too.
from __future__ import division
print("7 / 2 = %r" % (7 / 2))
print("10 / 5 = %r" % (10 / 5))
print("7 // 2 = %r" % (7 // 2))
