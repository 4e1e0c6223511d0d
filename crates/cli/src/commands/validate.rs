//! `partnership validate FILE`: load a data file and list every problem.

use std::io::Write;

use partnership_core::{Graph, LoadError};
use serde::Serialize;

use crate::args::{OutputFormat, ValidateArgs};
use crate::error::Error;
use crate::output;
use crate::output::say;

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
/// [`Error::Invalid`] when there is at least one problem (after listing
/// them); [`Error::Load`] when the file cannot be read; any error writing to
/// `out`.
pub(crate) fn run(args: &ValidateArgs, out: &mut dyn Write) -> Result<(), Error> {
    let file = args.file.display().to_string();
    let (graph, problems) = match Graph::from_json_path(&args.file) {
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
                path: args.file.clone(),
                source,
            });
        }
    };
    let count = problems.len();
    let written = write(args, &file, graph.as_ref(), problems, out);
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
                path: args.file.clone(),
                count,
            }),
        }
    }
}

/// Prints the report: the problems, or that the file is valid.
fn write(
    args: &ValidateArgs,
    file: &str,
    graph: Option<&Graph>,
    problems: Vec<ProblemJson>,
    out: &mut dyn Write,
) -> Result<(), Error> {
    if args.output.format == OutputFormat::Json {
        let report = Report {
            file: file.to_owned(),
            valid: graph.is_some(),
            nodes: graph.map(Graph::node_count),
            links: graph.map(Graph::link_count),
            problems,
        };
        output::json(out, &report)?;
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
