# getattr/setattr/hasattr/delattr, getattr defaults, and the errors for missing attributes.
class Config(object):
    debug = False
c = Config()
print("getattr class attr: %r" % getattr(c, 'debug'))
print("getattr default: %r" % getattr(c, 'missing', 'dflt'))
setattr(c, 'level', 3)
print("setattr then attr: %r" % c.level)
print("hasattr: %s %s" % (hasattr(c, 'level'), hasattr(c, 'nope')))
delattr(c, 'level')
print("after delattr: %s" % hasattr(c, 'level'))
try:
    getattr(c, 'nope')
except AttributeError as e:
    print("AttributeError: %s" % e)
try:
    delattr(c, 'debug')
except AttributeError as e:
    print("delattr of a class attribute via instance: AttributeError: %s" % e)
print("vars after: %r" % (vars(c),))
