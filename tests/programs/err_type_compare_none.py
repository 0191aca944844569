limits = {"cpu": 80, "mem": 70, "disk": None}


def check(name, usage):
    limit = limits[name]
    if usage > limit:
        return name + " over limit"
    return name + " ok"


for name, usage in [("cpu", 50), ("mem", 75), ("disk", 10)]:
    print(check(name, usage))
