log = [
    ("2024-01-01", "alice", "login"),
    ("2024-01-01", "bob", "login"),
    ("2024-01-01", "alice", "view"),
    ("2024-01-02", "carol", "login"),
    ("2024-01-02", "alice", "login"),
    ("2024-01-02", "bob", "purchase"),
    ("2024-01-03", "dave", "login"),
    ("2024-01-03", "carol", "purchase"),
    ("2024-01-03", "alice", "purchase"),
    ("2024-01-03", "bob", "login"),
]

users_by_day = {}
for day, user, action in log:
    users_by_day.setdefault(day, set()).add(user)
for day in sorted(users_by_day):
    print(day, len(users_by_day[day]), sorted(users_by_day[day]))

everyone = set()
for users in users_by_day.values():
    everyone |= users
buyers = {u for _, u, a in log if a == "purchase"}
print("never bought:", sorted(everyone - buyers))
print("every day:", sorted(set.intersection(*users_by_day.values())))
new_each_day = []
seen = set()
for day in sorted(users_by_day):
    new = users_by_day[day] - seen
    new_each_day.append((day, sorted(new)))
    seen |= new
print(new_each_day)

ids = [5, 3, 5, 8, 1, 3, 9, 8, 8, 2]
seen = set()
ordered_unique = []
dupes = set()
for i in ids:
    if i in seen:
        dupes.add(i)
    else:
        seen.add(i)
        ordered_unique.append(i)
print(ordered_unique, sorted(dupes), seen)
missing = set(range(1, 11)) - set(ids)
print("missing ids:", sorted(missing), len(missing))
pairs = {(min(a, b), max(a, b)) for a in ids for b in ids if a != b and a + b == 10}
print(sorted(pairs))
actions = {a for _, _, a in log}
print(sorted(actions), len(actions))
