//! `partnership list`: entities of some kinds with their dates and numbers
//! of links, by name or by date.

use std::io::Write;

use partnership_core::filter::EntityQuery;
use partnership_core::{Graph, PartialDate, words};
use serde::Serialize;

use crate::args::{ListArgs, OutputFormat};
use crate::commands::links::{when, when_words};
use crate::error::Error;
use crate::output::{self, EntityJson, Table};

#[derive(Serialize)]
struct Row<'g> {
    #[serde(flatten)]
    entity: EntityJson<'g>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<PartialDate>,
    links_out: usize,
    links_in: usize,
}

/// Prints the entities of the kinds asked for, in the order asked for.
///
/// # Errors
/// [`Error::Usage`] for a reversed `--between`; [`Error::NothingFound`]
/// when no entity matches; any error writing to `out`.
pub(crate) fn run(args: &ListArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let when = when(&args.dates)?;
    let query = EntityQuery {
        kinds: args.kind.clone(),
        when,
        order: args.sort,
    };
    let listed = query.entities(graph);
    match args.output.format {
        OutputFormat::Json => {
            let rows: Vec<_> = listed
                .iter()
                .map(|e| {
                    let node = graph.node(e.index);
                    Row {
                        entity: EntityJson::new(graph, e.index),
                        since: node.since,
                        until: node.until,
                        date: node.date,
                        links_out: e.links_out,
                        links_in: e.links_in,
                    }
                })
                .collect();
            output::json(out, &rows)?;
        }
        OutputFormat::Csv => {
            let mut table = Table::new(&[
                "ID",
                "NAME",
                "KIND",
                "SINCE",
                "UNTIL",
                "DATE",
                "LINKS_OUT",
                "LINKS_IN",
            ]);
            for e in &listed {
                let node = graph.node(e.index);
                table.row([
                    node.id.clone(),
                    node.name.clone(),
                    node.kind.to_string(),
                    output::date_cell(node.since),
                    output::date_cell(node.until),
                    output::date_cell(node.date),
                    e.links_out.to_string(),
                    e.links_in.to_string(),
                ]);
            }
            table.write_csv(out)?;
        }
        OutputFormat::Text if !listed.is_empty() => {
            let mut table = Table::new(&["NAME", "KIND", "DATES", "LINKS", "ID"]);
            for e in &listed {
                let node = graph.node(e.index);
                table.row([
                    node.name.clone(),
                    node.kind.to_string(),
                    words::node_span(node).unwrap_or_else(|| "-".to_owned()),
                    e.links().to_string(),
                    node.id.clone(),
                ]);
            }
            table.write(out)?;
        }
        OutputFormat::Text => {}
    }
    if listed.is_empty() {
        let kinds = if args.kind.is_empty() {
            "entity".to_owned()
        } else {
            let names: Vec<_> = args.kind.iter().map(|k| k.as_str()).collect();
            format!("entity of kind {}", names.join(" or "))
        };
        return Err(Error::NothingFound(format!(
            "no {kinds} is recorded{}",
            when_words(when)
        )));
    }
    Ok(())
}
