words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac",
         "dog", "god", "odg", "bird", "inlets", "banana", "tinsel", "drib"]


def signature(word):
    return "".join(sorted(word))


def letter_counts(word):
    counts = {}
    for ch in word:
        counts[ch] = counts.get(ch, 0) + 1
    return counts


def is_anagram(a, b):
    return letter_counts(a.replace(" ", "").lower()) == letter_counts(b.replace(" ", "").lower())


groups = {}
for w in words:
    groups.setdefault(signature(w), []).append(w)

print(len(groups), "groups")
for sig, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    print(f"{sig:<8} {len(members)}  {', '.join(sorted(members))}")

pairs = [("Dormitory", "Dirty room"), ("The eyes", "They see"), ("Hello", "World"), ("Astronomer", "Moon starer")]
for a, b in pairs:
    print(f"{a!r} ~ {b!r}: {is_anagram(a, b)}")
print(letter_counts("mississippi"))
print(sorted(letter_counts("mississippi").items(), key=lambda kv: kv[1], reverse=True))
loners = [m[0] for m in groups.values() if len(m) == 1]
print("no anagram partner:", loners)
