//! `partnership validate FILE`: load a data file and list every problem.

use std::io::Write;

use partnership_core::{Graph, LoadError};
use serde::Serialize;

use crate::args::{OutputFormat, ValidateArgs};
use crate::error::Error;
use crate::output;

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
    if args.output.format == OutputFormat::Json {
        let report = Report {
            file,
            valid: graph.is_some(),
            nodes: graph.as_ref().map(Graph::node_count),
            links: graph.as_ref().map(Graph::link_count),
            problems,
        };
        output::json(out, &report)?;
    } else if let Some(graph) = &graph {
        writeln!(
            out,
            "{file}: valid, {} nodes and {} links",
            graph.node_count(),
            graph.link_count()
        )?;
    } else {
        for p in &problems {
            writeln!(out, "{file}: {}: {}", p.location, p.message)?;
        }
    }
    if graph.is_some() {
        Ok(())
    } else {
        Err(Error::Invalid {
            path: args.file.clone(),
            count,
        })
    }
}
