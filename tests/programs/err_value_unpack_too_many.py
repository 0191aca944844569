rows = ["alice:30", "bob:25", "carol:41:admin"]


def parse(row):
    name, age = row.split(":")
    return name, int(age)


for r in rows:
    print(parse(r))
