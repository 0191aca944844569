# unittest: failures and errors are reported, and main() exits 1.
import io
import unittest


class T(unittest.TestCase):
    def test_fail(self):
        self.assertEqual(len([1, 2]), 3)

    def test_error(self):
        {}["missing"]

    def test_ok(self):
        pass

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass


class Messages(unittest.TestCase):
    def test_messages(self):
        checks = [
            lambda: self.assertEqual(1, 2),
            lambda: self.assertEqual(1, 2, "custom"),
            lambda: self.assertNotEqual(1, 1),
            lambda: self.assertTrue(0),
            lambda: self.assertFalse(1),
            lambda: self.assertIs(1, None),
            lambda: self.assertIsNot(None, None),
            lambda: self.assertIsNone(5),
            lambda: self.assertIsNotNone(None),
            lambda: self.assertIn(3, [1, 2]),
            lambda: self.assertNotIn(1, [1, 2]),
            lambda: self.assertIsInstance("s", int),
            lambda: self.assertNotIsInstance(1, int),
            lambda: self.assertGreater(1, 2),
            lambda: self.assertGreaterEqual(1, 2),
            lambda: self.assertLess(2, 1),
            lambda: self.assertLessEqual(2, 1),
            lambda: self.assertAlmostEqual(1.0, 1.1),
            lambda: self.assertAlmostEqual(1.0, 1.5, delta=0.25),
            lambda: self.assertRegex("abc", "z"),
            lambda: self.fail("explicit"),
        ]
        for check in checks:
            try:
                check()
            except AssertionError as e:
                print(e)


def run_main():
    # The runner's report goes to a buffer, printed with the time left out
    # (it varies); main() still ends the program with its exit status.
    buf = io.StringIO()
    try:
        unittest.main(testRunner=unittest.TextTestRunner(stream=buf))
    finally:
        for line in buf.getvalue().split("\n"):
            if line.startswith("Ran ") and " in " in line:
                line = line.split(" in ")[0] + " in <time>"
            if line.startswith('  File "'):
                path = line.split('"')[1]
                line = line.replace(path, path.split("/")[-1])
            print(line)


if __name__ == "__main__":
    run_main()
