DATA = """date,region,product,units,unit_price
2023-01-03,north,widget,12,2.50
2023-01-03,south,gadget,3,19.99
2023-01-17,north,gadget,1,19.99
2023-02-01,east,widget,40,2.25
2023-02-11,south,widget,7,2.50
2023-02-28,north,doohickey,5,7.75
2023-03-04,east,gadget,2,18.50
2023-03-09,west,widget,15,2.40
2023-03-30,south,doohickey,9,7.75
"""

lines = DATA.strip().split("\n")
header = lines[0].split(",")
records = []
for line in lines[1:]:
    values = line.split(",")
    row = dict(zip(header, values))
    row["units"] = int(row["units"])
    row["unit_price"] = float(row["unit_price"])
    row["revenue"] = row["units"] * row["unit_price"]
    records.append(row)

print("columns:", header)
print("records:", len(records))
print(records[0])

by_region = {}
by_product = {}
by_month = {}
for r in records:
    by_region[r["region"]] = by_region.get(r["region"], 0.0) + r["revenue"]
    p = by_product.setdefault(r["product"], {"units": 0, "revenue": 0.0})
    p["units"] += r["units"]
    p["revenue"] += r["revenue"]
    month = r["date"][:7]
    by_month[month] = by_month.get(month, 0) + r["units"]

print("%-8s %10s" % ("region", "revenue"))
for region, rev in sorted(by_region.items(), key=lambda kv: -kv[1]):
    print("%-8s %10.2f" % (region, rev))
print()
for product, stats in by_product.items():
    avg = stats["revenue"] / stats["units"]
    print("%-10s units=%-4d revenue=%8.2f avg=%.3f" % (product, stats["units"], stats["revenue"], avg))
print()
for month in sorted(by_month):
    print(month, "#" * (by_month[month] // 2), by_month[month])
best = max(records, key=lambda r: r["revenue"])
print("best sale:", best["date"], best["product"], round(best["revenue"], 2))
total = sum([r["revenue"] for r in records])
print("total revenue: %.2f (%d sales, mean %.4f)" % (total, len(records), total / len(records)))
print(",".join(header))
for r in records[:3]:
    print(",".join([str(r[h]) for h in header]))
