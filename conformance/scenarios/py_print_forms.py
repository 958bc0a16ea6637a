# print with one parenthesized argument works in both; two arguments print a tuple in 2.7 and two words in 3.12.
print("single")
print("two", "args")
print("")
print()
x = 5
print("value %d" % x)
print(x)
print(("already", "a tuple"))
