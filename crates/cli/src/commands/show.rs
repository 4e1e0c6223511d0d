//! `partnership show ENTITY`: everything the data says about one entity.

use std::io::Write;

use partnership_core::{Graph, LinkRef, Node, NodeIndex, Relation, words};
use serde::Serialize;

use crate::args::{OutputFormat, ShowArgs};
use crate::data;
use crate::error::Error;
use crate::output::say;
use crate::output::{self, LinkJson, Table};

#[derive(Serialize)]
struct Group<'g> {
    relation: Relation,
    links: Vec<LinkJson<'g>>,
}

#[derive(Serialize)]
struct Answer<'g> {
    #[serde(flatten)]
    node: &'g Node,
    #[serde(rename = "out")]
    outgoing: Vec<Group<'g>>,
    #[serde(rename = "in")]
    incoming: Vec<Group<'g>>,
}

/// Prints the entity's fields, its links grouped by relation, and its
/// sources.
///
/// # Errors
/// [`Error::Lookup`] when the entity is unknown or ambiguous; any error
/// writing to `out`.
pub(crate) fn run(args: &ShowArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let index = data::resolve(graph, &args.entity)?;
    let node = graph.node(index);
    let relations = &args.relations;
    let outgoing = grouped(graph.links_from(index, relations).map(|l| (l.target, l)));
    let incoming = grouped(graph.links_to(index, relations).map(|l| (l.source, l)));
    if !relations.is_empty() && outgoing.is_empty() && incoming.is_empty() {
        let names: Vec<_> = relations.iter().map(|r| r.as_str()).collect();
        return Err(Error::NothingFound(format!(
            "{} has no {} link",
            node.name,
            names.join(" or ")
        )));
    }
    if args.output.format == OutputFormat::Csv {
        let mut table = Table::new(&[
            "DIRECTION",
            "RELATION",
            "ID",
            "NAME",
            "KIND",
            "SINCE",
            "UNTIL",
            "ROLE",
            "SOURCES",
        ]);
        for (direction, groups) in [("out", &outgoing), ("in", &incoming)] {
            for (relation, links) in groups {
                for (other, link) in links {
                    let other = graph.node(*other);
                    table.row([
                        direction.to_owned(),
                        relation.as_str().to_owned(),
                        other.id.clone(),
                        other.name.clone(),
                        other.kind.to_string(),
                        output::date_cell(link.since),
                        output::date_cell(link.until),
                        link.role.clone().unwrap_or_default(),
                        output::citations(&link.sources),
                    ]);
                }
            }
        }
        return Ok(table.write_csv(out)?);
    }
    if args.output.format == OutputFormat::Json {
        let answer = Answer {
            node,
            outgoing: to_json(graph, &outgoing),
            incoming: to_json(graph, &incoming),
        };
        return Ok(output::json(out, &answer)?);
    }

    say!(out, "{}", node.name)?;
    let mut fields = Table::new(&[]).indent(2);
    fields.row(["id", node.id.as_str()]);
    fields.row(["kind", node.kind.as_str()]);
    if !node.aliases.is_empty() {
        fields.row(["aliases".to_owned(), node.aliases.join(", ")]);
    }
    if let Some(dates) = words::node_span(node) {
        fields.row(["dates".to_owned(), dates]);
    }
    if let Some(description) = &node.description {
        fields.row(["description", description.as_str()]);
    }
    for (name, value) in &node.attributes {
        fields.row([name.clone(), value.to_string()]);
    }
    for (i, source) in node.sources.iter().enumerate() {
        let label = if i == 0 { "sources" } else { "" };
        fields.row([
            label.to_owned(),
            format!("{}: {}", source.document, source.section),
        ]);
    }
    fields.write(out)?;

    for (title, groups, phrase) in [
        (
            "Links out",
            &outgoing,
            Relation::phrase as fn(Relation) -> &'static str,
        ),
        ("Links in", &incoming, Relation::inverse_phrase),
    ] {
        let count: usize = groups.iter().map(|(_, links)| links.len()).sum();
        say!(out)?;
        say!(out, "{title} ({count})")?;
        let mut table = Table::new(&[]).indent(2);
        for (relation, links) in groups {
            for (i, (other, link)) in links.iter().enumerate() {
                let label = if i == 0 { phrase(*relation) } else { "" };
                table.row([
                    label.to_owned(),
                    words::label(graph.node(*other)),
                    output::span(link.since, link.until),
                    words::sections(&link.sources),
                ]);
            }
        }
        table.write(out)?;
    }
    Ok(())
}

type Groups<'g> = Vec<(Relation, Vec<(NodeIndex, LinkRef<'g>)>)>;

fn to_json<'g>(graph: &'g Graph, groups: &Groups<'g>) -> Vec<Group<'g>> {
    groups
        .iter()
        .map(|(relation, links)| Group {
            relation: *relation,
            links: links
                .iter()
                .map(|(other, l)| LinkJson::new(graph, l, *other))
                .collect(),
        })
        .collect()
}

/// Links grouped by relation, relations in the model's order and links in
/// file order within each group.
fn grouped<'g>(links: impl Iterator<Item = (NodeIndex, LinkRef<'g>)>) -> Groups<'g> {
    let mut groups: Groups<'g> = Vec::new();
    for (other, link) in links {
        let relation = link.relation;
        match groups.iter_mut().find(|(r, _)| *r == relation) {
            Some((_, list)) => list.push((other, link)),
            None => groups.push((relation, vec![(other, link)])),
        }
    }
    groups.sort_by_key(|(relation, _)| *relation);
    groups
}
