//! Shared pieces of output: aligned tables, JSON, how names, dates and
//! sources are spelled, and the one place text reaches the terminal.
//!
//! Every line of text output goes through [`line`] (the [`say!`] macro) or
//! [`Table::write`], and every line on standard error through [`error`] or
//! [`notice`]: each escapes control characters with [`clean`], so nothing
//! read from a data file or an argument (an id holding ESC, a name holding
//! a line break) can move the cursor, ring the bell or forge a line. JSON
//! output is escaped by `serde_json` and is left alone; so are exports,
//! whose writers escape for their own formats.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};

use partnership_core::{Graph, Kind, LinkRef, NodeIndex, PartialDate, Relation, Source, words};
use serde::Serialize;

/// Writes one line of text output: the formatted text with every control
/// character escaped by [`clean`], then a line break.
///
/// # Errors
/// Any error of `out`.
pub(crate) fn line(out: &mut dyn Write, text: fmt::Arguments<'_>) -> io::Result<()> {
    let text = match text.as_str() {
        Some(fixed) => Cow::Borrowed(fixed),
        None => Cow::Owned(text.to_string()),
    };
    out.write_all(clean(&text).as_bytes())?;
    out.write_all(b"\n")
}

/// `say!(out, "format", args...)`: [`line`] with `format!` arguments;
/// `say!(out)` writes an empty line.
macro_rules! say {
    ($out:expr) => {
        $crate::output::line($out, format_args!(""))
    };
    ($out:expr, $($arg:tt)*) => {
        $crate::output::line($out, format_args!($($arg)*))
    };
}
pub(crate) use say;

/// `text` with each control character (C0, DEL, C1) and each bidirectional
/// formatting character written as a Rust escape: `\n`, `\t`, `\r`,
/// `\u{1b}`, `\u{202e}`. Everything else, other non-ASCII letters included,
/// is kept. Borrowed when there is nothing to escape.
pub(crate) fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else if unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Control characters, and the bidirectional embeddings, overrides and
/// isolates that can reorder what a terminal shows.
fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Prints `partnership: error: MESSAGE` on standard error, escaped by
/// [`clean`] so that it stays one line. Never panics: if standard error is
/// closed, the line is lost and the exit code still tells.
pub(crate) fn error(message: &str) {
    to_stderr(&format!("partnership: error: {}\n", clean(message)));
}

/// Prints `partnership: MESSAGE` on standard error, as [`error`] does.
pub(crate) fn notice(message: &str) {
    to_stderr(&format!("partnership: {}\n", clean(message)));
}

/// Writes to standard error, ignoring failure (`eprintln!` would panic on
/// a closed pipe).
fn to_stderr(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

/// A table of text cells printed with aligned columns.
///
/// Columns are separated by two spaces; the last column is not padded, so
/// lines carry no trailing spaces.
#[derive(Debug, Default)]
pub(crate) struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    indent: usize,
}

impl Table {
    /// A table with these column headings (none for a bare table).
    pub(crate) fn new(header: &[&str]) -> Self {
        Table {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            ..Table::default()
        }
    }

    /// Indents every line by `spaces`.
    pub(crate) fn indent(mut self, spaces: usize) -> Self {
        self.indent = spaces;
        self
    }

    /// Adds a row; each cell is escaped with [`clean`].
    pub(crate) fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rows.push(
            cells
                .into_iter()
                .map(|cell| {
                    let cell: String = cell.into();
                    match clean(&cell) {
                        Cow::Borrowed(_) => cell,
                        Cow::Owned(escaped) => escaped,
                    }
                })
                .collect(),
        );
    }

    /// Prints the table.
    ///
    /// # Errors
    /// Any error of `out`.
    pub(crate) fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let lines = std::iter::once(&self.header)
            .filter(|h| !h.is_empty())
            .chain(&self.rows);
        let columns = lines.clone().map(Vec::len).max().unwrap_or(0);
        let mut widths = vec![0; columns];
        for line in lines.clone() {
            for (w, cell) in widths.iter_mut().zip(line) {
                *w = (*w).max(cell.chars().count());
            }
        }
        for line in lines {
            let mut text = " ".repeat(self.indent);
            for (i, cell) in line.iter().enumerate() {
                if i + 1 == line.len() {
                    text.push_str(cell);
                } else {
                    let pad = widths[i] - cell.chars().count();
                    text.push_str(cell);
                    text.push_str(&" ".repeat(pad + 2));
                }
            }
            say!(out, "{}", text.trim_end())?;
        }
        Ok(())
    }
}

