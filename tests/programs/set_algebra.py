students = {
    "ann": {"math", "physics", "art"},
    "ben": {"math", "history"},
    "cal": {"art", "music", "history"},
    "dee": {"math", "physics"},
}

all_courses = set()
for courses in students.values():
    all_courses |= courses
print("all:", sorted(all_courses))

common = None
for courses in students.values():
    common = set(courses) if common is None else common & courses
print("taken by everyone:", sorted(common))

print("ann & dee:", sorted(students["ann"] & students["dee"]))
print("ann only:", sorted(students["ann"] - students["ben"] - students["cal"] - students["dee"]))
print("ann ^ cal:", sorted(students["ann"] ^ students["cal"]))

for name, courses in students.items():
    others = set()
    for other, oc in students.items():
        if other != name:
            others.update(oc)
    print(f"  {name}: unique={sorted(courses - others)} shares={len(courses & others)}")

print(students["dee"].issubset(students["ann"]), students["dee"] <= students["ann"])
print(students["ann"].issuperset({"art"}), students["ann"] >= students["dee"])
print(students["dee"] < students["ann"], students["ann"] < students["ann"], students["ann"] <= students["ann"])
print(students["ben"].isdisjoint(students["dee"]), {"music"}.isdisjoint(students["ann"]))

enrolment = {}
for name, courses in students.items():
    for c in courses:
        enrolment.setdefault(c, set()).add(name)
for course in sorted(enrolment):
    print(f"{course:<8} {len(enrolment[course])} {sorted(enrolment[course])}")

x = {1, 2, 3, 4, 5}
x &= {2, 3, 4, 10}
print(x)
x -= {3}
print(x)
x ^= {4, 6}
print(x)
x.intersection_update({2, 6, 8})
print(x)
x.difference_update({6})
print(x)
x.symmetric_difference_update({1, 2})
print(x)
