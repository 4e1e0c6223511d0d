//! The table and JSON shared by `who-leads` and `led-by`.

use std::io::Write;

use partnership_core::{Graph, Leadership, LinkRef, NodeIndex, words};
use serde::Serialize;

use crate::args::OutputFormat;
use crate::error::Error;
use crate::output::say;
use crate::output::{self, EntityJson, LinkJson, Table};

/// Which end of the links is the entity asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    /// The entity is led: list the links' subjects (`who-leads`).
    Led,
    /// The entity leads: list the links' objects (`led-by`).
    Leader,
}

impl Side {
    fn other(self, link: &LinkRef<'_>) -> NodeIndex {
        match self {
            Side::Led => link.source,
            Side::Leader => link.target,
        }
    }
}

#[derive(Serialize)]
struct Answer<'g> {
    entity: EntityJson<'g>,
    leads: Vec<LinkJson<'g>>,
    executes: Vec<LinkJson<'g>>,
}

/// Prints who leads `entity`, or what it leads, in `format`.
///
/// # Errors
/// Any error writing to `out`.
pub(super) fn write<'g>(
    graph: &'g Graph,
    entity: NodeIndex,
    found: &Leadership<'g>,
    side: Side,
    format: OutputFormat,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let links = |list: &[LinkRef<'g>]| -> Vec<(NodeIndex, LinkRef<'g>)> {
        list.iter().map(|l| (side.other(l), *l)).collect()
    };
    let (leads, executes) = (links(&found.leads), links(&found.executes));
    if format == OutputFormat::Json {
        let to_json = |list: &[(NodeIndex, LinkRef<'g>)]| -> Vec<LinkJson<'g>> {
            list.iter()
                .map(|(other, l)| LinkJson::new(graph, l, *other))
                .collect()
        };
        let answer = Answer {
            entity: EntityJson::new(graph, entity),
            leads: to_json(&leads),
            executes: to_json(&executes),
        };
        return Ok(output::json(out, &answer)?);
    }
    let (lead_role, exec_role) = match side {
        Side::Led => ("lead", "executing agent"),
        Side::Leader => ("leads", "executes"),
    };
    let rows = leads
        .iter()
        .map(|r| (lead_role, r))
        .chain(executes.iter().map(|r| (exec_role, r)));
    if format == OutputFormat::Csv {
        let mut table = Table::new(&["ROLE", "ID", "NAME", "KIND", "SINCE", "UNTIL", "SOURCES"]);
        for (role, (other, link)) in rows {
            let node = graph.node(*other);
            table.row([
                role.to_owned(),
                node.id.clone(),
                node.name.clone(),
                node.kind.to_string(),
                output::date_cell(link.since),
                output::date_cell(link.until),
                output::citations(&link.sources),
            ]);
        }
        return Ok(table.write_csv(out)?);
    }
    say!(out, "{}", words::label(graph.node(entity)))?;
    if found.is_empty() {
        let none = match side {
            Side::Led => "no lead or executing agent is recorded",
            Side::Leader => "leads and executes nothing in the data",
        };
        say!(out, "  {none}")?;
        return Ok(());
    }
    say!(out)?;
    let mut table = Table::new(&["ROLE", "NAME", "KIND", "DATES", "SOURCE"]);
    for (role, (other, link)) in rows {
        let node = graph.node(*other);
        table.row([
            role.to_owned(),
            node.name.clone(),
            node.kind.to_string(),
            output::span(link.since, link.until),
            words::sections(&link.sources),
        ]);
    }
    table.write(out)?;
    Ok(())
}
