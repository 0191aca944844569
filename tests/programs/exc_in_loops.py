records = ["alice:30", "bob:x", "carol", "dave:41", ":5", "eve:-2", "frank:29"]


class BadRecord(Exception):
    pass


def parse(rec):
    if ":" not in rec:
        raise BadRecord("no separator")
    name, age = rec.split(":")
    if not name:
        raise BadRecord("empty name")
    age = int(age)
    if age < 0:
        raise ValueError("negative age " + str(age))
    return name, age


good = []
problems = {}
for rec in records:
    try:
        good.append(parse(rec))
    except BadRecord as e:
        problems[rec] = "bad record: " + str(e)
        continue
    except ValueError as e:
        problems[rec] = "value: " + str(e)
        continue
    print("accepted", rec)

print(good)
for k, v in problems.items():
    print(f"  {k!r:>12} -> {v}")

found = None
for i, rec in enumerate(records):
    try:
        name, age = parse(rec)
        if age > 40:
            found = (i, name)
            break
    except (BadRecord, ValueError):
        continue
    finally:
        print("checked", i)
print("found", found)

attempts = 0
while attempts < 10:
    attempts += 1
    try:
        if attempts * attempts < 30:
            raise ArithmeticError
        break
    except ArithmeticError:
        pass
print("attempts", attempts)
