N = 400000  # small: 120
# Word counting with a dict over a generated text: build the words from
# syllables with an LCG, join, split, lower-case, count, sort by count.

SYLLABLES = ["ka", "Lo", "mi", "ta", "Re", "po", "su", "ne", "Vi", "do", "ga", "hu", "Ze", "bi", "ro", "fa"]


def make_text(n):
    words = []
    x = 42
    for i in range(n):
        x = (x * 75 + 74) % 65537
        w = SYLLABLES[x % 16]
        x = (x * 75 + 74) % 65537
        w = w + SYLLABLES[x % 16]
        if x % 3 == 0:
            x = (x * 75 + 74) % 65537
            w = w + SYLLABLES[x % 16]
        words.append(w)
    return " ".join(words)


def count_words(text):
    counts = {}
    for w in text.split():
        w = w.lower()
        counts[w] = counts.get(w, 0) + 1
    return counts


def run(n):
    counts = count_words(make_text(n))
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    for w, c in items[:5]:
        print(f"{w} {c}")
    check = 0
    for w, c in items:
        check = (check * 31 + c * len(w)) % 1000000007
    print(len(items), check)


run(N)
