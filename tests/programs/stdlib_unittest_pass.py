# unittest: a passing run with skips, expected failures, setUp/tearDown and
# setUpClass/tearDownClass order, assertRaises forms; exits 0.
import sys
import io
import unittest

log = []


class Alpha(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass")

    def setUp(self):
        self.value = 41
        log.append("setUp")

    def tearDown(self):
        log.append("tearDown")

    def test_b_equal(self):
        log.append("b")
        self.assertEqual(self.value + 1, 42)
        self.assertNotEqual(1, 2)
        self.assertTrue([1])
        self.assertFalse("")
        self.assertIs(None, None)
        self.assertIsNot([], [])
        self.assertIsNone(None)
        self.assertIsNotNone(0)
        self.assertIn(2, [1, 2])
        self.assertNotIn(3, [1, 2])
        self.assertIsInstance(1, int)
        self.assertNotIsInstance(1, str)
        self.assertGreater(2, 1)
        self.assertGreaterEqual(2, 2)
        self.assertLess(1, 2)
        self.assertLessEqual(2, 2)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.05, delta=0.1)
        self.assertNotAlmostEqual(1.0, 1.1)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertListEqual([1], [1])
        self.assertDictEqual({"a": 1}, {"a": 1})
        self.assertRegex("hello world", "wor")

    def test_a_raises(self):
        log.append("a")
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        print("caught:", type(cm.exception).__name__, cm.exception)
        self.assertRaises(KeyError, {}.__getitem__, "k")
        with self.assertRaises((TypeError, ValueError)):
            int("x")
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")
        try:
            with self.assertRaises(KeyError):
                pass
        except AssertionError as e:
            print("not raised:", e)
        try:
            self.assertRaises(KeyError, len, [])
        except AssertionError as e:
            print("not raised:", e)
        try:
            with self.assertRaisesRegex(ValueError, "^zzz"):
                raise ValueError("abc")
        except AssertionError as e:
            print("regex:", e)

    @unittest.skip("not today")
    def test_c_skipped(self):
        log.append("never")

    @unittest.skipIf(True, "condition")
    def test_d_skipif(self):
        log.append("never")

    @unittest.skipUnless(True, "runs")
    def test_e_skipunless(self):
        log.append("e")

    def test_f_skiptest(self):
        self.skipTest("inside")

    @unittest.expectedFailure
    def test_g_expected(self):
        self.assertEqual(1, 2)

    def helper(self):
        log.append("helper is not a test")


@unittest.skip("whole class")
class Beta(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("Beta.setUpClass")

    def test_x(self):
        log.append("never")


class Gamma(unittest.TestCase):
    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 3)
        print(str(self), self.id())


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
    try:
        run_main()
    except SystemExit as e:
        print("exit code:", e.code)
    print(log)
    print(sys.stderr is not None)
