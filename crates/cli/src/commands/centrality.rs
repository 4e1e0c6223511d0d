//! `partnership centrality`: the most central entities by one measure.

use std::io::Write;

use clap::ValueEnum;
use partnership_analysis::{
    BetweennessOptions, ClosenessOptions, Degree, EigenvectorOptions, HarmonicOptions,
    PageRankOptions, Reading, Scores, betweenness_centrality, closeness_centrality,
    degree_centrality, eigenvector_centrality, harmonic_centrality, pagerank,
};
use partnership_core::{Graph, NodeIndex, View};
use serde::Serialize;

use crate::args::{CentralityArgs, Measure, OutputFormat};
use crate::error::Error;
use crate::output::say;
use crate::output::{self, EntityJson, Table};

#[derive(Serialize)]
struct Ranked<'g> {
    #[serde(flatten)]
    entity: EntityJson<'g>,
    score: f64,
}

/// Prints the entities ranked by the measure, best first; ties keep file
/// order.
///
/// # Errors
/// [`Error::Analysis`] when the measure fails (no node active at the date,
/// no convergence); any error writing to `out`.
pub(crate) fn run(args: &CentralityArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let mut view = graph.view();
    if let Some(date) = args.as_of {
        view = view.as_of(date);
    }
    let reading = if args.directed {
        Reading::Directed
    } else {
        Reading::Undirected
    };
    let scores = measure(&view, args.measure, reading)?;
    let limit = if args.top == 0 { usize::MAX } else { args.top };
    let ranked: Vec<(NodeIndex, f64)> = scores
        .ranked()
        .into_iter()
        .filter(|(i, _)| args.kind.is_empty() || args.kind.contains(&graph.node(*i).kind))
        .take(limit)
        .collect();

    if args.output.format == OutputFormat::Json {
        let json: Vec<_> = ranked
            .iter()
            .map(|&(index, score)| Ranked {
                entity: EntityJson::new(graph, index),
                score,
            })
            .collect();
        return Ok(output::json(out, &json)?);
    }
    let name = args
        .measure
        .to_possible_value()
        .map(|v| v.get_name().to_owned())
        .unwrap_or_default();
    let mut heading = format!("{name} centrality of {} entities", view.node_count());
    if let Some(date) = args.as_of {
        heading.push_str(&format!(" active in {date}"));
    }
    let reading = if args.directed {
        "links read from subject to object"
    } else {
        "links read either way"
    };
    say!(out, "{heading}, {reading}")?;
    say!(out)?;
    let mut table = Table::new(&["RANK", "NAME", "KIND", "SCORE"]);
    for (rank, (index, score)) in ranked.iter().enumerate() {
        let node = graph.node(*index);
        table.row([
            (rank + 1).to_string(),
            node.name.clone(),
            node.kind.to_string(),
            format!("{score:.4}"),
        ]);
    }
    table.write(out)?;
    Ok(())
}

fn measure(
    view: &View<'_>,
    measure: Measure,
    reading: Reading,
) -> Result<Scores<NodeIndex>, Error> {
    let scores = match measure {
        Measure::Degree => degree_centrality(
            view,
            match reading {
                Reading::Directed => Degree::In,
                Reading::Undirected => Degree::Total,
            },
        ),
        Measure::Betweenness => betweenness_centrality(
            view,
            &BetweennessOptions {
                reading,
                ..BetweennessOptions::default()
            },
        ),
        Measure::Closeness => closeness_centrality(
            view,
            &ClosenessOptions {
                reading,
                ..ClosenessOptions::default()
            },
        ),
        Measure::Harmonic => harmonic_centrality(
            view,
            &HarmonicOptions {
                reading,
                ..HarmonicOptions::default()
            },
        ),
        Measure::Pagerank => pagerank(
            view,
            &PageRankOptions {
                reading,
                ..PageRankOptions::default()
            },
        ),
        Measure::Eigenvector => eigenvector_centrality(
            view,
            &EigenvectorOptions {
                reading,
                ..EigenvectorOptions::default()
            },
        ),
    }?;
    Ok(scores)
}
