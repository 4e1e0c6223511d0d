//! `partnership path FROM TO`: how two entities are connected, in sentences.

use std::io::Write;

use partnership_analysis::{Path, PathQuery, PathStream, Reading, find_paths, stream_paths};
use partnership_core::{EdgeIndex, Graph, NodeIndex, PartialDate, Relation, Source, words};
use serde::Serialize;

use crate::args::{PathArgs, PathFormat};
use crate::error::Error;
use crate::output::{self, EntityJson, say};

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
/// ones up to `--max-len` links, as sentences. With `--limit 0` the paths
/// are printed as they are found, so memory stays bounded however many
/// there are, and a closed output stops the search.
///
/// # Errors
/// The library's errors: an unknown or ambiguous entity, an end outside
/// the view, no connection; any error writing to `out`.
pub(crate) fn run(args: &PathArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let query = query(args);
    if args.all && args.limit == 0 {
        let stream = stream_paths(graph, &args.from, &args.to, &query)?;
        output::warn_past_coverage(graph, args.as_of);
        return stream_all(args, graph, stream, out);
    }
    let found = find_paths(graph, &args.from, &args.to, &query)?;
    output::warn_past_coverage(graph, args.as_of);
    if found.truncated {
        output::notice(&format!(
            "showing the {} shortest connections; raise --limit to see more",
            found.paths.len()
        ));
    }
    let (from, to) = (found.from, found.to);
    let paths = &found.paths;

    if args.format == PathFormat::Json {
        let answer = Answer {
            from: EntityJson::new(graph, from),
            to: EntityJson::new(graph, to),
            avoided: avoided_json(graph, &found.avoided),
            paths: paths.iter().map(|p| path_json(graph, p)).collect(),
        };
        return Ok(output::json(out, &answer)?);
    }
    write_avoided(graph, &found.avoided, out)?;
    if args.all {
        let n = paths.len();
        say!(
            out,
            "{n} connection{} from {} to {} within {} links",
            plural(n),
            graph.node(from).name,
            graph.node(to).name,
            args.max_len
        )?;
    }
    for (i, path) in paths.iter().enumerate() {
        let number = args.all.then_some(i + 1);
        write_path(graph, path, number, out)?;
    }
    Ok(())
}

fn avoided_json<'g>(graph: &'g Graph, avoided: &[NodeIndex]) -> Vec<EntityJson<'g>> {
    avoided.iter().map(|&i| EntityJson::new(graph, i)).collect()
}

/// `Avoiding A; B.` when the query steps around entities.
fn write_avoided(graph: &Graph, avoided: &[NodeIndex], out: &mut dyn Write) -> Result<(), Error> {
    if !avoided.is_empty() {
        let names: Vec<_> = avoided
            .iter()
            .map(|&i| graph.node(i).name.as_str())
            .collect();
        say!(out, "Avoiding {}.", names.join("; "))?;
    }
    Ok(())
}

/// `--all --limit 0`: every path, printed as the library finds it, and in
/// text the count at the end.
fn stream_all(
    args: &PathArgs,
    graph: &Graph,
    stream: PathStream,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let (from, to) = (stream.from, stream.to);
    let avoided = stream.avoided.clone();
    if args.format == PathFormat::Json {
        // The layout of `output::json` on an `Answer`, written piece by piece.
        write!(
            out,
            "{{\n  \"from\": {},\n  \"to\": {},",
            nested(&EntityJson::new(graph, from), 2)?,
            nested(&EntityJson::new(graph, to), 2)?,
        )?;
        if !avoided.is_empty() {
            write!(
                out,
                "\n  \"avoided\": {},",
                nested(&avoided_json(graph, &avoided), 2)?
            )?;
        }
        write!(out, "\n  \"paths\": [")?;
        for (i, path) in stream.enumerate() {
            let separator = if i == 0 { "" } else { "," };
            write!(
                out,
                "{separator}\n    {}",
                nested(&path_json(graph, &path), 4)?
            )?;
        }
        writeln!(out, "\n  ]\n}}")?;
        return Ok(());
    }
    write_avoided(graph, &avoided, out)?;
    say!(
        out,
        "connections from {} to {} within {} links, shortest first:",
        graph.node(from).name,
        graph.node(to).name,
        args.max_len
    )?;
    let mut n = 0;
    for path in stream {
        n += 1;
        write_path(graph, &path, Some(n), out)?;
    }
    say!(out)?;
    say!(out, "{n} connection{}", plural(n))?;
    Ok(())
}

/// One path: its heading (numbered in a list), its sentence and its links.
fn write_path(
    graph: &Graph,
    path: &Walk,
    number: Option<usize>,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let (a, b) = (&graph.node(path.start()).name, &graph.node(path.end()).name);
    let links = path.len();
    match number {
        Some(i) => {
            say!(out)?;
            say!(out, "{i}. {a} to {b} in {links} link{}:", plural(links))?;
        }
        None => say!(out, "{a} to {b} in {links} link{}:", plural(links))?,
    }
    say!(
        out,
        "  {}.",
        words::explain(graph, path.start(), path.walk())
    )?;
    for (_, step, _) in path.hops() {
        say!(out, "  - {}.", words::link_sentence_dated(graph, step.link))?;
    }
    Ok(())
}

/// Pretty JSON of `value`, its lines after the first indented by
/// `indent` spaces to sit inside an enclosing value.
fn nested<T: Serialize>(value: &T, indent: usize) -> Result<String, Error> {
    let text = serde_json::to_string_pretty(value).map_err(std::io::Error::from)?;
    Ok(text.replace('\n', &format!("\n{}", " ".repeat(indent))))
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
