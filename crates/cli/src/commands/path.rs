//! `partnership path FROM TO`: how two entities are connected, in sentences.

use std::io::Write;

use partnership_analysis::{Path, PathQuery, Reading, find_paths};
use partnership_core::{EdgeIndex, Graph, NodeIndex, PartialDate, Relation, Source, words};
use serde::Serialize;

use crate::args::{PathArgs, PathFormat};
use crate::error::Error;
use crate::output::{self, EntityJson};

type Walk = Path<NodeIndex, EdgeIndex>;

#[derive(Serialize)]
struct Answer<'g> {
    from: EntityJson<'g>,
    to: EntityJson<'g>,
    /// The entities the paths step around.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    avoided: Vec<EntityJson<'g>>,
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

/// The library query the arguments ask for.
fn query(args: &PathArgs) -> PathQuery {
    PathQuery {
        reading: if args.directed {
            Reading::Directed
        } else {
            Reading::Undirected
        },
        relations: args.relations.clone(),
        kinds: Vec::new(),
        as_of: args.as_of,
        all: args.all,
        max_links: args.max_len,
        limit: (args.limit > 0).then_some(args.limit),
        avoid: args.avoid.clone(),
        avoid_hubs: args.avoid_hubs,
    }
}

/// Prints one shortest connection, or with `--all` the shortest simple
/// ones up to `--max-len` links, as sentences.
///
/// # Errors
/// The library's errors: an unknown or ambiguous entity, an end outside
/// the view, no connection; any error writing to `out`.
pub(crate) fn run(args: &PathArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let found = find_paths(graph, &args.from, &args.to, &query(args))?;
    output::warn_past_coverage(graph, args.as_of);
    if found.truncated {
        eprintln!(
            "partnership: showing the {} shortest connections; raise --limit to see more",
            found.paths.len()
        );
    }
    let (from, to) = (found.from, found.to);
    let paths = &found.paths;

    if args.format == PathFormat::Json {
        let answer = Answer {
            from: EntityJson::new(graph, from),
            to: EntityJson::new(graph, to),
            avoided: found
                .avoided
                .iter()
                .map(|&i| EntityJson::new(graph, i))
                .collect(),
            paths: paths.iter().map(|p| path_json(graph, p)).collect(),
        };
        return Ok(output::json(out, &answer)?);
    }
    let (a, b) = (&graph.node(from).name, &graph.node(to).name);
    if !found.avoided.is_empty() {
        let names: Vec<_> = found
            .avoided
            .iter()
            .map(|&i| graph.node(i).name.as_str())
            .collect();
        writeln!(out, "Avoiding {}.", names.join("; "))?;
    }
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
        writeln!(
            out,
            "  {}.",
            words::explain(graph, path.start(), path.walk())
        )?;
        for (_, step, _) in path.hops() {
            writeln!(out, "  - {}.", words::link_sentence_dated(graph, step.link))?;
        }
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
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
                heading: step.heading.as_str(),
                sentence: format!("{}.", words::link_sentence_dated(graph, step.link)),
                since: link.since,
                until: link.until,
                sources: &link.sources,
            }
        })
        .collect();
    PathJson {
        length: path.len(),
        explanation: words::explain(graph, path.start(), path.walk()),
        steps,
    }
}
