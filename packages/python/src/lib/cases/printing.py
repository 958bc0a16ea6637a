# print (3.12 function, 2.7 statement with softspace) through a capturing sys.stdout.
3.12| !print(1, 2, 3)
3.12| !print('a', 'b', sep='-', end='|')
3.12| !print()
3.12| !print(None, True, 1.5, [1, 'x'], {'k': (1,)})
3.12| !print('x', end='')
3.12| !print(sep=':')
3.12| !print(1, 2, sep=None, end=None)
3.12| !print(1, sep=5)
3.12| !print(1, end=5)
3.12| !print(1, foo=2)
3.12| !print('é')
2.7| !print 1, 2, 3
2.7| !print 'a',
2.7| !print 'a',; print 'b'
2.7| !print 1,; print 2
2.7| !print 'a\t',; print 'b'
2.7| !print 'a\n',; print 'b'
2.7| !print 'a ',; print 'b'
2.7| !print
2.7| !print '',; print 'c'
2.7| !print None, True, 1.5, [1, 'x'], {'k': (1,)}
2.7| !print (1, 2)
2.7| !print 0.1 + 0.2, 1e16, 1.0/3
2.7| !print u'abc', 'def'
2.7| !import sys; sys.stdout.write('w'); print 'x'
2.7| !print 'z',; import sys; sys.stdout.write('w'); print 'x'
!!
class P(object):
    def __str__(self):
        return 'P!'
    def __repr__(self):
        return 'P?'
!!
2.7| !print P(), [P()]
3.12| !print(P(), [P()])
2.7| !print '%d items' % 3, 'ok'
3.12| !print('%d items' % 3, 'ok')
3.12| !print(*[1, 2], sep=', ')
2.7| !print 1.0, 10.0, 1e100, 123456789012.0, 0.1
3.12| !print(1.0, 10.0, 1e100, 123456789012.0, 0.1)
2.7| !print 2**70, 5L
