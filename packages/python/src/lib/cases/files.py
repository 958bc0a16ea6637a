# open(): writing, reading, lines, with-blocks, errors.
!f = open('/tmp/heaplab_case_a.txt', 'w'); f.write('one\ntwo\n'); f.write('three'); f.close()
!f = open('/tmp/heaplab_case_a.txt'); r = f.read(); f.close()
r
!f = open('/tmp/heaplab_case_a.txt'); r = f.readline(); r2 = f.readline(); f.close()
(r, r2)
!f = open('/tmp/heaplab_case_a.txt'); r = f.readlines(); f.close()
r
!f = open('/tmp/heaplab_case_a.txt'); r = [line for line in f]; f.close()
r
!f = open('/tmp/heaplab_case_a.txt'); r = f.read(3); r2 = f.read(); f.close()
(r, r2)
!!
with open('/tmp/heaplab_case_b.txt', 'w') as f:
    f.write('hello')
with open('/tmp/heaplab_case_b.txt') as g:
    content = g.read()
!!
content
f.closed
!f = open('/tmp/heaplab_case_b.txt', 'a'); f.write(' world'); f.close()
open('/tmp/heaplab_case_b.txt').read()
!open('/tmp/heaplab_case_does_not_exist.txt')
!f = open('/tmp/heaplab_case_b.txt'); f.close(); f.read()
!f = open('/tmp/heaplab_case_b.txt'); f.write('x')
!f = open('/tmp/heaplab_case_b.txt', 'w'); f.read()
3.12| !f = open('/tmp/heaplab_case_b.txt', 'w'); f.write(5)
2.7| !f = open('/tmp/heaplab_case_b.txt', 'w'); f.write(5)
3.12| open('/tmp/heaplab_case_b.txt', 'w').write('abc')
2.7| open('/tmp/heaplab_case_b.txt', 'w').write('abc')
!open('/tmp/heaplab_case_b.txt', 'q')
open('/tmp/heaplab_case_b.txt').name
open('/tmp/heaplab_case_b.txt').mode
!f = open('/tmp/heaplab_case_c.txt', 'w'); f.writelines(['a\n', 'b\n']); f.close(); r = open('/tmp/heaplab_case_c.txt').read()
r
3.12| !f = open('/tmp/heaplab_case_c.txt', 'w'); print('x', 1, file=f); f.close(); r = open('/tmp/heaplab_case_c.txt').read()
3.12| r
