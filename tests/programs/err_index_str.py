def initials(words):
    return "".join([w[0].upper() for w in words])


print(initials(["guido", "van", "rossum"]))
print(initials("ada lovelace".split()))
print(initials("a b  c".split(" ")))
