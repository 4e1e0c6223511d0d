//! Node-link JSON, through the core crate's one writer, so that export and
//! the data file can never drift apart.

use std::io::{self, BufWriter, Write};

use partnership_core::json::{WriteOptions, write_node_link};

use crate::{ExportOptions, Selection};

/// Writes `selection` as node-link JSON (MODEL.md): the graph's metadata,
/// the selected nodes, and the selected links under `edges` (or `links`).
pub(crate) fn write<W: Write>(
    writer: W,
    selection: &Selection<'_>,
    options: &ExportOptions,
) -> io::Result<()> {
    let mut w = BufWriter::new(writer);
    write_node_link(
        &mut w,
        selection.graph(),
        selection.nodes().map(|(i, _)| i),
        selection.links().map(|l| l.index),
        WriteOptions {
            links_key: options.links_key,
            pretty: options.pretty,
        },
    )?;
    w.flush()
}
