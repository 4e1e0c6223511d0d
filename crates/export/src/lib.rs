//! Writes the partnership graph, or any part of it, for other tools:
//! Graphviz DOT for diagrams, node-link JSON for NetworkX, D3 and notebooks,
//! GraphML for Gephi, yEd and Cytoscape, Mermaid for Markdown, and the
//! explorer, one HTML page to look and click through.
//!
//! Choose what to export once, as a [`Selection`] (the whole graph, the
//! neighbourhood of some nodes, some kinds or relations, as of a date), then
//! hand it to any writer through [`Format`] and [`ExportOptions`]. Writers
//! stream to any [`std::io::Write`], return its errors, and give
//! byte-identical output for the same selection. An empty selection gives a
//! valid file with nothing in it.
//!
//! | format | for | notes |
//! | --- | --- | --- |
//! | [`Format::Dot`] | `dot -Tsvg` | shape and colour by kind (Paul Tol's colour-blind-safe schemes), line style by relation, labels in words, tooltips, optional legend and clusters |
//! | [`Format::Json`] | NetworkX `node_link_graph`, D3 | the node-link format of the data file, written by the core crate's writer; `links` key on request |
//! | [`Format::GraphMl`] | Gephi, yEd, Cytoscape, NetworkX | a typed `<key>` for every attribute |
//! | [`Format::Mermaid`] | GitHub, Markdown | flowchart; Mermaid's defaults draw at most 500 links, so suits selections |
//! | [`Format::Html`] | a web browser, from disk | the explorer: map laid out at export time (same palette as DOT), search, filters, as-of slider, sources on every link, connections in sentences; no network request |
//!
//! Pictures: [`write_line_chart`] draws values over time (such as a
//! centrality measure year by year) and [`write_gantt`] the timeline as a
//! Gantt chart, both as standalone SVG in the same palette.
//!
//! ```
//! use partnership::model::Relation;
//! use partnership::export::{export, ExportOptions, Format, LinkDirection, Selection, SelectionOptions};
//!
//! let g = partnership::model::dataset();
//! // Who leads or executes the C4 Trust Fund?
//! let options = SelectionOptions::new()
//!     .around(["C4 Trust Fund"], 1)
//!     .direction(LinkDirection::Incoming)
//!     .relations([Relation::Leads, Relation::Executes]);
//! let selection = Selection::new(g, &options)?;
//! let mut dot = Vec::new();
//! export(&mut dot, &selection, Format::Dot, &ExportOptions::default())?;
//! assert!(String::from_utf8_lossy(&dot).contains("label=\"leads\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod chart;
mod dot;
mod error;
mod explorer;
mod format;
mod graphml;
mod json;
mod layout;
mod mermaid;
mod selection;
mod style;
mod text;

pub use chart::{
    GANTT_KINDS, GanttOptions, GanttSummary, LineChart, LineSeries, write_gantt, write_line_chart,
};
pub use error::{Error, Result};
pub use format::{ExportOptions, Format, Layout, export};
pub use mermaid::MERMAID_MAX_EDGES;
pub use selection::{LinkDirection, Selection, SelectionOptions};
