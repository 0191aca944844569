TEXT = ("Python is an interpreted high-level general-purpose programming language. "
        "Its design philosophy emphasizes code readability with the use of significant "
        "indentation. Its language constructs as well as its object-oriented approach aim "
        "to help programmers write clear, logical code for small and large-scale projects.")


def wrap(text, width):
    lines = []
    current = ""
    for word in text.split():
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum([len(w) for w in words])
    q, r = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (q + (1 if i < r else 0))
    return out + words[-1]


width = 36
lines = wrap(TEXT, width)
print("+" + "-" * (width + 2) + "+")
for line in lines:
    print("| " + line.ljust(width) + " |")
print("+" + "-" * (width + 2) + "+")
for line in lines[:3]:
    print("| " + line.rjust(width) + " |")
for line in lines[:3]:
    print("| " + line.center(width) + " |")
print("justified:")
for i, line in enumerate(lines):
    out = justify(line, width) if i < len(lines) - 1 else line.ljust(width)
    print("| " + out + " |")
for w in [20, 50, 80]:
    ls = wrap(TEXT, w)
    print(f"width {w}: {len(ls)} lines, longest {max([len(l) for l in ls])}")
print(wrap("supercalifragilisticexpialidocious is long", 10))
