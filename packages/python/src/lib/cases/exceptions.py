ValueError('x')
ValueError('x', 1)
ValueError()
str(ValueError('x'))
str(ValueError('x', 1))
str(ValueError())
ValueError('x').args
KeyError('k')
str(KeyError('k'))
str(KeyError('k', 1))
str(KeyError())
repr(KeyError('k'))
2.7| ValueError('m').message
2.7| ValueError('m', 2).message
3.12| ValueError('x').with_traceback(None)
3.12| ValueError('x').__traceback__
3.12| ValueError('x').__cause__
3.12| ValueError('x').__context__
3.12| ValueError('x').__suppress_context__
SystemExit(3).code
SystemExit().code
SystemExit(1, 2).code
StopIteration(5).value
StopIteration().value
str(SyntaxError('bad', ('f.py', 3, 4, 'x = (')))
SyntaxError('bad', ('f.py', 3, 4, 'x = (')).lineno
SyntaxError('bad', ('f.py', 3, 4, 'x = (')).msg
SyntaxError('bad', ('f.py', 3, 4, 'x = (')).text
SyntaxError('bad', ('f.py', 3, 4, 'x = (')).filename
SyntaxError('bad', ('f.py', 3, 4, 'x = (')).offset
str(SyntaxError('bad'))
str(SyntaxError('bad', ('f.py', None, 4, 'x')))
str(SyntaxError('bad', (None, 3, 4, 'x')))
OSError(2, 'No such file')
str(OSError(2, 'No such file'))
str(OSError(2, 'No such file', 'x.txt'))
OSError(2, 'No such file', 'x.txt').errno
OSError(2, 'No such file', 'x.txt').strerror
OSError(2, 'No such file', 'x.txt').filename
OSError('a').errno
3.12| OSError(2, 'x')
3.12| type(OSError(2, 'x'))
2.7| IOError(2, 'x', 'y')
!e = ValueError('x'); e.foo = 5; r = e.foo
r
ValueError('x').__dict__
!!
class E(Exception):
    def __init__(self, a, b):
        Exception.__init__(self, a)
        self.b = b
!!
E(1, 2)
str(E(1, 2))
E(1, 2).args
!!
class F(Exception): pass
!!
F('a', 'b')
F()
str(F('z'))
Exception.__str__(F('q'))
BaseException.__new__(F, 1).args
!e = ValueError(1); e.args = (2, 3); r = e
r
!e = ValueError(1); e.args = 5
UnicodeDecodeError('ascii', b'\xff', 0, 1, 'bad')
str(UnicodeDecodeError('ascii', b'\xff', 0, 1, 'bad'))
ValueError(x=1)
ImportError('m', name='x').name
KeyError.__mro__
ZeroDivisionError.__mro__
3.12| ValueError('x').add_note(1)
3.12| ValueError('x').add_note('n')
!e = ValueError(); e.__traceback__ = 5
!e = ValueError(); e.__cause__ = 5
!e = ValueError(); e.__context__ = 5
3.12| OSError(17, 'x')
3.12| OSError(13, 'x')
3.12| OSError(21, 'x')
3.12| OSError(1, 'x')
OSError(2)
OSError(2, 'a', 'b', 'c')
str(OSError(2, 'a', 'b', 'c', 'd'))
3.12| OSError(2, 'a', 'b', 'c', 'd')
str(OSError())
OSError(2, 'x', 'y').args
str(UnicodeEncodeError('ascii', u'\xe9', 0, 1, 'bad'))
str(UnicodeEncodeError('ascii', u'\xe9a', 0, 2, 'bad'))
str(UnicodeDecodeError('ascii', b'\xffa', 0, 2, 'bad'))
3.12| str(AttributeError('x', name='n'))
3.12| NameError('x', name='n').name
3.12| AttributeError('x').name
str(ImportError('m'))
3.12| ImportError('m', path='p').path
str(SystemExit(1))
BaseException().__dict__
str(Exception(Exception('a')))
Exception(None)
str(Exception(None))
EnvironmentError is OSError
IOError is OSError
