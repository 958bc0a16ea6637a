# % formatting: conversions, widths, precision, flags, tuples, dict mapping keys and %%.
print("%d|%5d|%-5d|%05d" % (42, 42, 42, 42))
print("%s|%r|%10s|%-10s|" % ('a', 'a', 'right', 'left'))
print("%.2f|%8.3f|%e|%g|%g" % (3.14159, 2.5, 12345.678, 0.0001, 100000000.0))
print("%x|%X|%o|%#o" % (255, 255, 8, 8))
print("%c%c" % (72, 'i'))
print("%(name)s is %(age)d" % {'name': 'ann', 'age': 7})
print("100%% done, %s" % ('yes',))
print("%s" % [1, 'two', (3,)])
print("%r" % ((1, 2),))
print("%+d %+d" % (5, -5))
print("%*d|%-*d|" % (6, 1, 4, 2))
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError: %s" % e)
try:
    print("%d" % ('x',))
except TypeError as e:
    print("TypeError: %s" % e)
try:
    print("%s" % (1, 2))
except TypeError as e:
    print("TypeError: %s" % e)
