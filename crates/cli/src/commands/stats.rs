//! `partnership stats`: counts by kind and relation, date range and sources.

use std::io::Write;

use partnership_core::{Coverage, Family, Graph, Kind, PartialDate, Relation};
use serde::Serialize;

use crate::args::{OutputFormat, StatsArgs};
use crate::error::Error;
use crate::output::say;
use crate::output::{self, Table};

#[derive(Serialize)]
struct Stats<'g> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'g str>,
    nodes: usize,
    links: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_date: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_date: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage: Option<&'g Coverage>,
    kinds: Vec<KindCount>,
    relations: Vec<RelationCount>,
    sources: Vec<SourceCount<'g>>,
}

#[derive(Serialize)]
struct KindCount {
    kind: Kind,
    family: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct RelationCount {
    relation: Relation,
    count: usize,
}

#[derive(Serialize)]
struct SourceCount<'g> {
    id: &'g str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'g str>,
    citations: usize,
}

/// Prints the graph's size, its kinds, relations, date range and sources.
///
/// # Errors
/// Any error writing to `out`.
pub(crate) fn run(args: &StatsArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let stats = collect(graph);
    if args.output.format == OutputFormat::Json {
        return Ok(output::json(out, &stats)?);
    }
    if args.output.format == OutputFormat::Csv {
        // One table: what is counted (kind, relation or source), which one,
        // and how many nodes, links or citations.
        let mut table = Table::new(&["COUNTS", "NAME", "COUNT"]);
        for k in &stats.kinds {
            table.row(["kind".to_owned(), k.kind.to_string(), k.count.to_string()]);
        }
        for r in &stats.relations {
            table.row([
                "relation".to_owned(),
                r.relation.as_str().to_owned(),
                r.count.to_string(),
            ]);
        }
        for s in &stats.sources {
            table.row([
                "source".to_owned(),
                s.id.to_owned(),
                s.citations.to_string(),
            ]);
        }
        return Ok(table.write_csv(out)?);
    }
    if let Some(name) = stats.name {
        say!(out, "{name}")?;
    }
    let mut size = format!("{} nodes, {} links", stats.nodes, stats.links);
    if let (Some(first), Some(last)) = (stats.first_date, stats.last_date) {
        size.push_str(&format!(", dated {first} to {last}"));
    }
    say!(out, "{size}")?;
    if let Some(c) = stats.coverage {
        let mut covers = "covers ".to_owned();
        if let Some(from) = c.from {
            covers.push_str(&format!("{from} "));
        }
        covers.push_str(&format!("to {}", c.until));
        if let Some(basis) = &c.basis {
            covers.push_str(&format!(" ({basis})"));
        }
        say!(out, "{covers}")?;
    }

    say!(out)?;
    let mut kinds = Table::new(&["KIND", "FAMILY", "NODES"]);
    for k in &stats.kinds {
        kinds.row([
            k.kind.as_str().to_owned(),
            k.family.to_owned(),
            k.count.to_string(),
        ]);
    }
    kinds.write(out)?;

    say!(out)?;
    let mut relations = Table::new(&["RELATION", "LINKS"]);
    for r in &stats.relations {
        relations.row([r.relation.as_str().to_owned(), r.count.to_string()]);
    }
    relations.write(out)?;

    say!(out)?;
    let mut sources = Table::new(&["SOURCE", "CITATIONS", "TITLE"]);
    for s in &stats.sources {
        sources.row([
            s.id.to_owned(),
            s.citations.to_string(),
            s.title.unwrap_or("-").to_owned(),
        ]);
    }
    sources.write(out)?;
    Ok(())
}

fn collect(graph: &Graph) -> Stats<'_> {
    let nodes: Vec<_> = graph.nodes().map(|(_, n)| n).collect();
    let links: Vec<_> = graph.links().map(|l| l.weight).collect();

    let kinds = Kind::ALL
        .iter()
        .map(|&kind| KindCount {
            kind,
            family: Family::as_str(kind.family()),
            count: nodes.iter().filter(|n| n.kind == kind).count(),
        })
        .filter(|k| k.count > 0)
        .collect();
    let relations = Relation::ALL
        .iter()
        .map(|&relation| RelationCount {
            relation,
            count: links.iter().filter(|l| l.relation == relation).count(),
        })
        .filter(|r| r.count > 0)
        .collect();

    let dates = nodes
        .iter()
        .flat_map(|n| [n.since, n.until, n.date])
        .chain(links.iter().flat_map(|l| [l.since, l.until]))
        .flatten();
    let first_date = dates.clone().min();
    let last_date = dates.max_by_key(|d| (d.end(), d.precision()));

    // Declared documents first, in file order; then any cited but undeclared.
    let mut sources: Vec<SourceCount<'_>> = graph
        .meta()
        .sources
        .iter()
        .map(|d| SourceCount {
            id: &d.id,
            title: Some(&d.title),
            citations: 0,
        })
        .collect();
    let citations = nodes
        .iter()
        .flat_map(|n| &n.sources)
        .chain(links.iter().flat_map(|l| &l.sources));
    for cite in citations {
        match sources.iter_mut().find(|s| s.id == cite.document) {
            Some(s) => s.citations += 1,
            None => sources.push(SourceCount {
                id: &cite.document,
                title: None,
                citations: 1,
            }),
        }
    }

    Stats {
        name: graph.meta().name.as_deref(),
        nodes: nodes.len(),
        links: links.len(),
        first_date,
        last_date,
        coverage: graph.coverage(),
        kinds,
        relations,
        sources,
    }
}
