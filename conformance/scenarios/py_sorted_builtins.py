# sorted/min/max/sum/len/enumerate/zip/isinstance/str/repr builtins on simple data.
words = ['pear', 'Apple', 'fig', 'banana']
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: w.lower(), reverse=True))
print("min %r max %r sum %r len %r" % (min([3, 1, 2]), max([3, 1, 2]), sum([3, 1, 2]), len(words)))
print(list(enumerate(['a', 'b'])))
print(list(zip([1, 2, 3], 'ab')))
print("isinstance tuple of types: %s" % isinstance(3, (str, int)))
print("str/repr: %s %r" % (str(1.25), repr('x')))
print("abs/round: %r %r" % (abs(-4), round(2.675, 1)))
print("hex/oct: %s %s" % (hex(255)[-2:], oct(8)[-2:]))
print("int/float/bool: %r %r %r %r" % (int('12'), float('1.5'), bool([]), bool([0])))
print("chr/ord: %r %r" % (chr(65), ord('a')))
