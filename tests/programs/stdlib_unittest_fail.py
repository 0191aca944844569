# unittest: failures and errors are reported (stderr), and main() exits 1.
import unittest


class T(unittest.TestCase):
    def test_fail(self):
        self.assertEqual([1, 2], [1, 3])

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


if __name__ == "__main__":
    unittest.main()
