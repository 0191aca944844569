class Robot:
    count = 0
    default_speed = 5
    laws = []

    def __init__(self, name):
        Robot.count += 1
        self.serial = Robot.count
        self.name = name

    def speed(self):
        return self.default_speed


r1 = Robot("R2")
r2 = Robot("C3")
print(Robot.count, r1.count, r2.serial)
print(r1.speed(), r2.speed())

r1.default_speed = 9
print(r1.speed(), r2.speed(), Robot.default_speed)

Robot.default_speed = 7
print(r1.speed(), r2.speed())

del r1.default_speed
print(r1.speed())

r1.laws.append("do no harm")
print(r2.laws, Robot.laws)

r2.laws = ["own list"]
print(r1.laws, r2.laws)

r3 = Robot("K9")
print(Robot.count, r3.serial, [r.serial for r in (r1, r2, r3)])

r1.count = 100
print(r1.count, Robot.count, r3.count)


class Config:
    settings = {"debug": False}
    version = 1

    def bump(self):
        self.version += 1
        return self.version


c1 = Config()
c2 = Config()
print(c1.bump(), c1.bump(), c2.bump(), Config.version)
print(hasattr(Config, "bump"), hasattr(c1, "settings"), hasattr(c1, "missing"))
