//! `partnership export`: the graph, or a selection of it, as DOT, JSON,
//! GraphML or Mermaid.

use std::fs::File;
use std::io::{BufWriter, Write};

use partnership_core::Graph;
use partnership_core::json::LinksKey;
use partnership_export::{
    ExportOptions, Format, Layout, LinkDirection, Selection, SelectionOptions,
};

use crate::args::{self, ExportArgs, ExportFormat};
use crate::data;
use crate::error::Error;
use crate::output;

/// Writes the selection the options describe, to `--output` or `out`.
///
/// # Errors
/// [`Error::Lookup`] when `--around` names no entity or several;
/// [`Error::Export`] when the filters hide the focus entity;
/// [`Error::Write`] or [`Error::Output`] when writing fails.
pub fn run(args: &ExportArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let mut options = SelectionOptions::new();
    if let Some(name) = &args.around {
        // Resolved here so that an unknown name gets the nearest names.
        let focus = data::resolve(graph, name)?;
        options = options
            .around([graph.node(focus).id.clone()], args.depth)
            .direction(match args.direction {
                args::Direction::Both => LinkDirection::Both,
                args::Direction::In => LinkDirection::Incoming,
                args::Direction::Out => LinkDirection::Outgoing,
            });
    }
    if !args.kinds.is_empty() {
        options = options.kinds(args.kinds.iter().copied());
    }
    if !args.relations.is_empty() {
        options = options.relations(args.relations.iter().copied());
    }
    output::warn_past_coverage(graph, args.as_of);
    if let Some(date) = args.as_of {
        options = options.as_of(date);
    }
    options = options.hide_isolated(args.hide_isolated);
    let selection = Selection::new(graph, &options)?;

    let format = match args.format {
        ExportFormat::Dot => Format::Dot,
        ExportFormat::Json => Format::Json,
        ExportFormat::Graphml => Format::GraphMl,
        ExportFormat::Mermaid => Format::Mermaid,
    };
    let export = ExportOptions {
        layout: match args.layout {
            args::Layout::LeftToRight => Layout::LeftToRight,
            args::Layout::TopToBottom => Layout::TopToBottom,
        },
        links_key: match args.links_key {
            args::LinksKey::Edges => LinksKey::Edges,
            args::LinksKey::Links => LinksKey::Links,
        },
        ..ExportOptions::default()
    };
    match &args.output {
        None => format.write(out, &selection, &export)?,
        Some(path) => {
            let write = |path| -> std::io::Result<()> {
                let mut file = BufWriter::new(File::create(path)?);
                format.write(&mut file, &selection, &export)?;
                file.flush()
            };
            write(path).map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
        }
    }
    Ok(())
}
