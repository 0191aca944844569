class Animal:
    sound = "..."

    def __init__(self, name, legs=4):
        self.name = name
        self.legs = legs

    def speak(self):
        return f"{self.name} says {self.sound}"

    def info(self):
        return f"{self.name}: {self.legs} legs, {self.kind()}"

    def kind(self):
        return "animal"


class Dog(Animal):
    sound = "woof"

    def kind(self):
        return "dog"


class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + " (squeaky)"


class Bird(Animal):
    sound = "tweet"

    def __init__(self, name, can_fly=True):
        super().__init__(name, legs=2)
        self.can_fly = can_fly

    def kind(self):
        return "flying bird" if self.can_fly else "flightless bird"


zoo = [Animal("thing"), Dog("rex"), Puppy("bit"), Bird("tweety"), Bird("pingu", can_fly=False)]
for a in zoo:
    print(a.speak())
    print("  " + a.info())

print(isinstance(zoo[2], Dog), isinstance(zoo[2], Animal), isinstance(zoo[1], Puppy))
print(issubclass(Puppy, Animal), issubclass(Bird, Dog), issubclass(Dog, Dog))
print(isinstance(zoo[3], (Dog, Bird)), isinstance(5, Animal))
print([type(a).__name__ for a in zoo])
print(Puppy.__bases__[0].__name__, Dog.__bases__[0].__name__, Animal.__bases__[0].__name__)
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.sound, Bird("b").legs)
counts = {}
for a in zoo:
    for cls in [Animal, Dog, Bird]:
        if isinstance(a, cls):
            counts[cls.__name__] = counts.get(cls.__name__, 0) + 1
print(counts)
