text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""


def normalize(word):
    return word.lower().strip(".,;:!?\"'")


counts = {}
for line in text.split("\n"):
    for raw in line.split():
        w = normalize(raw)
        if w:
            counts[w] = counts.get(w, 0) + 1

print("lines:", len(text.split("\n")), "words:", sum(counts.values()), "distinct:", len(counts))
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:8]:
    print(word.ljust(8), str(n).rjust(3), "*" * n)

by_length = {}
for w in counts:
    by_length.setdefault(len(w), []).append(w)
for length in sorted(by_length):
    print(length, sorted(by_length[length]))

letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters, key=lambda c: letters[c], reverse=True)[:5]
print("top letters:", [(c, letters[c]) for c in top])
print("first seen order:", list(counts.keys())[:6])
longest = max(counts, key=len)
print("longest word:", longest, len(longest))
singles = [w for w, n in counts.items() if n == 1]
print(len(singles), "words appear once:", ", ".join(singles))
print("'times' appears", text.count("times"), "times; 'it was' appears", text.lower().count("it was"))
