class ParseError(Exception):
    pass


def tokenize(text):
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == " ":
            i += 1
        elif ch.isdigit():
            j = i
            while j < n and text[j].isdigit():
                j += 1
            yield ("NUM", int(text[i:j]))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < n and (text[j].isalpha() or text[j].isdigit() or text[j] == "_"):
                j += 1
            yield ("NAME", text[i:j])
            i = j
        elif ch in "+-*/()=":
            yield ("OP", ch)
            i += 1
        else:
            raise ParseError("unexpected character " + repr(ch) + " at " + str(i))
    yield ("END", None)


for tok in tokenize("total = price_1 * (qty + 12)"):
    print(tok)


class Parser:
    def __init__(self, text):
        self.tokens = tokenize(text)
        self.current = next(self.tokens)

    def advance(self):
        tok = self.current
        self.current = next(self.tokens)
        return tok

    def expr(self):
        value = self.term()
        while self.current in (("OP", "+"), ("OP", "-")):
            op = self.advance()[1]
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.atom()
        while self.current in (("OP", "*"), ("OP", "/")):
            op = self.advance()[1]
            rhs = self.atom()
            value = value * rhs if op == "*" else value // rhs
        return value

    def atom(self):
        kind, val = self.advance()
        if kind == "NUM":
            return val
        if (kind, val) == ("OP", "("):
            v = self.expr()
            self.advance()
            return v
        if (kind, val) == ("OP", "-"):
            return -self.atom()
        raise ParseError("unexpected token " + str(val))


for src in ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 - -4", "2 * (3 + 4) * 5"]:
    print(src, "=", Parser(src).expr())

for bad in ["3 $ 4", "2 * * 3"]:
    try:
        print(Parser(bad).expr())
    except ParseError as e:
        print("error:", e)
