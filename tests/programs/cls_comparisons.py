class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
        self.text = text

    def __repr__(self):
        return "v" + self.text

    def __eq__(self, other):
        return self.parts == other.parts

    def __ne__(self, other):
        return self.parts != other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __gt__(self, other):
        return self.parts > other.parts

    def __ge__(self, other):
        return self.parts >= other.parts


versions = [Version(s) for s in ["1.10.0", "1.2.3", "0.9", "1.2.10", "2.0", "1.2.3"]]
print(sorted(versions))
print(sorted(versions, reverse=True))
print(min(versions), max(versions))
a, b = Version("1.2.3"), Version("1.2.10")
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(a == Version("1.2.3"), a is Version("1.2.3"))
print(versions.count(Version("1.2.3")), versions.index(Version("2.0")))
print(Version("1.2.3") in versions, Version("3.0") in versions)
print([v for v in versions if Version("1.0") <= v < Version("2.0")])


class Card:
    order = "23456789TJQKA"

    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit

    def __lt__(self, other):
        return Card.order.index(self.rank) < Card.order.index(other.rank)

    def __eq__(self, other):
        return self.rank == other.rank

    def __repr__(self):
        return self.rank + self.suit


hand = [Card("K", "h"), Card("3", "s"), Card("A", "d"), Card("T", "c"), Card("3", "h")]
print(sorted(hand), max(hand), min(hand))
print(Card("Q", "s") > Card("J", "h"), Card("2", "s") == Card("2", "d"))
print(Card("Q", "s") != Card("Q", "d"))


class Plain:
    pass


p1, p2 = Plain(), Plain()
print(p1 == p1, p1 == p2, p1 != p2)
try:
    print(p1 < p2)
except TypeError as e:
    print("TypeError:", e)
