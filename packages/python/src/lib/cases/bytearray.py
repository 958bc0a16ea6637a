list(b'ab')
bytearray(b'a')
bytearray(3)
bytearray('ab', 'utf-8')
bytearray([65, 66])
bytearray()
len(bytearray(b'abc'))
bytearray(b'ab')[0]
bytearray(b'abc')[1:]
list(bytearray(b'ab'))
!b = bytearray(b'ab'); b.append(67); b[0] = 120; r = b
r
hash(bytearray())
bytearray(b'a') == b'a'
bytearray(b'a') + b'b'
bytearray(b'ab').decode()
bytes(bytearray(b'ab'))
bytearray(b'a') * 2
type(bytearray(b'a'))
bytearray(-1)
bytearray([256])
!b = bytearray(b'ab'); b.extend(b'cd'); r = b
r