/// Prints `value` as pretty JSON followed by a newline.
///
/// # Errors
/// Any error of `out`.
pub(crate) fn json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// An entity as JSON output names it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EntityJson<'g> {
    /// The node's id.
    pub id: &'g str,
    /// Its name.
    pub name: &'g str,
    /// Its kind.
    pub kind: Kind,
}

impl<'g> EntityJson<'g> {
    /// The entity at `index`.
    pub(crate) fn new(graph: &'g Graph, index: NodeIndex) -> Self {
        let node = graph.node(index);
        EntityJson {
            id: &node.id,
            name: &node.name,
            kind: node.kind,
        }
    }
}

/// A link as JSON output gives it, seen from one of its ends: the other end
/// and the link's own facts.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LinkJson<'g> {
    /// The relation.
    pub relation: Relation,
    /// The entity at the other end.
    #[serde(flatten)]
    pub other: EntityJson<'g>,
    /// When the link began to hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// When it stopped holding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// The office or role, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'g str>,
    /// The curators' note on the link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'g str>,
    /// Where the link is attested.
    pub sources: &'g [Source],
}

impl<'g> LinkJson<'g> {
    /// `link` seen from the end that is not `other`'s.
    pub(crate) fn new(graph: &'g Graph, link: &LinkRef<'g>, other: NodeIndex) -> Self {
        LinkJson {
            relation: link.link.relation,
            other: EntityJson::new(graph, other),
            since: link.link.since,
            until: link.link.until,
            role: link.link.role.as_deref(),
            description: link.link.description.as_deref(),
            sources: &link.link.sources,
        }
    }
}

/// A `since`/`until` span as [`words::span`] says it, or `-` in a table
/// cell when both ends are open.
pub(crate) fn span(since: Option<PartialDate>, until: Option<PartialDate>) -> String {
    words::span(since, until).unwrap_or_else(|| "-".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_aligns_columns_without_trailing_spaces() {
        let mut t = Table::new(&["A", "LONG HEADER", "C"]);
        t.row(["x", "y", ""]);
        t.row(["wide cell", "z", "end"]);
        let mut out = Vec::new();
        t.write(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "A          LONG HEADER  C\nx          y\nwide cell  z            end\n"
        );
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(clean("plain Київ"), "plain Київ");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
        assert_eq!(
            clean("a\u{1b}[31mb\u{7}c\rd\ne\tf\u{9b}g\u{202e}h"),
            "a\\u{1b}[31mb\\u{7}c\\rd\\ne\\tf\\u{9b}g\\u{202e}h"
        );
        let mut t = Table::new(&["A", "B"]);
        t.row(["x\u{1b}", "y\nz"]);
        let mut out = Vec::new();
        t.write(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "A        B\nx\\u{1b}  y\\nz\n"
        );
        let mut out = Vec::new();
        say!(&mut out, "{}!", "bell\u{7}").unwrap();
        assert_eq!(out, b"bell\\u{7}!\n");
    }

    #[test]
    fn spans_read_as_words() {
        let d = |s: &str| Some(s.parse::<PartialDate>().unwrap());
        assert_eq!(span(d("2014-09"), None), "since 2014-09");
        assert_eq!(span(d("2002"), d("2010")), "2002 to 2010");
        assert_eq!(span(None, d("2010")), "until 2010");
        assert_eq!(span(None, None), "-");
    }
}
