//! Shared pieces of output: aligned tables (fitted to the terminal), CSV,
//! JSON, how names, dates and sources are spelled, and the one place text
//! reaches the terminal.
//!
//! Every line of text output goes through [`line`] (the [`say!`] macro) or
//! [`Table`], and every line on standard error through [`error`] or
//! [`notice`]: each escapes control characters with [`clean`], so nothing
//! read from a data file or an argument (an id holding ESC, a name holding
//! a line break) can move the cursor, ring the bell or forge a line. Table
//! cells are escaped as they are added, so CSV output is escaped too. JSON
//! output is escaped by `serde_json` and is left alone; so are exports,
//! whose writers escape for their own formats.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::sync::OnceLock;

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

    /// Whether the table has no rows.
    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Prints the table, fitted to the terminal's width when standard
    /// output is one (see [`set_width`]), whole otherwise.
    ///
    /// # Errors
    /// Any error of `out`.
    pub(crate) fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        self.write_within(out, WIDTH.get().copied().flatten())
    }

    /// Prints the table; with a `width`, long cells are cut with an
    /// ellipsis, widest column first, so that lines fit in `width`
    /// characters (as far as columns of [`MIN_COLUMN`] characters allow).
    ///
    /// # Errors
    /// Any error of `out`.
    pub(crate) fn write_within(&self, out: &mut dyn Write, width: Option<usize>) -> io::Result<()> {
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
        if let Some(width) = width {
            fit(&mut widths, width.saturating_sub(self.indent));
        }
        for line in lines {
            let mut text = " ".repeat(self.indent);
            for (i, cell) in line.iter().enumerate() {
                let cell = cut(cell, widths[i]);
                if i + 1 == line.len() {
                    text.push_str(&cell);
                } else {
                    let pad = widths[i].saturating_sub(cell.chars().count());
                    text.push_str(&cell);
                    text.push_str(&" ".repeat(pad + 2));
                }
            }
            say!(out, "{}", text.trim_end())?;
        }
        Ok(())
    }

    /// Prints the table as CSV: the header (when there is one), then the
    /// rows, every cell whole.
    ///
    /// # Errors
    /// Any error of `out`.
    pub(crate) fn write_csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(out);
        if !self.header.is_empty() {
            writer.write_record(&self.header).map_err(io::Error::from)?;
        }
        for row in &self.rows {
            writer.write_record(row).map_err(io::Error::from)?;
        }
        writer.flush()
    }
}

/// Columns are not cut narrower than this many characters.
pub(crate) const MIN_COLUMN: usize = 8;

/// Narrows the widest columns, one character at a time, until the line
/// (columns plus two spaces between each) fits in `width`, or every column
/// is down to [`MIN_COLUMN`] or its own width.
fn fit(widths: &mut [usize], width: usize) {
    let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
    while total(widths) > width {
        let Some(widest) = widths
            .iter_mut()
            .filter(|w| **w > MIN_COLUMN)
            .max_by_key(|w| **w)
        else {
            break;
        };
        *widest -= 1;
    }
}

/// `cell` cut to `width` characters, the last one an ellipsis when cut.
fn cut(cell: &str, width: usize) -> String {
    if cell.chars().count() <= width {
        return cell.to_owned();
    }
    let mut text: String = cell.chars().take(width.saturating_sub(1)).collect();
    text.push('…');
    text
}

static WIDTH: OnceLock<Option<usize>> = OnceLock::new();

/// Sets the width that [`Table::write`] fits tables to; `None` leaves them
/// whole. Only the first call counts.
pub(crate) fn set_width(width: Option<usize>) {
    let _ = WIDTH.set(width);
}

/// The terminal's width when standard output is a terminal: the `COLUMNS`
/// variable when it holds a positive number, else what the terminal
/// reports, else 80. `None` when standard output is a pipe or a file.
pub(crate) fn terminal_width() -> Option<usize> {
    let stdout = io::stdout();
    if !stdout.is_terminal() {
        return None;
    }
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    Some(from_env.unwrap_or_else(|| {
        terminal_size::terminal_size_of(&stdout).map_or(80, |(w, _)| usize::from(w.0))
    }))
}

/// Citations as one CSV cell: `document: section`, joined with `; `.
pub(crate) fn citations(sources: &[Source]) -> String {
    sources
        .iter()
        .map(words::citation)
        .collect::<Vec<_>>()
        .join("; ")
}

/// A date as a CSV cell: empty when there is none.
pub(crate) fn date_cell(date: Option<PartialDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
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
            relation: link.relation,
            other: EntityJson::new(graph, other),
            since: link.since,
            until: link.until,
            role: link.weight.role.as_deref(),
            description: link.weight.description.as_deref(),
            sources: &link.weight.sources,
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
        notice(&format!(
            "warning: --as-of {date} is after the data's coverage, which ends {}; \
             anything later is not recorded",
            coverage.until
        ));
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
    fn narrow_widths_cut_the_widest_column_with_an_ellipsis() {
        let mut t = Table::new(&["ID", "NAME", "KIND"]);
        t.row(["a", "a rather long name for a column", "state"]);
        let mut out = Vec::new();
        t.write_within(&mut out, Some(30)).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().all(|l| l.chars().count() <= 30), "{text}");
        assert!(text.contains("a rather long name…  state"), "{text}");
        // Whole when there is room, or no width at all.
        let mut out = Vec::new();
        t.write_within(&mut out, Some(200)).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("column"));
        // Columns stop shrinking at MIN_COLUMN.
        let mut widths = vec![20, 30];
        fit(&mut widths, 5);
        assert_eq!(widths, [MIN_COLUMN, MIN_COLUMN]);
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let mut t = Table::new(&["NAME", "NOTE"]);
        t.row(["Command, Control", "say \"hi\""]);
        let mut out = Vec::new();
        t.write_csv(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "NAME,NOTE\n\"Command, Control\",\"say \"\"hi\"\"\"\n"
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
