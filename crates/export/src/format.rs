//! The formats, the options they share, and one entry point that picks the
//! writer.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use partnership_core::json::LinksKey;

use crate::Selection;
use crate::error::{Error, Result, WriteError, parse_name};
use crate::tables::OutputFile;

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
    /// Dynamic GEXF 1.2draft, for Gephi's timeline and NetworkX.
    Gexf,
    /// FollowTheMoney entities, one JSON object per line, for Aleph and
    /// OpenSanctions.
    Ftm,
}

impl Format {
    /// Every format, in declaration order.
    pub const ALL: [Format; 7] = [
        Format::Dot,
        Format::Json,
        Format::GraphMl,
        Format::Mermaid,
        Format::Html,
        Format::Gexf,
        Format::Ftm,
    ];

    /// The name [`FromStr`] reads: `dot`, `json`, `graphml`, `mermaid`,
    /// `html`, `gexf` or `ftm`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Json => "json",
            Format::GraphMl => "graphml",
            Format::Mermaid => "mermaid",
            Format::Html => "html",
            Format::Gexf => "gexf",
            Format::Ftm => "ftm",
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
            Format::Gexf => "gexf",
            Format::Ftm => "ftm.json",
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
            Format::Gexf => crate::gexf::write(writer, selection),
            Format::Ftm => crate::ftm::write(writer, selection),
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

    /// Reads a format name or extension, ignoring case (`gv`, `mmd` and
    /// `ftm.json` too).
    fn from_str(s: &str) -> Result<Self> {
        let lower = s.to_ascii_lowercase();
        match lower.as_str() {
            "dot" | "gv" | "graphviz" => Ok(Format::Dot),
            "json" => Ok(Format::Json),
            "graphml" => Ok(Format::GraphMl),
            "mermaid" | "mmd" => Ok(Format::Mermaid),
            "html" | "htm" => Ok(Format::Html),
            "gexf" => Ok(Format::Gexf),
            "ftm" | "ftm.json" | "followthemoney" => Ok(Format::Ftm),
            _ => Err(Error::InvalidOption {
                option: "format",
                value: s.to_owned(),
                expected: "dot, json, graphml, mermaid, html, gexf or ftm",
            }),
        }
    }
}

/// A format written as several files into a folder.
///
/// ```
/// use partnership_export::{FolderFormat, Selection};
/// let g = partnership_core::dataset();
/// let files = FolderFormat::Csv.files(&Selection::all(g))?;
/// let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
/// assert_eq!(names, ["nodes.csv", "links.csv"]);
/// assert!("neo4j".parse::<FolderFormat>().is_ok());
///
/// let dir = std::env::temp_dir().join(format!("partnership-doc-{}", std::process::id()));
/// let written = FolderFormat::Neo4j.write_to(&dir, &Selection::all(g))?;
/// assert!(written.iter().any(|p| p.ends_with("ladybug.cypher")));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FolderFormat {
    /// CSV files for `neo4j-admin database import`, with `schema.cypher`,
    /// `ladybug.cypher` for Ladybug and Kuzu, and a README with the
    /// commands.
    Neo4j,
    /// `nodes.csv` and `links.csv`, flat tables for spreadsheets.
    Csv,
}

impl FolderFormat {
    /// Every folder format, in declaration order.
    pub const ALL: [FolderFormat; 2] = [FolderFormat::Neo4j, FolderFormat::Csv];

    /// The name [`FromStr`] reads: `neo4j` or `csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            FolderFormat::Neo4j => "neo4j",
            FolderFormat::Csv => "csv",
        }
    }

    /// Every file of `selection` in this format, rendered in memory, in a
    /// fixed order; the same selection gives the same bytes.
    ///
    /// # Errors
    /// Only if a value cannot be encoded, which the model rules out.
    pub fn files(self, selection: &Selection<'_>) -> io::Result<Vec<OutputFile>> {
        match self {
            FolderFormat::Neo4j => crate::tables::neo4j(selection),
            FolderFormat::Csv => crate::tables::spreadsheet(selection),
        }
    }

    /// Writes every file of `selection` into the folder `dir`, creating it
    /// (and its parents) when missing, replacing files of the same names;
    /// returns the paths written, in order. Other files in the folder are
    /// left alone.
    ///
    /// # Errors
    /// [`WriteError::NotAFolder`] when `dir` is an existing file,
    /// [`WriteError::CreateFolder`] when it cannot be created,
    /// [`WriteError::Write`] naming the file that could not be written.
    pub fn write_to(
        self,
        dir: &Path,
        selection: &Selection<'_>,
    ) -> Result<Vec<PathBuf>, WriteError> {
        if dir.exists() && !dir.is_dir() {
            return Err(WriteError::NotAFolder {
                path: dir.to_path_buf(),
            });
        }
        let files = self.files(selection).map_err(|source| WriteError::Write {
            path: dir.to_path_buf(),
            source,
        })?;
        std::fs::create_dir_all(dir).map_err(|source| WriteError::CreateFolder {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut written = Vec::with_capacity(files.len());
        for file in files {
            let path = dir.join(&file.name);
            std::fs::write(&path, &file.content).map_err(|source| WriteError::Write {
                path: path.clone(),
                source,
            })?;
            written.push(path);
        }
        Ok(written)
    }
}

impl fmt::Display for FolderFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for FolderFormat {
    type Err = Error;

    /// Reads `neo4j` or `csv`, ignoring case.
    fn from_str(s: &str) -> Result<Self> {
        parse_name(
            &FolderFormat::ALL,
            FolderFormat::as_str,
            s,
            "folder format",
            "neo4j or csv",
        )
    }
}

/// Every format `export` can write, one stream ([`Format`]) or a folder of
/// files ([`FolderFormat`]): what a command line offers as `--format`.
/// Exactly one of [`AnyFormat::stream`] and [`AnyFormat::folder`] gives a
/// format.
///
/// ```
/// use partnership_export::{AnyFormat, FolderFormat, Format};
/// let f: AnyFormat = "neo4j".parse()?;
/// assert_eq!(f.folder(), Some(FolderFormat::Neo4j));
/// assert_eq!(f.stream(), None);
/// assert_eq!(AnyFormat::from(Format::Gexf).stream(), Some(Format::Gexf));
/// assert_eq!(AnyFormat::ALL.len(), Format::ALL.len() + FolderFormat::ALL.len());
/// # Ok::<(), partnership_export::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum AnyFormat {
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
    Html,
    /// Dynamic GEXF, for Gephi's timeline.
    Gexf,
    /// FollowTheMoney entities, one per line, for Aleph.
    Ftm,
    /// A folder of CSV files for neo4j-admin import, Ladybug and Kuzu.
    Neo4j,
    /// A folder with nodes.csv and links.csv, for spreadsheets.
    Csv,
}

