MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
DAYS = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"]


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_in_month(y, m):
    if m == 2:
        return 29 if is_leap(y) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def day_of_week(y, m, d):
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    if m < 3:
        y -= 1
    return (y + y // 4 - y // 100 + y // 400 + t[m - 1] + d) % 7


def day_number(y, m, d):
    days = d
    for yy in range(1, y):
        days += 366 if is_leap(yy) else 365
    for mm in range(1, m):
        days += days_in_month(y, mm)
    return days


def print_month(y, m):
    print(f"{MONTHS[m - 1]} {y}".center(20).rstrip())
    print(" ".join(DAYS))
    first = day_of_week(y, m, 1)
    cells = ["  "] * first + [str(d).rjust(2) for d in range(1, days_in_month(y, m) + 1)]
    for i in range(0, len(cells), 7):
        print(" ".join(cells[i:i + 7]))


print_month(2024, 2)
print()
print_month(2023, 10)
print()
print("leap years:", [y for y in range(1896, 1913) if is_leap(y)], is_leap(2000), is_leap(2100))
fridays = [f"{MONTHS[m - 1][:3]}" for m in range(1, 13) if day_of_week(2026, m, 13) == 5]
print("Friday the 13th in 2026:", fridays)
print("weekday of 1969-07-20:", DAYS[day_of_week(1969, 7, 20)])
a = day_number(2000, 1, 1)
b = day_number(2024, 12, 25)
print("days from 2000-01-01 to 2024-12-25:", b - a, "weeks:", (b - a) // 7, "rem:", (b - a) % 7)
print("days in 2024:", sum([days_in_month(2024, m) for m in range(1, 13)]))
