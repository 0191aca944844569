transactions = [
    ("2024-01-02", "alice", "deposit", 50000),
    ("2024-01-03", "bob", "deposit", 12000),
    ("2024-01-05", "alice", "withdraw", 7550),
    ("2024-01-06", "carol", "deposit", 100000),
    ("2024-01-08", "bob", "withdraw", 20000),
    ("2024-01-09", "alice", "transfer", 10000, "carol"),
    ("2024-01-12", "carol", "transfer", 2599, "bob"),
    ("2024-01-15", "dave", "withdraw", 100),
    ("2024-01-20", "bob", "withdraw", 14599),
    ("2024-01-31", "carol", "withdraw", 33333),
]


def money(cents):
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}${cents // 100:,}.{cents % 100:02d}"


balances = {}
rejected = []
for t in transactions:
    date, who, kind, amount = t[0], t[1], t[2], t[3]
    target = t[4] if len(t) > 4 else None
    balance = balances.get(who, 0)
    if kind == "deposit":
        balances[who] = balance + amount
    elif amount > balance:
        rejected.append((date, who, kind, amount))
        print(f"{date} REJECTED {kind} of {money(amount)} for {who} (balance {money(balance)})")
        continue
    else:
        balances[who] = balance - amount
        if kind == "transfer":
            balances[target] = balances.get(target, 0) + amount
    note = f" -> {target}" if target else ""
    print(f"{date} {who:<6} {kind:<9}{money(amount):>12}{note}")

print()
print("balances:")
for who in sorted(balances):
    print(f"  {who:<6}{money(balances[who]):>14}")
print("total held:", money(sum(balances.values())))
print("rejected:", len(rejected), [r[1] for r in rejected])


def compound(cents, annual_rate_bp, months):
    for _ in range(months):
        interest = cents * annual_rate_bp // (12 * 10000)
        cents += interest
    return cents


for rate in [150, 375, 500]:
    print(f"100000 cents at {rate / 100:.2f}% for 24 months -> {money(compound(100000, rate, 24))}")
richest = max(balances, key=lambda k: balances[k])
print("richest:", richest, money(balances[richest]), "| overdraft demo:", money(-1234))
