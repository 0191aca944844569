//! The text of a `str`: UTF-8, with its length in characters counted
//! once when it is made, so `len(s)` and, for ASCII text, `s[i]` take
//! O(1); other text gets a table of the byte offset of every 64th
//! character the first time it is indexed, so `s[i]` walks at most 63
//! characters (CPython stores fixed-width code points instead).

use std::cell::OnceCell;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// Characters between two entries of the offset table.
const STRIDE: usize = 64;

/// An immutable Python string.
pub struct PyStr {
    text: String,
    /// Characters (code points); equal to the byte length for ASCII.
    chars: usize,
    /// Byte offset of characters 0, 64, 128, ... (non-ASCII text only,
    /// built on the first index).
    offsets: OnceCell<Box<[usize]>>,
}

impl PyStr {
    /// Wraps `text`, counting its characters.
    pub fn new(text: String) -> PyStr {
        let chars = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr {
            text,
            chars,
            offsets: OnceCell::new(),
        }
    }

    /// The length in characters: `len(s)`.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Whether every character is ASCII (bytes are characters).
    #[inline]
    pub fn is_ascii_text(&self) -> bool {
        self.chars == self.text.len()
    }

    /// Byte offset of character `i` (`i <= char_len()`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii_text() || i == 0 {
            return i.min(self.text.len());
        }
        if i >= self.chars {
            return self.text.len();
        }
        let table = self.offsets.get_or_init(|| {
            self.text
                .char_indices()
                .step_by(STRIDE)
                .map(|(b, _)| b)
                .collect()
        });
        let start = table[i / STRIDE];
        let skip = i % STRIDE;
        self.text[start..]
            .char_indices()
            .nth(skip)
            .map_or(self.text.len(), |(b, _)| start + b)
    }

    /// Character `i` as a str slice (`i < char_len()`).
    pub fn char_at(&self, i: usize) -> &str {
        let b = self.byte_offset(i);
        let rest = &self.text[b..];
        let w = rest.chars().next().map_or(0, char::len_utf8);
        &rest[..w]
    }

    /// Characters `start..stop` (`start <= stop <= char_len()`).
    pub fn char_slice(&self, start: usize, stop: usize) -> &str {
        let a = self.byte_offset(start);
        let b = if stop - start <= STRIDE {
            a + self.text[a..]
                .char_indices()
                .nth(stop - start)
                .map_or(self.text.len() - a, |(b, _)| b)
        } else {
            self.byte_offset(stop)
        };
        &self.text[a..b]
    }

    /// The text as an owned `String` (a copy unless this is the only
    /// owner's).
    pub fn into_string(self) -> String {
        self.text
    }
}

impl Deref for PyStr {
    type Target = String;
    #[inline]
    fn deref(&self) -> &String {
        &self.text
    }
}

impl AsRef<str> for PyStr {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl std::borrow::Borrow<str> for PyStr {
    fn borrow(&self) -> &str {
        &self.text
    }
}

impl Clone for PyStr {
    fn clone(&self) -> PyStr {
        PyStr {
            text: self.text.clone(),
            chars: self.chars,
            offsets: OnceCell::new(),
        }
    }
}

impl From<String> for PyStr {
    fn from(s: String) -> PyStr {
        PyStr::new(s)
    }
}

impl From<&str> for PyStr {
    fn from(s: &str) -> PyStr {
        PyStr::new(s.to_owned())
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.text == other.text
    }
}

impl Eq for PyStr {}

impl PartialEq<str> for PyStr {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for PyStr {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl PartialOrd for PyStr {
    fn partial_cmp(&self, other: &PyStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PyStr {
    fn cmp(&self, other: &PyStr) -> std::cmp::Ordering {
        self.text.cmp(&other.text)
    }
}

impl Hash for PyStr {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.text.hash(h);
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

impl fmt::Display for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.text, f)
    }
}

#[cfg(test)]
mod tests {
    use super::PyStr;

    #[test]
    fn indexes_agree_with_chars() {
        let text: String = (0..1000)
            .map(|i| ['a', 'é', '€', '😀'][(i * 7 + i / 3) % 4])
            .collect();
        let s = PyStr::new(text.clone());
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(s.char_len(), chars.len());
        assert!(!s.is_ascii_text());
        for i in [0, 1, 63, 64, 65, 127, 128, 500, 999] {
            assert_eq!(s.char_at(i), chars[i].to_string(), "at {i}");
        }
        for (a, b) in [
            (0, 0),
            (0, 5),
            (3, 70),
            (60, 200),
            (990, 1000),
            (1000, 1000),
        ] {
            let want: String = chars[a..b].iter().collect();
            assert_eq!(s.char_slice(a, b), want, "{a}..{b}");
        }
        let ascii = PyStr::from("hello");
        assert!(ascii.is_ascii_text());
        assert_eq!(ascii.char_slice(1, 4), "ell");
        assert_eq!(ascii.char_at(4), "o");
    }
}
