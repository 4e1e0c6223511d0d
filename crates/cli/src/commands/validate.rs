//! `partnership validate FILE`: load a data file and list every problem.

use std::io::Write;

use std::path::Path;

use partnership_core::{Graph, LoadError};
use serde::Serialize;

use crate::args::{OutputFormat, ValidateArgs};
use crate::data;
use crate::error::Error;
use crate::output::say;
use crate::output::{self, Table};

#[derive(Serialize)]
struct Report {
    file: String,
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    nodes: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    links: Option<usize>,
    problems: Vec<ProblemJson>,
}

#[derive(Serialize)]
struct ProblemJson {
    /// `file`, `node "id" (nodes[3])`, `link a -> b (edges[7])`, or
    /// `line L, column C` for a syntax error.
    location: String,
    message: String,
}

/// Loads the file and lists every problem, one per line with its location.
///
/// # Errors
/// [`Error::Usage`] when both FILE and `--data` are given, or neither;
/// [`Error::Invalid`] when there is at least one problem (after listing
/// them); [`Error::Load`] when the file cannot be read; any error writing to
/// `out`.
pub(crate) fn run(
    args: &ValidateArgs,
    data: Option<&Path>,
    max_mib: u64,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let path = match (&args.file, data) {
        (Some(file), None) => file.as_path(),
        (None, Some(data)) => data,
        (Some(file), Some(data)) => {
            return Err(Error::Usage(format!(
                "validate checks one file: give {} or --data {}, not both",
                file.display(),
                data.display()
            )));
        }
        (None, None) => {
            return Err(Error::Usage(
                "validate needs a FILE to check (or --data FILE; - reads standard input)"
                    .to_owned(),
            ));
        }
    };
    let file = crate::error::file_name(path);
    let (graph, problems) = match data::read(path, max_mib) {
        Ok(graph) => (Some(graph), Vec::new()),
        Err(LoadError::Syntax {
            line,
            column,
            message,
        }) => (
            None,
            vec![ProblemJson {
                location: format!("line {line}, column {column}"),
                message: format!("invalid JSON: {message}"),
            }],
        ),
        Err(LoadError::Invalid { problems }) => (
            None,
            problems
                .iter()
                .map(|p| ProblemJson {
                    location: p.location.to_string(),
                    message: p.kind.to_string(),
                })
                .collect(),
        ),
        Err(source) => {
            return Err(Error::Load {
                path: path.to_owned(),
                source,
            });
        }
    };
    let count = problems.len();
    let written = write(args.output.format, &file, graph.as_ref(), problems, out);
    if graph.is_some() {
        written
    } else {
        // The verdict is known before anything is printed: a reader that
        // stops early (`validate bad.json | head -1`) does not turn it into
        // success. Other write errors are reported as such.
        match written {
            Err(Error::Output(e)) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(Error::Output(e))
            }
            _ => Err(Error::Invalid {
                path: path.to_owned(),
                count,
            }),
        }
    }
}

/// Prints the report: the problems, or that the file is valid.
fn write(
    format: OutputFormat,
    file: &str,
    graph: Option<&Graph>,
    problems: Vec<ProblemJson>,
    out: &mut dyn Write,
) -> Result<(), Error> {
    if format == OutputFormat::Json {
        let report = Report {
            file: file.to_owned(),
            valid: graph.is_some(),
            nodes: graph.map(Graph::node_count),
            links: graph.map(Graph::link_count),
            problems,
        };
        output::json(out, &report)?;
    } else if format == OutputFormat::Csv {
        let mut table = Table::new(&["FILE", "LOCATION", "MESSAGE"]);
        for p in &problems {
            table.row([file.to_owned(), p.location.clone(), p.message.clone()]);
        }
        table.write_csv(out)?;
    } else if let Some(graph) = graph {
        say!(
            out,
            "{file}: valid, {} nodes and {} links",
            graph.node_count(),
            graph.link_count()
        )?;
    } else {
        for p in &problems {
            say!(out, "{file}: {}: {}", p.location, p.message)?;
        }
    }
    Ok(())
}
