# Set operators want sets on both sides; `|=` is named in the message.
s = {1, 2}
print(s | {3}, s.union([3]))
s |= [3]
print("not reached")
