//! `partnership path FROM TO`: how two entities are connected, in sentences.

use std::io::Write;

use partnership_analysis::{
    Heading, Path, Reading, SimplePathsOptions, all_simple_paths, explain, shortest_path,
};
use partnership_core::{EdgeIndex, Graph, NodeIndex, PartialDate, Relation, Source};
use serde::Serialize;

use crate::args::{OutputFormat, PathArgs};
use crate::data;
use crate::error::Error;
use crate::output::{self, EntityJson};

type Walk = Path<NodeIndex, EdgeIndex>;

#[derive(Serialize)]
struct Answer<'g> {
    from: EntityJson<'g>,
    to: EntityJson<'g>,
    paths: Vec<PathJson<'g>>,
}

#[derive(Serialize)]
struct PathJson<'g> {
    length: usize,
    /// The whole path as one sentence.
    explanation: String,
    steps: Vec<StepJson<'g>>,
}

#[derive(Serialize)]
struct StepJson<'g> {
    from: EntityJson<'g>,
    to: EntityJson<'g>,
    relation: Relation,
    /// `forward` when the walk goes from the link's subject to its object.
    heading: &'static str,
    sentence: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<PartialDate>,
    sources: &'g [Source],
}

/// Prints one shortest connection, or with `--all` every simple one up to
/// `--max-len` links (shortest first), as sentences.
///
/// # Errors
/// [`Error::Lookup`] for an unknown or ambiguous entity; [`Error::NotFound`]
/// when the two are not connected in the view asked for; any error writing
/// to `out`.
pub fn run(args: &PathArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let from = data::resolve(graph, &args.from)?;
    let to = data::resolve(graph, &args.to)?;
    output::warn_past_coverage(graph, args.as_of);
    let mut view = graph.view();
    if let Some(date) = args.as_of {
        view = view.as_of(date);
    }
    if !args.relations.is_empty() {
        view = view.relations(&args.relations);
    }
    for end in [from, to] {
        if let (false, Some(date)) = (view.contains_node(end), args.as_of) {
            return Err(Error::NotFound(format!(
                "{} was not active in {date}",
                graph.node(end).name
            )));
        }
    }
    let reading = if args.directed {
        Reading::Directed
    } else {
        Reading::Undirected
    };
    let no_path = || {
        Error::NotFound(format!(
            "no connection from {} to {}{}",
            graph.node(from).name,
            graph.node(to).name,
            if args.all {
                format!(" within {} links", args.max_len)
            } else {
                String::new()
            }
        ))
    };
    let mut paths = if args.all {
        let options = SimplePathsOptions {
            reading,
            max_links: Some(args.max_len),
            limit: None,
        };
        all_simple_paths(&view, from, to, &options)?
    } else {
        match shortest_path(&view, from, to, reading) {
            Ok(path) => vec![path],
            Err(partnership_analysis::Error::NoPath { .. }) => Vec::new(),
            Err(e) => return Err(e.into()),
        }
    };
    if paths.is_empty() {
        return Err(no_path());
    }
    // Shortest first; depth-first order among equals.
    paths.sort_by_key(Walk::len);

    if args.output.format == OutputFormat::Json {
        let answer = Answer {
            from: EntityJson::new(graph, from),
            to: EntityJson::new(graph, to),
            paths: paths.iter().map(|p| path_json(graph, p)).collect(),
        };
        return Ok(output::json(out, &answer)?);
    }
    let (a, b) = (&graph.node(from).name, &graph.node(to).name);
    if args.all {
        let n = paths.len();
        writeln!(
            out,
            "{n} connection{} from {a} to {b} within {} links",
            plural(n),
            args.max_len
        )?;
    }
    for (i, path) in paths.iter().enumerate() {
        if args.all {
            writeln!(out)?;
            write!(out, "{}. ", i + 1)?;
        }
        writeln!(
            out,
            "{a} to {b} in {} link{}:",
            path.len(),
            plural(path.len())
        )?;
        writeln!(out, "  {}.", explain(graph, path))?;
        for (_, step, _) in path.hops() {
            writeln!(out, "  - {}", sentence(graph, step.link))?;
        }
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The link as a sentence read subject to object, with its dates:
/// "Canada leads Trust Fund on Cyber Defence (since 2014-09)."
fn sentence(graph: &Graph, link: EdgeIndex) -> String {
    let l = graph.link(link);
    let (s, t) = (
        graph
            .node_by_id(&l.source)
            .map_or(l.source.as_str(), |n| n.name.as_str()),
        graph
            .node_by_id(&l.target)
            .map_or(l.target.as_str(), |n| n.name.as_str()),
    );
    let mut text = format!("{s} {} {t}", l.relation.phrase());
    if let Some(role) = &l.role {
        text.push_str(&format!(" as {role}"));
    }
    if l.since.is_some() || l.until.is_some() {
        text.push_str(&format!(" ({})", output::span(l.since, l.until)));
    }
    text.push('.');
    text
}

fn path_json<'g>(graph: &'g Graph, path: &Walk) -> PathJson<'g> {
    let steps = path
        .hops()
        .map(|(a, step, b)| {
            let link = graph.link(step.link);
            StepJson {
                from: EntityJson::new(graph, a),
                to: EntityJson::new(graph, b),
                relation: link.relation,
                heading: match step.heading {
                    Heading::Forward => "forward",
                    Heading::Backward => "backward",
                },
                sentence: sentence(graph, step.link),
                since: link.since,
                until: link.until,
                sources: &link.sources,
            }
        })
        .collect();
    PathJson {
        length: path.len(),
        explanation: explain(graph, path),
        steps,
    }
}
