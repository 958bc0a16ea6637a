# profiles: 3.12
# 3.12 compile-time SyntaxWarnings: invalid escapes, then "is" with a literal (a while test twice).
def classify(obj, count):
    if count is 0:
        return 'empty'
    if obj is not ():
        return 'tuple'
    return 'other'
pattern = "\d+ objects"
countdown = 3
while countdown is not 0:
    countdown -= 1
print(classify(None, 0), classify((), 1), classify(1, 1), pattern)
print(countdown is None, countdown == 0)
