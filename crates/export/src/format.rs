//! The formats, the options they share, and one entry point that picks the
//! writer.

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use partnership_core::json::LinksKey;

use crate::Selection;
use crate::error::{Error, Result};

/// An output format.
///
/// ```
/// use partnership::export::Format;
/// let f: Format = "graphml".parse()?;
/// assert_eq!(f, Format::GraphMl);
/// assert_eq!(f.extension(), "graphml");
/// assert!("svg".parse::<Format>().is_err());
/// # Ok::<(), partnership::export::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Format {
    /// Graphviz DOT, for diagrams (`dot -Tsvg`).
    Dot,
    /// Node-link JSON (MODEL.md), for NetworkX, D3 and notebooks.
    Json,
    /// GraphML, for Gephi, yEd, Cytoscape and NetworkX.
    #[cfg_attr(feature = "clap", value(name = "graphml"))]
    GraphMl,
    /// A Mermaid flowchart, for GitHub and Markdown viewers.
    Mermaid,
    /// The explorer: a self-contained HTML page with a map and an as-of
    /// slider.
    ///
    /// Data, styles and script are inline and the page makes no network
    /// request. It has a map laid out at export time, search, filters, the
    /// slider, details with sources and connections explained in
    /// sentences.
    Html,
}

impl Format {
    /// Every format, in declaration order.
    pub const ALL: [Format; 5] = [
        Format::Dot,
        Format::Json,
        Format::GraphMl,
        Format::Mermaid,
        Format::Html,
    ];

    /// The name [`FromStr`] reads: `dot`, `json`, `graphml`, `mermaid` or
    /// `html`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Json => "json",
            Format::GraphMl => "graphml",
            Format::Mermaid => "mermaid",
            Format::Html => "html",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Json => "json",
            Format::GraphMl => "graphml",
            Format::Mermaid => "mmd",
            Format::Html => "html",
        }
    }

    /// Writes `selection` in this format to `writer`.
    ///
    /// # Errors
    /// Any error of `writer`.
    pub fn write<W: Write>(
        self,
        writer: W,
        selection: &Selection<'_>,
        options: &ExportOptions,
    ) -> io::Result<()> {
        match self {
            Format::Dot => crate::dot::write(writer, selection, options),
            Format::Json => crate::json::write(writer, selection, options),
            Format::GraphMl => crate::graphml::write(writer, selection),
            Format::Mermaid => crate::mermaid::write(writer, selection, options),
            Format::Html => crate::explorer::write(writer, selection, options),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = Error;

    /// Reads a format name or extension, ignoring case (`gv` and `mmd` too).
    fn from_str(s: &str) -> Result<Self> {
        let lower = s.to_ascii_lowercase();
        match lower.as_str() {
            "dot" | "gv" | "graphviz" => Ok(Format::Dot),
            "json" => Ok(Format::Json),
            "graphml" => Ok(Format::GraphMl),
            "mermaid" | "mmd" => Ok(Format::Mermaid),
            "html" | "htm" => Ok(Format::Html),
            _ => Err(Error::InvalidOption {
                option: "format",
                value: s.to_owned(),
                expected: "dot, json, graphml, mermaid or html",
            }),
        }
    }
}

/// Which way a diagram flows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Layout {
    /// Left to right (Graphviz `rankdir=LR`, Mermaid `flowchart LR`).
    #[default]
    #[cfg_attr(feature = "clap", value(name = "lr", alias = "LR"))]
    LeftToRight,
    /// Top to bottom (Graphviz `rankdir=TB`, Mermaid `flowchart TB`).
    #[cfg_attr(feature = "clap", value(name = "tb", alias = "TB"))]
    TopToBottom,
}

impl Layout {
    /// Every layout, in declaration order.
    pub const ALL: [Layout; 2] = [Layout::LeftToRight, Layout::TopToBottom];

    /// The name [`FromStr`] reads and both Graphviz and Mermaid use: `LR` or
    /// `TB`.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::LeftToRight => "LR",
            Layout::TopToBottom => "TB",
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Layout {
    type Err = Error;

    /// Reads `LR` or `TB`, ignoring case.
    fn from_str(s: &str) -> Result<Self> {
        Layout::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| Error::InvalidOption {
                option: "layout",
                value: s.to_owned(),
                expected: "LR or TB",
            })
    }
}

/// How the writers lay out their output. Each writer reads the fields that
/// concern it and ignores the rest, so one value serves every [`Format`].
///
/// ```
/// use partnership::export::{ExportOptions, Layout};
/// let options = ExportOptions { layout: Layout::TopToBottom, clusters: true, ..Default::default() };
/// assert!(options.legend);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// Diagram direction (DOT and Mermaid).
    pub layout: Layout,
    /// Add a legend of the kinds and relations present (DOT).
    pub legend: bool,
    /// Draw what is `part_of` something inside a box around it (DOT).
    pub clusters: bool,
    /// Caption at the top of the diagram; `None` uses the graph's name
    /// (DOT, HTML).
    pub title: Option<String>,
    /// Wrap node labels at this many characters; 0 never wraps (DOT and
    /// Mermaid).
    pub wrap: usize,
    /// Key that holds the links (JSON): `edges`, or `links` for D3 and
    /// NetworkX before 3.6.
    pub links_key: LinksKey,
    /// Indent (JSON).
    pub pretty: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            layout: Layout::LeftToRight,
            legend: true,
            clusters: false,
            title: None,
            wrap: 24,
            links_key: LinksKey::Edges,
            pretty: true,
        }
    }
}

/// Writes `selection` in `format` to `writer`; the same as
/// [`Format::write`].
///
/// ```
/// use partnership::export::{export, ExportOptions, Format, Selection};
/// let g = partnership::model::dataset();
/// let mut out = Vec::new();
/// export(&mut out, &Selection::all(g), Format::Mermaid, &ExportOptions::default())?;
/// assert!(out.starts_with(b"flowchart LR\n"));
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
/// Any error of `writer`.
pub fn export<W: Write>(
    writer: W,
    selection: &Selection<'_>,
    format: Format,
    options: &ExportOptions,
) -> io::Result<()> {
    format.write(writer, selection, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>(), Ok(f));
            assert_eq!(f.extension().parse::<Format>(), Ok(f));
        }
        for l in Layout::ALL {
            assert_eq!(l.as_str().to_lowercase().parse::<Layout>(), Ok(l));
        }
        assert!("RL".parse::<Layout>().is_err());
    }
}
