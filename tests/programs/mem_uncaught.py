# A MemoryError nobody catches ends the program as any error does: the
# output printed so far is all there, then the traceback.
for i in range(3):
    print("line", i)
words = ["a"] * 1000
print(len(" ".join(words)))
pad = "x".center(10**13)
print("not reached")