impl AnyFormat {
    /// Every format, streams first, in declaration order.
    pub const ALL: [AnyFormat; 9] = [
        AnyFormat::Dot,
        AnyFormat::Json,
        AnyFormat::GraphMl,
        AnyFormat::Mermaid,
        AnyFormat::Html,
        AnyFormat::Gexf,
        AnyFormat::Ftm,
        AnyFormat::Neo4j,
        AnyFormat::Csv,
    ];

    /// The format written to one stream, if this is one.
    pub fn stream(self) -> Option<Format> {
        match self {
            AnyFormat::Dot => Some(Format::Dot),
            AnyFormat::Json => Some(Format::Json),
            AnyFormat::GraphMl => Some(Format::GraphMl),
            AnyFormat::Mermaid => Some(Format::Mermaid),
            AnyFormat::Html => Some(Format::Html),
            AnyFormat::Gexf => Some(Format::Gexf),
            AnyFormat::Ftm => Some(Format::Ftm),
            AnyFormat::Neo4j | AnyFormat::Csv => None,
        }
    }

    /// The format written as a folder, if this is one.
    pub fn folder(self) -> Option<FolderFormat> {
        match self {
            AnyFormat::Neo4j => Some(FolderFormat::Neo4j),
            AnyFormat::Csv => Some(FolderFormat::Csv),
            _ => None,
        }
    }

    /// The name [`FromStr`] reads.
    pub fn as_str(self) -> &'static str {
        match (self.stream(), self.folder()) {
            (Some(f), _) => f.as_str(),
            (None, Some(f)) => f.as_str(),
            (None, None) => "",
        }
    }
}

impl From<Format> for AnyFormat {
    fn from(format: Format) -> Self {
        match format {
            Format::Dot => AnyFormat::Dot,
            Format::Json => AnyFormat::Json,
            Format::GraphMl => AnyFormat::GraphMl,
            Format::Mermaid => AnyFormat::Mermaid,
            Format::Html => AnyFormat::Html,
            Format::Gexf => AnyFormat::Gexf,
            Format::Ftm => AnyFormat::Ftm,
        }
    }
}

impl From<FolderFormat> for AnyFormat {
    fn from(format: FolderFormat) -> Self {
        match format {
            FolderFormat::Neo4j => AnyFormat::Neo4j,
            FolderFormat::Csv => AnyFormat::Csv,
        }
    }
}

impl fmt::Display for AnyFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AnyFormat {
    type Err = Error;

    /// Reads what [`Format`] or [`FolderFormat`] reads.
    fn from_str(s: &str) -> Result<Self> {
        s.parse::<Format>()
            .map(AnyFormat::from)
            .or_else(|_| s.parse::<FolderFormat>().map(AnyFormat::from))
            .map_err(|_| Error::InvalidOption {
                option: "format",
                value: s.to_owned(),
                expected: "dot, json, graphml, mermaid, html, gexf, ftm, neo4j or csv",
            })
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
        parse_name(&Layout::ALL, Layout::as_str, s, "layout", "LR or TB")
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
        for f in FolderFormat::ALL {
            assert_eq!(f.as_str().parse::<FolderFormat>(), Ok(f));
        }
        for f in AnyFormat::ALL {
            assert_eq!(f.as_str().parse::<AnyFormat>(), Ok(f));
            assert!(f.stream().is_some() != f.folder().is_some());
        }
        assert!("dot".parse::<FolderFormat>().is_err());
        for l in Layout::ALL {
            assert_eq!(l.as_str().to_lowercase().parse::<Layout>(), Ok(l));
        }
        assert!("RL".parse::<Layout>().is_err());
    }
}
