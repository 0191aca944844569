def shift_char(ch, k):
    if "a" <= ch <= "z":
        return chr((ord(ch) - ord("a") + k) % 26 + ord("a"))
    if "A" <= ch <= "Z":
        return chr((ord(ch) - ord("A") + k) % 26 + ord("A"))
    return ch


def caesar(text, k):
    return "".join([shift_char(c, k) for c in text])


def vigenere(text, key, decrypt=False):
    out = []
    i = 0
    for ch in text:
        if ch.isalpha():
            k = ord(key[i % len(key)].lower()) - ord("a")
            out.append(shift_char(ch, -k if decrypt else k))
            i += 1
        else:
            out.append(ch)
    return "".join(out)


def crack(cipher, common="etaoinsh"):
    best = None
    for k in range(26):
        candidate = caesar(cipher, -k)
        score = sum([candidate.lower().count(c) for c in common])
        if best is None or score > best[0]:
            best = (score, k, candidate)
    return best


message = "The Quick Brown Fox Jumps Over The Lazy Dog!"
for k in [1, 3, 13, 25, -1, 52]:
    enc = caesar(message, k)
    print(f"k={k:>3}: {enc}")
    assert caesar(enc, -k) == message
print("rot13 twice:", caesar(caesar(message, 13), 13) == message)
secret = vigenere("Attack at dawn, hold the bridge.", "LEMON")
print("vigenere:", secret)
print("decrypted:", vigenere(secret, "LEMON", decrypt=True))
hidden = caesar("meet me near the old station entrance at seven", 11)
print("intercepted:", hidden)
score, key, plain = crack(hidden)
print("cracked with key", key, "score", score, "->", plain)
print([ord(c) for c in "AZaz09 "], "".join([chr(x) for x in range(65, 91, 5)]))
