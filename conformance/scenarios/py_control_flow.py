# while/for with break, continue and else clauses, nested loops and the global statement.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
    bump()
print("n=%d counter=%d" % (n, counter))
for i in range(3):
    pass
else:
    print("for-else runs without break")
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v == 4:
            found = (row, v)
            break
    if found:
        break
print("found %r" % (found,))
k = 0
while k < 2:
    k += 1
else:
    print("while-else with k=%d" % k)
