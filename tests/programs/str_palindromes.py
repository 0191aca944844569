def clean(s):
    return "".join([c.lower() for c in s if c.isalpha() or c.isdigit()])


def is_palindrome(s):
    c = clean(s)
    return c == c[::-1]


def is_palindrome_two_pointer(s):
    i, j = 0, len(s) - 1
    while i < j:
        if s[i] != s[j]:
            return False
        i += 1
        j -= 1
    return True


def longest_palindrome(s):
    best = ""
    for center in range(len(s)):
        for lo, hi in [(center, center), (center, center + 1)]:
            while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
                lo -= 1
                hi += 1
            if hi - lo - 1 > len(best):
                best = s[lo + 1:hi]
    return best


def reverse_and_add(n, limit=50):
    steps = 0
    while str(n) != str(n)[::-1] and steps < limit:
        n += int(str(n)[::-1])
        steps += 1
    return n, steps


phrases = ["A man, a plan, a canal: Panama", "No lemon, no melon", "Hello", "Was it a car or a cat I saw?", "", "12321", "1231"]
for p in phrases:
    print(f"{p!r:34} {is_palindrome(p)!s:5} {is_palindrome_two_pointer(clean(p))}")
for s in ["babad", "cbbd", "forgeeksskeegfor", "abacdfgdcaba", "x"]:
    print("longest in", s, "=", longest_palindrome(s))
pal_nums = [n for n in range(10, 1000) if str(n) == str(n)[::-1]]
print(len(pal_nums), pal_nums[:12], pal_nums[-3:])
for n in [87, 89, 10, 196]:
    print(n, "->", reverse_and_add(n))
squares = [n * n for n in range(1, 300) if str(n * n) == str(n * n)[::-1]]
print("palindromic squares:", squares)
