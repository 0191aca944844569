def parse_scores(line):
    return [int(tok) for tok in line.split(",")]


for line in ["10,20,30", "7, 8 ,9", "-1,+2,003", "1,two,3"]:
    s = parse_scores(line)
    print(repr(line), "->", s, "sum", sum(s))
