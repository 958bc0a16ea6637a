# Release order of removed items (observed through __del__).
!!
class T(object):
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
    def __repr__(self):
        return 'T%d' % self.n
def mk(*ns):
    return [T(n) for n in ns]
!!
!l = mk(1, 2, 3, 4); del l[1:3]
!l = mk(1, 2, 3, 4); l[1:3] = []
!l = mk(1, 2, 3); l[:] = mk(9)
!l = mk(1, 2, 3, 4, 5); del l[::2]
!l = mk(1, 2, 3, 4, 5); del l[::-2]
!l = mk(1, 2, 3, 4); l[::2] = [0, 0]
!l = mk(1, 2, 3, 4); l[::-2] = [0, 0]
!l = mk(1, 2); l[0] = 0
!l = mk(1, 2); del l[0]
!l = mk(1, 2, 3); l.pop(); print('after pop')
!l = mk(1, 2, 3); l.remove(l[1])
!l = mk(1, 2, 3); del l
3.12| !l = mk(1, 2, 3); l.clear()
!l = mk(1, 2, 3); l *= 0
!d = {'a': T(1), 'b': T(2)}; del d['a']
!d = {'a': T(1)}; d['a'] = T(2); print('replaced')
!d = {'a': T(1), 'b': T(2)}; d.clear()
!d = {'a': T(1)}; d.pop('a'); print('popped')
!d = {'a': T(1)}; d.update({'a': T(5)}); print('updated')
!s = set(mk(1)); s.clear()
!t = (T(1), T(2)); t = None
!l = mk(3, 1, 2); l.sort(key=lambda x: x.n); print([x.n for x in l]); del l
!l = mk(1, 2); l.extend(mk(3)); del l
!x = T(1); x = T(2); print('rebound')
!e = ValueError(T(7)); del e
!l = mk(1, 2, 3); l.reverse(); del l
!l = [mk(1, 2), mk(3)]; del l
!del d, s, x
