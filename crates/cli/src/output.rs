//! Shared pieces of output: aligned tables, JSON, and how names, dates and
//! sources are spelled.

use std::io::{self, Write};

use partnership_core::{Graph, Kind, LinkRef, NodeIndex, PartialDate, Relation, Source, words};
use serde::Serialize;

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

    /// Adds a row.
    pub(crate) fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rows.push(cells.into_iter().map(Into::into).collect());
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
            writeln!(out, "{}", text.trim_end())?;
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

/// Warns once on standard error when `as_of` lies after the period the
/// graph's data covers ([`Graph::past_coverage`]); the answer is still
/// printed.
pub(crate) fn warn_past_coverage(graph: &Graph, as_of: Option<PartialDate>) {
    if let Some(date) = as_of
        && let Some(coverage) = graph.past_coverage(date)
    {
        eprintln!(
            "partnership: warning: --as-of {date} is after the data's coverage, which ends {}; \
             anything later is not recorded",
            coverage.until
        );
    }
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
    fn spans_read_as_words() {
        let d = |s: &str| Some(s.parse::<PartialDate>().unwrap());
        assert_eq!(span(d("2014-09"), None), "since 2014-09");
        assert_eq!(span(d("2002"), d("2010")), "2002 to 2010");
        assert_eq!(span(None, d("2010")), "until 2010");
        assert_eq!(span(None, None), "-");
    }
}
