'%5.2f|%-4s|%x' % (3.14159, 'ab', 255)
'%d' % 1.7
'%d' % '1'
'%x' % 1.5
'%f' % 'a'
'%s %s' % (1,)
'%s' % (1, 2)
'%(a)s' % {'a': 1}
'%(a)s' % 5
'%z' % 1
'%' % 1
'%(a' % {}
'%c' % 65
'%c' % 'ab'
'%c' % 300
'%#x %#o %#X' % (255, 8, 255)
'%+d % d %05d %-5d|' % (5, 5, 5, 5)
'%e %E' % (12345.678, 0.000123)
'%g %g %g %g' % (1e-5, 123456789.0, 0.0001, 100000.0)
'%G' % 1e20
'%.3g|%#.3g' % (1.0, 1.0)
'%10.3e|' % 3.14159
'%r' % 'a'
'%r' % u'a'
'%s' % u'\xe9'
'%.0f %.0f %.0f %.0f' % (0.5, 1.5, 2.5, 3.5)
'%.1f %.2f' % (0.05, 0.125)
'%f' % 1e20
'%.2f' % 1e300
'%f %F' % (float('inf'), float('nan'))
'%*d|%-*d|' % (5, 1, 4, 2)
'%.*f' % (2, 3.14159)
'%*d' % ('a', 1)
'%5s|%-5s|%.2s' % ('abc', 'ab', 'xyz')
'%d%%' % 50
'%i %u' % (3, 4)
'%s' % None
'%s' % [1, 'a']
'%d' % True
'%x' % -255
'%o' % -8
'%d' % 2**70
'%e' % 0
'%.3e' % 2.5e-300
'%g' % 0.0
'%g' % -0.0
'%s' % ()
'' % ()
'x' % ()
'x' % 5
'%s' % {'a': 1}
'%(a)s %(b)d' % {'a': 'x', 'b': 2}
'{} {}'.format(1, 2)
'{0} {1} {0}'.format('a', 'b')
'{name}'.format(name=3)
'{0.real}'.format(3)
'{0[1]}'.format([5, 6])
'{0[a]}'.format({'a': 7})
'{:>10,.2f}'.format(1234567.891)
'{:<8}|{:^8}|{:>8}'.format('a', 'b', 'c')
'{:*^9}'.format('mid')
'{:+d} {: d} {:-d}'.format(5, 5, -5)
'{:08.3f}'.format(-3.14159)
'{:=+8d}'.format(42)
'{:x} {:X} {:#x} {:#o} {:#b} {:b}'.format(255, 255, 255, 8, 5, 5)
'{:,}'.format(1234567)
3.12| '{:_}'.format(1234567)
3.12| '{:_x}'.format(0xdeadbeef)
'{:.3}'.format(3.14159)
'{:.3}'.format('abcdef')
'{:e}'.format(12345.6789)
'{:%}'.format(0.25)
'{:.1%}'.format(0.256)
'{:g}'.format(1e-7)
'{}'.format(1e16)
'{}'.format(0.1+0.2)
'{:10}'.format(3.5)
'{:10}'.format('s')
'{:10}'.format(7)
'{!r}'.format('x')
'{!s}'.format('x')
3.12| '{!a}'.format('é')
'{:d}'.format('x')
'{:s}'.format(5)
'{:.2d}'.format(5)
'{:,s}'.format('x')
'{0}'.format()
'{1}'.format(1)
'{a}'.format(b=1)
'{} {0}'.format(1, 2)
'{0} {}'.format(1, 2)
'{'.format()
'}'.format()
'{{}}'.format()
'{:{w}}'.format('x', w=5)
'{0:{1}{2}}'.format(3.14159, '.', '2f')
'{!x}'.format(1)
'{!r:>5}'.format('a')
'{0.}'.format(1)
'{.foo}'.format(1)
'{:c}'.format(65)
'{:n}'.format(1234)
'{:.2n}'.format(3.14159)
'{:z.1f}'.format(-0.01)
format(1.5)
format(1.5, '.1f')
format('x', '<3')
format(12, 'b')
format([1], '')
format([1], 'x')
format(2**64, ',')
format(1e100, '')
format(1.0, 'g')
format(1.0, '')
format(100.0, '.2')
format(1e16, '.17')
format(123456789.0, '.3')
format(-1.5, '+')
format(True, 'd')
format(True, '')
format(3+4j, '')
format(None, '')
format(5, '')
format(5.0, '%')
'{:<010}'.format(5)
'{:010}'.format('x')
'{:=10}'.format('x')
'{:+}'.format('x')
'{:#}'.format('x')
'{:,}'.format(1.5)
'{:,.2f}'.format(1234.5)
'{:.0f}'.format(2.5)
'{:.0e}'.format(2.5)
'{:x}'.format(1.5)
'{:f}'.format(10**30)
'{:d}'.format(1.0)
'{:5.1f}'.format(2)
'{:s}'.format('a', 'b')
'{0!s:*>5}'.format(1)
format(12.0, '.2')
format(1.0, '.3')
format(0.0001, '.2')
format(1.5e-5, '')
format(123.456, '.5')
format(1234.5, ',.1f')
format(1234, '010,')
format(1234, '08,')
format(-1234, '010,')
format(1234, '=+10,')
format(255, '#010x')
format(0.5, '.0%')
format(float('inf'), '010.2f')
format(float('nan'), '+')
format(float('-inf'), '')
format(1e300, ',.0f')[:20]
format(-0.0, '')
format(-0.0, '.1f')
format(2**100, 'x')
format(-5, 'b')
format(5, '#b')
format(5, 'c')
format(-1, 'c')
format(10, '+c')
format(10, '.1c')
format(97, '#c')
format('abc', '^7.2')
format(3.14159, 'E')
format(1e-10, 'G')
format(1.0, '#g')
format(1.0, '#')
format(1, '')
format(12345678901234567890, 'e')
format(1.5, 'n')
format(1234567.0, 'n')
format(123, 'n')
format(1.5, '=10')
format(1.5, 'x<+10.2f')
3.12| format(1234, '_')
3.12| format(1234, '_b')
3.12| format(1.5, '_')
3.12| format(1234, ',_')
3.12| format(1234, '_,')
format(1234, ',x')
format(1, '.')
format(1.5, '.')
format(1, '5.5.5')
format(1, 'xx')
format(1.5, 'xx')
format('s', 'xx')
'%5%' % ()
'%.3d' % 5
'%#.3o' % 8
'%#o' % 0
'%#x' % 0
'%010.3f' % -3.14159
'%-010d|' % 5
'% 05d' % 5
'%+.2e' % 12345
'%05s' % 'ab'
'%c' % -1
2.7| '%c' % u'\xe9'
'%05.1f' % float('inf')
'%.3s' % 12345
'%(a)s %s' % {'a': 1}
'%(a)d %(a)s' % {'a': 1}
'%ld' % 5
'%s %(a)s' % {'a': 1}
'%s' % 'x' * 2
