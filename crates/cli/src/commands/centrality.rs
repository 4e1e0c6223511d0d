//! `partnership centrality`: the most central entities by one measure.

use std::io::Write;

use partnership_analysis::{
    BetweennessOptions, Centrality, ClosenessOptions, Degree, EigenvectorOptions, Execution,
    HarmonicOptions, OverTime, PageRankOptions, Reading, centrality_over_time,
};
use partnership_core::{Graph, NodeIndex, PartialDate};
use partnership_export::{LineChart, write_line_chart};
use serde::Serialize;

use crate::args::{CentralityArgs, CentralityFormat, Measure};
use crate::error::Error;
use crate::output::say;
use crate::output::{self, EntityJson, Table};

const CSV_HEADER: [&str; 5] = ["RANK", "ID", "NAME", "KIND", "SCORE"];

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
/// no convergence); [`Error::NothingFound`] when `--kind` leaves no entity;
/// any error writing to `out`.
pub(crate) fn run(args: &CentralityArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    output::warn_past_coverage(graph, args.as_of);
    if args.over_time.is_some() {
        return over_time(args, graph, out);
    }
    if args.format == CentralityFormat::Svg {
        return Err(Error::Usage("--format svg needs --over-time A..B".into()));
    }
    let mut view = graph.view();
    if let Some(date) = args.as_of {
        view = view.as_of(date);
    }
    let reading = if args.directed {
        Reading::Directed
    } else {
        Reading::Undirected
    };
    let scores = measure(args.measure, reading).compute(&view)?;
    let limit = if args.top == 0 { usize::MAX } else { args.top };
    let ranked: Vec<(NodeIndex, f64)> = scores
        .ranked()
        .into_iter()
        .filter(|(i, _)| args.kind.is_empty() || args.kind.contains(&graph.node(*i).kind))
        .take(limit)
        .collect();

    if ranked.is_empty() {
        match args.format {
            CentralityFormat::Json => output::json(out, &Vec::<Ranked<'_>>::new())?,
            CentralityFormat::Csv => Table::new(&CSV_HEADER).write_csv(out)?,
            CentralityFormat::Text | CentralityFormat::Svg => {}
        }
        let kinds: Vec<_> = args.kind.iter().map(|k| k.as_str()).collect();
        return Err(Error::NothingFound(format!(
            "no entity of kind {} is ranked",
            kinds.join(" or ")
        )));
    }
    if args.format == CentralityFormat::Csv {
        let mut table = Table::new(&CSV_HEADER);
        for (rank, (index, score)) in ranked.iter().enumerate() {
            let node = graph.node(*index);
            table.row([
                (rank + 1).to_string(),
                node.id.clone(),
                node.name.clone(),
                node.kind.to_string(),
                score.to_string(),
            ]);
        }
        return Ok(table.write_csv(out)?);
    }
    if args.format == CentralityFormat::Json {
        let json: Vec<_> = ranked
            .iter()
            .map(|&(index, score)| Ranked {
                entity: EntityJson::new(graph, index),
                score,
            })
            .collect();
        return Ok(output::json(out, &json)?);
    }
    let name = measure(args.measure, reading).name();
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

/// The library's measure for the command line's choice, with the
/// library's defaults.
fn measure(measure: Measure, reading: Reading) -> Centrality {
    match measure {
        Measure::Degree => Centrality::Degree(match reading {
            Reading::Directed => Degree::In,
            Reading::Undirected => Degree::Total,
        }),
        Measure::Betweenness => Centrality::Betweenness(BetweennessOptions {
            reading,
            ..BetweennessOptions::default()
        }),
        Measure::Closeness => Centrality::Closeness(ClosenessOptions {
            reading,
            ..ClosenessOptions::default()
        }),
        Measure::Harmonic => Centrality::Harmonic(HarmonicOptions {
            reading,
            ..HarmonicOptions::default()
        }),
        Measure::Pagerank => Centrality::PageRank(PageRankOptions {
            reading,
            ..PageRankOptions::default()
        }),
        Measure::Eigenvector => Centrality::Eigenvector(EigenvectorOptions {
            reading,
            ..EigenvectorOptions::default()
        }),
    }
}

#[derive(Serialize)]
struct OverTimeJson<'g> {
    measure: &'static str,
    reading: &'static str,
    dates: &'g [PartialDate],
    series: Vec<SeriesJson<'g>>,
}

#[derive(Serialize)]
struct SeriesJson<'g> {
    #[serde(flatten)]
    entity: EntityJson<'g>,
    peak: f64,
    values: &'g [Option<f64>],
}

