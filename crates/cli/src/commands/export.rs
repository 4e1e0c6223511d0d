//! `partnership export`: the graph, or a selection of it, as DOT, JSON,
//! GraphML, Mermaid, the HTML explorer, GEXF or FollowTheMoney to a file or
//! standard output, or as a folder of CSV files for Neo4j or spreadsheets.

use std::fs::File;
use std::io::{BufWriter, Write};

use partnership_core::Graph;
use partnership_export::{
    AnyFormat, ExportOptions, FolderFormat, MERMAID_MAX_EDGES, Selection, SelectionOptions,
};

use crate::args::ExportArgs;
use crate::error::Error;
use crate::output;

/// Writes the selection the options describe, to `--output` or `out`
/// (also for `-o -`). A Mermaid chart with more links than Mermaid draws by
/// default gets a warning on standard error.
///
/// # Errors
/// [`Error::Export`] when `--around` names no entity or several (with the
/// nearest names) or the filters hide the focus entity;
/// [`Error::Usage`] when a folder format has no `-o DIR`;
/// [`Error::Folder`] when its folder or a file in it cannot be written;
/// [`Error::Write`] or [`Error::Output`] when writing fails.
pub(crate) fn run(args: &ExportArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let mut options = SelectionOptions::new();
    if let Some(name) = &args.around {
        options = options
            .around([name.clone()], args.depth)
            .direction(args.direction);
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
    options = options
        .exclude(args.exclude.iter().cloned())
        .hide_isolated(args.hide_isolated);
    let selection = Selection::new(graph, &options)?;

    let format = match (args.format.stream(), args.format.folder()) {
        (Some(format), _) => format,
        (None, Some(folder)) => return write_folder(folder, args, &selection),
        (None, None) => {
            return Err(Error::Usage(format!(
                "--format {} has no writer",
                args.format
            )));
        }
    };
    if args.format == AnyFormat::Mermaid && selection.link_count() > MERMAID_MAX_EDGES {
        output::notice(&format!(
            "warning: {} links is more than the {MERMAID_MAX_EDGES} that Mermaid \
             draws by default (maxEdges); narrow the selection with --around, --relation, \
             --kind, --as-of or --exclude",
            selection.link_count()
        ));
    }
    let export = ExportOptions {
        layout: args.layout,
        legend: !args.no_legend,
        clusters: args.clusters,
        title: args.title.clone(),
        links_key: args.links_key,
        ..ExportOptions::default()
    };
    match &args.output {
        None => format.write(out, &selection, &export)?,
        Some(path) if path.as_os_str() == "-" => format.write(out, &selection, &export)?,
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

/// Writes a folder format into the folder given with `-o`.
fn write_folder(
    format: FolderFormat,
    args: &ExportArgs,
    selection: &Selection<'_>,
) -> Result<(), Error> {
    let Some(dir) = args.output.as_ref().filter(|p| p.as_os_str() != "-") else {
        return Err(Error::Usage(format!(
            "--format {format} writes several files: give the folder to write them into with -o DIR"
        )));
    };
    format.write_to(dir, selection)?;
    Ok(())
}
