def rle_encode(s):
    if not s:
        return ""
    out = []
    prev = s[0]
    n = 1
    for ch in s[1:]:
        if ch == prev:
            n += 1
        else:
            out.append(f"{n}{prev}")
            prev = ch
            n = 1
    out.append(f"{n}{prev}")
    return "".join(out)


def rle_decode(s):
    out = []
    num = ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)


def look_and_say(s):
    return rle_encode(s)


samples = ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "abc", "aabcccccaaa", "", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"]
for s in samples:
    enc = rle_encode(s)
    dec = rle_decode(enc)
    ratio = len(enc) / len(s) * 100 if s else 0.0
    print("%-12s -> %-20s %5.1f%% %s" % (s[:10] + ("..." if len(s) > 10 else ""), enc[:20], ratio, dec == s))
term = "1"
for i in range(10):
    print(i + 1, term)
    term = look_and_say(term)
t = "1"
lengths = []
for _ in range(25):
    lengths.append(len(t))
    t = look_and_say(t)
print(lengths)
print([round(b / a, 3) for a, b in zip(lengths[-4:], lengths[-3:])])
