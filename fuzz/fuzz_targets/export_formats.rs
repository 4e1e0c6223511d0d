//! Valid graphs with arbitrary strings in every text field, written in
//! every export format; each output must parse (see
//! `partnership_fuzz::check_exports`), and the graph must round-trip
//! through the loader.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use partnership_core::{AttrValue, Graph, Kind, Link, Node, PartialDate, Relation, Source};

#[derive(Arbitrary, Debug)]
struct Plan {
    nodes: Vec<NodePlan>,
    links: Vec<LinkPlan>,
    title: Option<String>,
    bits: u8,
    wrap: u8,
}

#[derive(Arbitrary, Debug)]
struct NodePlan {
    id: String,
    kind: u8,
    name: String,
    aliases: Vec<String>,
    description: Option<String>,
    since: Option<(u16, u8, u8)>,
    attributes: Vec<(String, AttrPlan)>,
    citations: Vec<(String, String)>,
}

#[derive(Arbitrary, Debug)]
enum AttrPlan {
    Text(String),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

#[derive(Arbitrary, Debug)]
struct LinkPlan {
    source: u8,
    target: u8,
    relation: u8,
    key: Option<u64>,
    role: Option<String>,
    description: Option<String>,
    citation: (String, String),
}

fn date((year, month, day): (u16, u8, u8)) -> Option<PartialDate> {
    let year = 1900 + year % 200;
    match day % 3 {
        0 => PartialDate::year(year).ok(),
        1 => PartialDate::month(year, month % 13).ok(),
        _ => PartialDate::day(year, month % 13, day % 32).ok(),
    }
}

fn source((document, section): (String, String)) -> Source {
    Source { document, section }
}

fuzz_target!(|plan: Plan| {
    let mut graph = Graph::new();
    let mut ids = Vec::new();
    for n in plan.nodes.into_iter().take(24) {
        let kind = Kind::ALL[usize::from(n.kind) % Kind::ALL.len()];
        let first = n.citations.first().cloned().unwrap_or_default();
        let mut node = Node::new(n.id.clone(), kind, n.name, source(first));
        if n.citations.len() > 1 {
            node.sources = n.citations.into_iter().map(source).collect();
        }
        node.aliases = n.aliases;
        node.description = n.description;
        node.since = n.since.and_then(date);
        for (name, value) in n.attributes {
            let value = match value {
                AttrPlan::Text(t) => AttrValue::Text(t),
                AttrPlan::Unsigned(u) => AttrValue::Number(u.into()),
                AttrPlan::Signed(i) => AttrValue::Number(i.into()),
                AttrPlan::Float(f) => match serde_json::Number::from_f64(f) {
                    Some(n) => AttrValue::Number(n),
                    None => continue,
                },
            };
            node.attributes.insert(name, value);
        }
        if graph.add_node(node).is_ok() {
            ids.push(n.id);
        }
    }
    if !ids.is_empty() {
        for l in plan.links.into_iter().take(48) {
            let pick = |i: u8| ids[usize::from(i) % ids.len()].clone();
            let relation = Relation::ALL[usize::from(l.relation) % Relation::ALL.len()];
            let mut link = Link::new(pick(l.source), relation, pick(l.target), source(l.citation));
            link.key = l.key;
            link.role = l.role;
            link.description = l.description;
            let _ = graph.add_link(link);
        }
    }
    partnership_fuzz::round_trip(&graph);
    let options = partnership_fuzz::export_options(plan.bits, plan.wrap, plan.title);
    partnership_fuzz::check_exports(&graph, &options);
});
