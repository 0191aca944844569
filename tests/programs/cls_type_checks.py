class Vehicle:
    wheels = 0

    def describe(self):
        return f"{type(self).__name__} with {self.wheels} wheels"


class Car(Vehicle):
    wheels = 4


class Bike(Vehicle):
    wheels = 2


class ElectricCar(Car):
    pass


class Trailer:
    wheels = 2


things = [Car(), Bike(), ElectricCar(), Trailer(), Vehicle(), 5, "car", None, [Car()]]
for t in things:
    name = type(t).__name__
    print(f"{name:<12} vehicle={isinstance(t, Vehicle)!s:<6} car={isinstance(t, Car)!s:<6} exact_car={type(t) is Car}")

print(Car().describe(), ElectricCar().describe(), Bike().describe())
print(issubclass(ElectricCar, Vehicle), issubclass(Trailer, Vehicle), issubclass(Car, (Bike, Vehicle)))
print(issubclass(bool, int), isinstance(True, int), isinstance(3, (str, float)), isinstance(3.0, (str, float)))
print(type(Car()) == type(Car()), type(Car()) == type(ElectricCar()))
print(type(5).__name__, type("s").__name__, type([]).__name__, type(None).__name__, type(Car).__name__)


def total_wheels(items):
    total = 0
    for it in items:
        if isinstance(it, (Vehicle, Trailer)):
            total += it.wheels
        elif isinstance(it, list):
            total += total_wheels(it)
    return total


print(total_wheels(things))

classes = [Vehicle, Car, Bike, ElectricCar, Trailer]
for c in classes:
    subs = [d.__name__ for d in classes if d is not c and issubclass(d, c)]
    print(c.__name__, "->", subs)

factory = {"car": Car, "bike": Bike}
built = [factory[k]() for k in ["bike", "car", "car"]]
print([b.describe() for b in built])
print(sum(1 for b in built if type(b) is Car))
try:
    isinstance(Car(), "Car")
except TypeError as e:
    print("TypeError:", e)
