rows = [
    ("Mercury", 0.39, 4879, 0),
    ("Venus", 0.72, 12104, 0),
    ("Earth", 1.0, 12756, 1),
    ("Mars", 1.52, 6792, 2),
    ("Jupiter", 5.2, 142984, 95),
    ("Saturn", 9.54, 120536, 146),
]
headers = ["Planet", "AU", "Diameter km", "Moons"]
cells = [[name, "%.2f" % au, str(d), str(m)] for name, au, d, m in rows]
widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]


def border(ch="-", corner="+"):
    return corner + corner.join([ch * (w + 2) for w in widths]) + corner


def render_row(values, aligns):
    parts = []
    for v, w, a in zip(values, widths, aligns):
        if a == "<":
            parts.append(v.ljust(w))
        elif a == ">":
            parts.append(v.rjust(w))
        else:
            parts.append(v.center(w))
    return "| " + " | ".join(parts) + " |"


print(border("="))
print(render_row(headers, "^^^^"))
print(border("="))
for r in cells:
    print(render_row(r, "<>>>"))
print(border())
total_moons = sum([m for _, _, _, m in rows])
print(render_row(["Total", "", "", str(total_moons)], "<>>>"))
print(border())
print()
print(" Summary ".center(40, "*"))
print("largest:".ljust(15, ".") + max(rows, key=lambda r: r[2])[0].rjust(25, "."))
print("smallest:".ljust(15, ".") + min(rows, key=lambda r: r[2])[0].rjust(25, "."))
print("|" + "centered".center(11) + "|" + "odd".center(8, "-") + "|" + "x".center(4) + "|")
for n in [7, 42, 1234, -5]:
    print(str(n).zfill(6), str(n).rjust(6, "0"), str(n).ljust(6, "_") + "|")
