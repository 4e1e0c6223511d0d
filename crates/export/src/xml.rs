//! What the XML writers (GraphML and GEXF) share: escaping for XML 1.0 and
//! typed keys for the free-form `attributes` of nodes and links.
//!
//! Text is escaped for XML 1.0: `&`, `<`, `>` and, in attributes, `"` and
//! white space other than the space; characters XML 1.0 cannot carry at all
//! (control characters other than tab, line feed and carriage return, and
//! U+FFFE, U+FFFF) become U+FFFD.

use std::fmt::{self, Write as _};

use indexmap::IndexMap;
use partnership_core::{AttrValue, Attributes};

use crate::text::UniqueIds;

/// The type of an `attributes` name, as both GraphML and GEXF spell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AttrType {
    Long,
    Double,
    String,
}

impl AttrType {
    fn of(value: &AttrValue) -> AttrType {
        match value {
            // An integer above `i64::MAX` (or of any size, as the loader
            // keeps numbers as written) is `long` too, not `double`:
            // NetworkX reads `long` as a Python `int`, which holds it
            // exactly, where a `double` would round it to 53 bits. Readers
            // bound to Java's 64-bit `long` cannot hold such a value
            // whatever it is declared as.
            AttrValue::Number(n) if n.is_i64() || n.is_u64() || is_integer(&n.to_string()) => {
                AttrType::Long
            }
            AttrValue::Number(_) => AttrType::Double,
            AttrValue::Text(_) => AttrType::String,
        }
    }

    /// The narrowest type that holds values of both types.
    pub(crate) fn join(self, other: AttrType) -> AttrType {
        use AttrType::{Double, Long, String};
        match (self, other) {
            (Long, Long) => Long,
            (Long | Double, Long | Double) => Double,
            _ => String,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            AttrType::Long => "long",
            AttrType::Double => "double",
            AttrType::String => "string",
        }
    }
}

/// One declared key for an `attributes` name.
#[derive(Debug, Clone)]
pub(crate) struct AttrKey {
    /// The key's id, `prefix` and a number.
    pub(crate) id: String,
    /// The declared name: the attribute's name, suffixed when it clashes
    /// with a reserved name.
    pub(crate) name: String,
    /// The narrowest type that holds every value.
    pub(crate) ty: AttrType,
}

/// The keys for the `attributes` of one domain (nodes or links): each name
/// in order of first appearance, with its key id, declared name and type.
#[derive(Debug)]
pub(crate) struct AttrKeys {
    keys: IndexMap<String, AttrKey>,
}

impl AttrKeys {
    /// Keys for every name in `all`; declared names avoid `reserved`.
    pub(crate) fn new<'a>(
        prefix: &str,
        reserved: &[&str],
        all: impl Iterator<Item = &'a Attributes>,
    ) -> AttrKeys {
        let mut names = UniqueIds::default();
        for name in reserved {
            names.reserve(name);
        }
        let mut keys: IndexMap<String, AttrKey> = IndexMap::new();
        for attributes in all {
            for (name, value) in attributes {
                let ty = AttrType::of(value);
                if let Some(entry) = keys.get_mut(name) {
                    entry.ty = entry.ty.join(ty);
                } else {
                    let key = AttrKey {
                        id: format!("{prefix}{}", keys.len()),
                        name: names.fresh(&sanitise(name)),
                        ty,
                    };
                    keys.insert(name.clone(), key);
                }
            }
        }
        AttrKeys { keys }
    }

    /// Every key, in order of first appearance.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &AttrKey> {
        self.keys.values()
    }

    /// The key of an attribute name.
    pub(crate) fn get(&self, name: &str) -> Option<&AttrKey> {
        self.keys.get(name)
    }

    /// The key id and the value as text of each attribute that has a key,
    /// in the attributes' order: what both XML writers put in a value
    /// element.
    pub(crate) fn values<'a>(
        &'a self,
        attributes: &'a Attributes,
    ) -> impl Iterator<Item = (&'a str, String)> + 'a {
        attributes
            .iter()
            .filter_map(|(name, value)| Some((self.get(name)?.id.as_str(), value.to_string())))
    }
}

/// Whether XML 1.0 can carry `c` at all, even as a character reference.
pub(crate) fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` with the characters XML cannot carry replaced by U+FFFD.
pub(crate) fn sanitise(text: &str) -> String {
    text.chars()
        .map(|c| if xml_char(c) { c } else { '\u{FFFD}' })
        .collect()
}

fn escape(f: &mut fmt::Formatter<'_>, text: &str, attribute: bool) -> fmt::Result {
    for c in text.chars() {
        match c {
            '&' => f.write_str("&amp;")?,
            '<' => f.write_str("&lt;")?,
            '>' => f.write_str("&gt;")?,
            // A parser turns a literal CR (or CR LF) into LF, and white space
            // in an attribute into spaces; references survive both.
            '\r' => f.write_str("&#13;")?,
            '"' if attribute => f.write_str("&quot;")?,
            '\n' if attribute => f.write_str("&#10;")?,
            '\t' if attribute => f.write_str("&#9;")?,
            c if !xml_char(c) => f.write_char('\u{FFFD}')?,
            c => f.write_char(c)?,
        }
    }
    Ok(())
}

/// Element content, escaped.
pub(crate) struct Content<'a>(pub(crate) &'a str);

impl fmt::Display for Content<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        escape(f, self.0, false)
    }
}

/// An attribute value, escaped and in double quotes.
pub(crate) struct Attr<'a>(pub(crate) &'a str);

impl fmt::Display for Attr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        escape(f, self.0, true)?;
        f.write_char('"')
    }
}

/// `value` as JSON text, for lists and citations in a text field.
pub(crate) fn json<T: serde::Serialize>(value: &T) -> std::io::Result<String> {
    serde_json::to_string(value).map_err(std::io::Error::from)
}

/// Whether a number is spelled as an integer: an optional `-` and digits.
fn is_integer(spelling: &str) -> bool {
    let digits = spelling.strip_prefix('-').unwrap_or(spelling);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_forbids() {
        assert_eq!(Content("a<b>&c\r").to_string(), "a&lt;b&gt;&amp;c&#13;");
        assert_eq!(Attr("\"x\"\n\t").to_string(), "\"&quot;x&quot;&#10;&#9;\"");
        assert_eq!(
            Content("\u{0}\u{1b}\u{FFFE}é").to_string(),
            "\u{FFFD}\u{FFFD}\u{FFFD}é"
        );
    }

    #[test]
    fn attribute_types_widen() {
        assert_eq!(AttrType::Long.join(AttrType::Double), AttrType::Double);
        assert_eq!(AttrType::Double.join(AttrType::String), AttrType::String);
        assert_eq!(AttrType::Long.join(AttrType::Long), AttrType::Long);
    }

    #[test]
    fn attribute_names_avoid_reserved_names() {
        let mut a = Attributes::new();
        a.insert("label".into(), AttrValue::Text("x".into()));
        a.insert("n".into(), AttrValue::Number(3.into()));
        let mut b = Attributes::new();
        b.insert("n".into(), AttrValue::Text("three".into()));
        let keys = AttrKeys::new("k", &["label"], [&a, &b].into_iter());
        let got: Vec<(&str, &str, AttrType)> = keys
            .iter()
            .map(|k| (k.id.as_str(), k.name.as_str(), k.ty))
            .collect();
        assert_eq!(
            got,
            [
                ("k0", "label_2", AttrType::String),
                ("k1", "n", AttrType::String)
            ]
        );
    }
}
