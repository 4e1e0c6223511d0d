//! GraphML, for Gephi, yEd, Cytoscape and NetworkX.
//!
//! Every attribute has a typed `<key>`: the model's fields are strings
//! (lists and citations as JSON text, dates in ISO 8601), a link's `key` is a
//! `long`, and each name in `attributes` is a `long`, `double` or `string`
//! key depending on the values it takes in the selection. Nodes and links
//! also carry `label` (the name, the relation in words), which Gephi and
//! Cytoscape show.
//!
//! Text is escaped for XML 1.0: `&`, `<`, `>` and, in attributes, `"` and
//! white space other than the space; characters XML 1.0 cannot carry at all
//! (control characters other than tab, line feed and carriage return, and
//! U+FFFE, U+FFFF) become U+FFFD. A node id that this changes, or that
//! clashes with another once changed, gets a `_2`-style suffix so that ids
//! stay unique.

use std::fmt::{self, Write as _};
use std::io::{self, BufWriter, Write};

use indexmap::IndexMap;
use partnership_core::{AttrValue, Attributes, PartialDate};

use crate::Selection;
use crate::text::UniqueIds;

const HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
"#;

/// The fixed keys: (id, domain, attr.name, attr.type).
const FIXED_KEYS: &[(&str, &str, &str, &str)] = &[
    ("g_name", "graph", "name", "string"),
    ("g_description", "graph", "description", "string"),
    ("n_label", "node", "label", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_family", "node", "family", "string"),
    ("n_name", "node", "name", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_since", "node", "since", "string"),
    ("n_until", "node", "until", "string"),
    ("n_date", "node", "date", "string"),
    ("n_description", "node", "description", "string"),
    ("n_sources", "node", "sources", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_relation", "edge", "relation", "string"),
    ("e_key", "edge", "key", "long"),
    ("e_since", "edge", "since", "string"),
    ("e_until", "edge", "until", "string"),
    ("e_role", "edge", "role", "string"),
    ("e_description", "edge", "description", "string"),
    ("e_sources", "edge", "sources", "string"),
];

/// Writes `selection` as a GraphML document.
pub(crate) fn write<W: Write>(writer: W, selection: &Selection<'_>) -> io::Result<()> {
    let mut w = BufWriter::new(writer);
    let graph = selection.graph();
    let node_attrs = AttrKeys::new(
        "node",
        "n_attr",
        selection.nodes().map(|(_, n)| &n.attributes),
    );
    let link_attrs = AttrKeys::new(
        "edge",
        "e_attr",
        selection.links().map(|l| &l.weight.attributes),
    );

    w.write_all(HEADER.as_bytes())?;
    for &(id, domain, name, ty) in FIXED_KEYS {
        writeln!(
            w,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        )?;
    }
    for keys in [&node_attrs, &link_attrs] {
        for (key, name, ty) in keys.declarations() {
            writeln!(
                w,
                "  <key id=\"{key}\" for=\"{}\" attr.name={} attr.type=\"{}\"/>",
                keys.domain,
                Attr(name),
                ty.as_str()
            )?;
        }
    }

    writeln!(w, "  <graph id=\"G\" edgedefault=\"directed\">")?;
    let meta = graph.meta();
    data(&mut w, 2, "g_name", meta.name.as_deref())?;
    data(&mut w, 2, "g_description", meta.description.as_deref())?;

    let mut ids = UniqueIds::default();
    let mut xml_ids: Vec<Option<String>> = vec![None; graph.node_count()];
    for (index, node) in selection.nodes() {
        let id = ids.fresh(&sanitise(&node.id));
        writeln!(w, "    <node id={}>", Attr(&id))?;
        xml_ids[index.index()] = Some(id);
        data(&mut w, 3, "n_label", Some(&node.name))?;
        data(&mut w, 3, "n_kind", Some(node.kind.as_str()))?;
        data(&mut w, 3, "n_family", Some(node.kind.family().as_str()))?;
        data(&mut w, 3, "n_name", Some(&node.name))?;
        if !node.aliases.is_empty() {
            data(&mut w, 3, "n_aliases", Some(&json(&node.aliases)?))?;
        }
        data(&mut w, 3, "n_since", date(node.since).as_deref())?;
        data(&mut w, 3, "n_until", date(node.until).as_deref())?;
        data(&mut w, 3, "n_date", date(node.date).as_deref())?;
        data(&mut w, 3, "n_description", node.description.as_deref())?;
        data(&mut w, 3, "n_sources", Some(&json(&node.sources)?))?;
        node_attrs.write_data(&mut w, &node.attributes)?;
        writeln!(w, "    </node>")?;
    }
    for (n, l) in selection.links().enumerate() {
        let (Some(source), Some(target)) = (
            xml_ids.get(l.source.index()).and_then(Option::as_ref),
            xml_ids.get(l.target.index()).and_then(Option::as_ref),
        ) else {
            continue; // a selection never shows a link without its ends
        };
        writeln!(
            w,
            "    <edge id=\"e{n}\" source={} target={}>",
            Attr(source),
            Attr(target)
        )?;
        let link = l.weight;
        data(&mut w, 3, "e_label", Some(link.relation.phrase()))?;
        data(&mut w, 3, "e_relation", Some(link.relation.as_str()))?;
        data(&mut w, 3, "e_key", Some(&link.key.unwrap_or(0).to_string()))?;
        data(&mut w, 3, "e_since", date(link.since).as_deref())?;
        data(&mut w, 3, "e_until", date(link.until).as_deref())?;
        data(&mut w, 3, "e_role", link.role.as_deref())?;
        data(&mut w, 3, "e_description", link.description.as_deref())?;
        data(&mut w, 3, "e_sources", Some(&json(&link.sources)?))?;
        link_attrs.write_data(&mut w, &link.attributes)?;
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")?;
    w.flush()
}

fn date(d: Option<PartialDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn json<T: serde::Serialize>(value: &T) -> io::Result<String> {
    serde_json::to_string(value).map_err(io::Error::from)
}

/// Writes `<data key="key">value</data>` when there is a value.
fn data<W: Write>(w: &mut W, depth: usize, key: &str, value: Option<&str>) -> io::Result<()> {
    match value {
        Some(value) => writeln!(
            w,
            "{:indent$}<data key=\"{key}\">{}</data>",
            "",
            Content(value),
            indent = 2 * depth
        ),
        None => Ok(()),
    }
}

/// The GraphML type of an `attributes` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AttrType {
    Long,
    Double,
    String,
}

impl AttrType {
    /// `long` for every integer, `double` for other numbers, `string` for
    /// text.
    ///
    /// An integer above `i64::MAX` (or of any size, when the loader keeps
    /// numbers as written) is `long` too, not `double`: NetworkX reads
    /// `long` as a Python `int`, which holds it exactly, where a `double`
    /// would round it to 53 bits. Readers bound to Java's 64-bit `long`
    /// cannot hold such a value whatever it is declared as.
    fn of(value: &AttrValue) -> AttrType {
        match value {
            AttrValue::Number(n) if n.is_i64() || n.is_u64() || is_integer(&n.to_string()) => {
                AttrType::Long
            }
            AttrValue::Number(_) => AttrType::Double,
            AttrValue::Text(_) => AttrType::String,
        }
    }

    /// The narrowest type that holds values of both types.
    fn join(self, other: AttrType) -> AttrType {
        use AttrType::{Double, Long, String};
        match (self, other) {
            (Long, Long) => Long,
            (Long | Double, Long | Double) => Double,
            _ => String,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            AttrType::Long => "long",
            AttrType::Double => "double",
            AttrType::String => "string",
        }
    }
}

/// Whether a number is spelled as an integer: an optional `-` and digits.
fn is_integer(spelling: &str) -> bool {
    let digits = spelling.strip_prefix('-').unwrap_or(spelling);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The keys for the `attributes` of one domain (nodes or edges): each name
/// in order of first appearance, with its key id, declared name and type.
struct AttrKeys {
    domain: &'static str,
    keys: IndexMap<String, (String, String, AttrType)>,
}

impl AttrKeys {
    fn new<'a>(
        domain: &'static str,
        prefix: &str,
        all: impl Iterator<Item = &'a Attributes>,
    ) -> AttrKeys {
        let mut names = UniqueIds::default();
        for &(_, d, name, _) in FIXED_KEYS {
            if d == domain {
                names.reserve(name);
            }
        }
        let mut keys: IndexMap<String, (String, String, AttrType)> = IndexMap::new();
        for attributes in all {
            for (name, value) in attributes {
                let ty = AttrType::of(value);
                if let Some(entry) = keys.get_mut(name) {
                    entry.2 = entry.2.join(ty);
                } else {
                    let id = format!("{prefix}{}", keys.len());
                    keys.insert(name.clone(), (id, names.fresh(name), ty));
                }
            }
        }
        AttrKeys { domain, keys }
    }

    fn declarations(&self) -> impl Iterator<Item = (&str, &str, AttrType)> {
        self.keys
            .values()
            .map(|(id, name, ty)| (id.as_str(), name.as_str(), *ty))
    }

    fn write_data<W: Write>(&self, w: &mut W, attributes: &Attributes) -> io::Result<()> {
        for (name, value) in attributes {
            if let Some((id, _, _)) = self.keys.get(name) {
                data(w, 3, id, Some(&value.to_string()))?;
            }
        }
        Ok(())
    }
}

/// Whether XML 1.0 can carry `c` at all, even as a character reference.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` with the characters XML cannot carry replaced by U+FFFD.
fn sanitise(text: &str) -> String {
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
struct Content<'a>(&'a str);

impl fmt::Display for Content<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        escape(f, self.0, false)
    }
}

/// An attribute value, escaped and in double quotes.
struct Attr<'a>(&'a str);

impl fmt::Display for Attr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        escape(f, self.0, true)?;
        f.write_char('"')
    }
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
}
