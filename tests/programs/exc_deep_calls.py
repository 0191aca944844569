class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__(msg)
        self.pos = pos


def expect_digit(text, pos):
    if pos >= len(text) or not text[pos].isdigit():
        raise ParseError("digit expected", pos)
    return int(text[pos]), pos + 1


def parse_number(text, pos):
    value, pos = expect_digit(text, pos)
    while pos < len(text) and text[pos].isdigit():
        value = value * 10 + int(text[pos])
        pos += 1
    return value, pos


def parse_sum(text):
    total, pos = parse_number(text, 0)
    while pos < len(text):
        if text[pos] != "+":
            raise ParseError("'+' expected", pos)
        n, pos = parse_number(text, pos + 1)
        total += n
    return total


def evaluate(lines):
    results = []
    for line in lines:
        try:
            results.append(parse_sum(line))
        except ParseError as e:
            print(f"{line!r}: {e} at {e.pos}")
            print("   " + " " * (e.pos + 1) + "^")
            results.append(None)
    return results


print(evaluate(["1+2+3", "12+x", "100+250", "7*3", "5+", ""]))

depth_seen = []


def descend(n):
    depth_seen.append(n)
    if n == 0:
        raise LookupError("bottom reached")
    try:
        descend(n - 1)
    finally:
        depth_seen.append(-n)


try:
    descend(4)
except LookupError as e:
    print("caught at top:", e)
print(depth_seen)
