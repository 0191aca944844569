def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch == " ":
            i += 1
            continue
        if ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("num", float(text) if "." in text else int(text)))
            i = j
        elif src[i:i + 2] == "**":
            tokens.append(("op", "**"))
            i += 2
        elif src[i:i + 2] == "//":
            tokens.append(("op", "//"))
            i += 2
        else:
            tokens.append(("op", ch))
            i += 1
    tokens.append(("end", None))
    return tokens


def evaluate(src):
    tokens = tokenize(src)
    pos = 0

    def peek():
        return tokens[pos]

    def advance():
        nonlocal pos
        tok = tokens[pos]
        pos += 1
        return tok

    def expr():
        value = term()
        while peek() in [("op", "+"), ("op", "-")]:
            op = advance()[1]
            rhs = term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term():
        value = unary()
        while peek()[0] == "op" and peek()[1] in ("*", "/", "//", "%"):
            op = advance()[1]
            rhs = unary()
            if op == "*":
                value *= rhs
            elif op == "/":
                value /= rhs
            elif op == "//":
                value //= rhs
            else:
                value %= rhs
        return value

    def unary():
        if peek() == ("op", "-"):
            advance()
            return -unary()
        if peek() == ("op", "+"):
            advance()
            return +unary()
        return power()

    def power():
        base = atom()
        if peek() == ("op", "**"):
            advance()
            return base ** unary()
        return base

    def atom():
        kind, val = advance()
        if kind == "num":
            return val
        assert (kind, val) == ("op", "("), "unexpected token %r" % (val,)
        v = expr()
        assert advance() == ("op", ")"), "expected )"
        return v

    result = expr()
    assert peek()[0] == "end", "trailing input"
    return result


cases = [
    ("1 + 2 * 3", 1 + 2 * 3),
    ("(1 + 2) * 3", (1 + 2) * 3),
    ("2 ** 3 ** 2", 2 ** 3 ** 2),
    ("-2 ** 2", -2 ** 2),
    ("2 ** -1", 2 ** -1),
    ("7 // 2 - 7 % 3", 7 // 2 - 7 % 3),
    ("-7 // 2", -7 // 2),
    ("-7 % 3", -7 % 3),
    ("10 / 4", 10 / 4),
    ("1.5 * 4 - 0.5", 1.5 * 4 - 0.5),
    ("((((42))))", 42),
    ("2 ** 100 + 1", 2 ** 100 + 1),
    ("3 - - 3", 3 - -3),
    ("+5 - +2", +5 - +2),
    ("0.1 + 0.2", 0.1 + 0.2),
    ("100 - 3 * (4 + 5) // 2 ** 2", 100 - 3 * (4 + 5) // 2 ** 2),
]
for src, expected in cases:
    got = evaluate(src)
    print(f"{src:<28} = {got!r:<24} {'ok' if got == expected else 'MISMATCH'}")
print(tokenize("12+(3.5**2)"))