/// `--over-time`: the measure as of each date, the top entities by peak.
fn over_time(args: &CentralityArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let Some(range) = args.over_time else {
        return Ok(());
    };
    let dates = range
        .dates(args.step)
        .map_err(|e| Error::Usage(e.to_string()))?;
    let reading = if args.directed {
        Reading::Directed
    } else {
        Reading::Undirected
    };
    let centrality = measure(args.measure, reading);
    let over: OverTime = centrality_over_time(&graph.view(), &centrality, &dates, Execution::Auto)?;
    let limit = if args.top == 0 { usize::MAX } else { args.top };
    let top = over.top(limit, |i| {
        args.kind.is_empty() || args.kind.contains(&graph.node(i).kind)
    });
    let reading_words = if args.directed {
        "links read from subject to object"
    } else {
        "links read either way"
    };
    match args.format {
        CentralityFormat::Json => {
            let json = OverTimeJson {
                measure: over.measure(),
                reading: if args.directed {
                    "directed"
                } else {
                    "undirected"
                },
                dates: over.dates(),
                series: top
                    .iter()
                    .map(|s| SeriesJson {
                        entity: EntityJson::new(graph, s.node),
                        peak: s.peak().unwrap_or(0.0),
                        values: s.values,
                    })
                    .collect(),
            };
            Ok(output::json(out, &json)?)
        }
        CentralityFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            let mut header = vec!["id".to_owned(), "name".to_owned(), "kind".to_owned()];
            header.extend(over.dates().iter().map(ToString::to_string));
            w.write_record(&header).map_err(csv_error)?;
            for s in &top {
                let node = graph.node(s.node);
                let mut row = vec![node.id.clone(), node.name.clone(), node.kind.to_string()];
                row.extend(
                    s.values
                        .iter()
                        .map(|v| v.map(|v| v.to_string()).unwrap_or_default()),
                );
                w.write_record(&row).map_err(csv_error)?;
            }
            w.flush()?;
            Ok(())
        }
        CentralityFormat::Svg => {
            let kinds = if args.kind.is_empty() {
                String::new()
            } else {
                let k: Vec<&str> = args.kind.iter().map(|k| k.as_str()).collect();
                format!(" ({})", k.join(", "))
            };
            let title = format!(
                "{} centrality{kinds}, {range} every {}: top {} by peak, {reading_words}",
                over.measure(),
                args.step,
                top.len()
            );
            let chart = LineChart::over_time(
                graph,
                title,
                over.measure(),
                over.dates(),
                top.iter().map(|s| (s.node, s.values)),
            );
            Ok(write_line_chart(out, &chart)?)
        }
        CentralityFormat::Text => {
            say!(
                out,
                "{} centrality as of each date from {range} every {}, {reading_words}; top {} by peak score",
                over.measure(),
                args.step,
                top.len()
            )?;
            say!(out)?;
            let mut header = vec!["NAME".to_owned(), "KIND".to_owned()];
            header.extend(over.dates().iter().map(ToString::to_string));
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let mut table = Table::new(&header);
            for s in &top {
                let node = graph.node(s.node);
                let mut row = vec![node.name.clone(), node.kind.to_string()];
                row.extend(
                    s.values
                        .iter()
                        .map(|v| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"))),
                );
                table.row(row);
            }
            table.write(out)?;
            Ok(())
        }
    }
}

fn csv_error(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::from(io),
        other => Error::from(std::io::Error::other(format!("{other:?}"))),
    }
}
