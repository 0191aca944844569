s = "  Hello, World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "--==text==--".lstrip("-="), "path///".rstrip("/"))
print("a,b,,c".split(","), "a b  c ".split(), "a-b-c-d".split("-", 2))
print("  multiple   spaces here ".split(" "))
print("one\ttwo\nthree  four".split(), "".split(), "".split(","))
print("banana".replace("a", "o"), "banana".replace("an", "AN", 1), "aaa".replace("a", ""))
print("hello".find("l"), "hello".find("l", 3), "hello".find("z"), "hello".find("lo"), "hello".find(""))
print("banana".count("a"), "banana".count("ana"), "banana".count("x"), "aaaa".count("aa"))
print("report.txt".endswith(".txt"), "report.txt".startswith("rep"), "report.txt".startswith("txt"))
print("MiXeD CaSe 123".upper(), "MiXeD CaSe 123".lower())
print("123".isdigit(), "12a".isdigit(), "".isdigit(), "abc".isalpha(), "ab c".isalpha(), "".isalpha())
print("[" + "mid".center(9) + "]", "[" + "mid".center(10, "*") + "]", "[" + "toolong".center(3) + "]")
print("[" + "left".ljust(8, ".") + "]", "[" + "right".rjust(8) + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "3.14".zfill(7))
print(", ".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join("abc"), " ".join([]))
print("ab" * 3, 3 * "-", "x" * 0, "abc" + "def")
print("ell" in "hello", "xyz" not in "hello", "" in "abc")
print(len("naïve café"), "naïve café".upper(), "ÀÉÎ".lower(), ord("é"), chr(955), chr(0x263A))
print("Hello"[1], "Hello"[-1], "Hello"[1:4], "Hello"[::-1])
print("apple" < "banana", "Zebra" < "apple", "abc" < "abd", "ab" < "abc", "b" > "abc")

csv_line = "  id=7 ; name = Widget ;price= 9.50 ;tags=a,b  "
fields = {}
for part in csv_line.strip().split(";"):
    key, value = part.split("=")
    fields[key.strip()] = value.strip()
print(fields)
print(fields["tags"].split(","), float(fields["price"]) * 2, int(fields["id"]) + 1)

sentence = "the rain in spain stays mainly in the plain"
print(sentence.replace("ain", "AIN"), sentence.count("ain"), sentence.find("spain"))
words = sentence.split()
caps = " ".join([w[0].upper() + w[1:] for w in words])
print(caps)
print([w for w in words if w.startswith("s") or w.endswith("in")])
print("{} has {} words and {} chars".format(repr(sentence[:8]), len(words), len(sentence)))
