//! Strategies for random valid graphs whose every text field is an
//! arbitrary string, shared by the property tests.

use partnership_core::{
    AttrValue, Graph, GraphMeta, Kind, Link, Node, PartialDate, Relation, Source,
};
use partnership_export::{ExportOptions, Layout};
use proptest::prelude::*;

/// Any string, with the characters that break formats made common.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::string::string_regex(
            r#"[a-zA-Z "'\\\n\r\t&<>#;:%|{}\[\]()`=\-\x00\x01\x1b\x7f\u{85}\u{FFFE}\u{FFFF}\u{2028}éК🙂]{0,16}"#
        )
        .unwrap(),
    ]
}

/// A string the core accepts as an id or a name: non-empty, no surrounding
/// white space.
fn name() -> impl Strategy<Value = String> {
    text().prop_map(|s| {
        let t = s.trim();
        if t.is_empty() {
            "x".to_owned()
        } else {
            t.to_owned()
        }
    })
}

fn date() -> impl Strategy<Value = PartialDate> {
    (1990u16..2030, proptest::option::of(1u8..=12), 1u8..=28).prop_map(|(y, m, d)| match m {
        None => PartialDate::year(y).unwrap(),
        Some(m) if d % 2 == 0 => PartialDate::month(y, m).unwrap(),
        Some(m) => PartialDate::day(y, m, d).unwrap(),
    })
}

fn attr_value() -> impl Strategy<Value = AttrValue> {
    prop_oneof![
        any::<i64>().prop_map(|n| AttrValue::Number(n.into())),
        // Eighths print and parse back exactly.
        any::<i32>().prop_map(|n| {
            AttrValue::Number(serde_json::Number::from_f64(f64::from(n) / 8.0).unwrap())
        }),
        text().prop_map(AttrValue::Text),
    ]
}

fn citation() -> impl Strategy<Value = Source> {
    (text(), text()).prop_map(|(document, section)| Source { document, section })
}

#[derive(Debug, Clone)]
struct NodePlan {
    id: String,
    kind: usize,
    name: String,
    aliases: Vec<String>,
    description: Option<String>,
    since: Option<PartialDate>,
    until: Option<PartialDate>,
    date: Option<PartialDate>,
    attributes: Vec<(String, AttrValue)>,
    sources: Vec<Source>,
}

#[derive(Debug, Clone)]
struct LinkPlan {
    source: usize,
    target: usize,
    relation: usize,
    role: Option<String>,
    description: Option<String>,
    since: Option<PartialDate>,
    attributes: Vec<(String, AttrValue)>,
    sources: Vec<Source>,
}

fn node_plan() -> impl Strategy<Value = NodePlan> {
    (
        (name(), 0..Kind::ALL.len(), name()),
        proptest::collection::vec(text(), 0..3),
        proptest::option::of(text()),
        (
            proptest::option::of(date()),
            proptest::option::of(date()),
            proptest::option::of(date()),
        ),
        proptest::collection::vec((text(), attr_value()), 0..3),
        proptest::collection::vec(citation(), 1..3),
    )
        .prop_map(
            |(
                (id, kind, name),
                aliases,
                description,
                (since, until, date),
                attributes,
                sources,
            )| {
                NodePlan {
                    id,
                    kind,
                    name,
                    aliases,
                    description,
                    since,
                    until,
                    date,
                    attributes,
                    sources,
                }
            },
        )
}

fn link_plan() -> impl Strategy<Value = LinkPlan> {
    (
        (any::<usize>(), any::<usize>(), any::<usize>()),
        proptest::option::of(name()),
        proptest::option::of(text()),
        proptest::option::of(date()),
        proptest::collection::vec((text(), attr_value()), 0..2),
        proptest::collection::vec(citation(), 1..2),
    )
        .prop_map(
            |((source, target, relation), role, description, since, attributes, sources)| {
                LinkPlan {
                    source,
                    target,
                    relation,
                    role,
                    description,
                    since,
                    attributes,
                    sources,
                }
            },
        )
}

/// A random valid graph: nodes and links the core rejects (a repeated id,
/// dates out of order, kinds the relation does not join) are left out.
pub(crate) fn graph() -> impl Strategy<Value = Graph> {
    (
        name(),
        proptest::option::of(text()),
        proptest::collection::vec(node_plan(), 0..9),
        proptest::collection::vec(link_plan(), 0..16),
    )
        .prop_map(|(title, description, nodes, links)| {
            let mut g = Graph::with_meta(GraphMeta {
                name: Some(title),
                description,
                ..GraphMeta::default()
            });
            for p in nodes {
                let node = Node {
                    id: p.id,
                    kind: Kind::ALL[p.kind],
                    name: p.name,
                    aliases: p.aliases,
                    since: p.since,
                    until: p.until,
                    date: p.date,
                    description: p.description,
                    attributes: p.attributes.into_iter().collect(),
                    sources: p.sources.into(),
                };
                let _ = g.add_node(node);
            }
            let ids: Vec<(String, Kind)> = g.nodes().map(|(_, n)| (n.id.clone(), n.kind)).collect();
            if ids.is_empty() {
                return g;
            }
            for p in links {
                let (s, sk) = &ids[p.source % ids.len()];
                let (t, tk) = &ids[p.target % ids.len()];
                let allowed: Vec<Relation> = Relation::ALL
                    .iter()
                    .copied()
                    .filter(|r| r.allows(*sk, *tk))
                    .collect();
                if allowed.is_empty() {
                    continue;
                }
                let relation = allowed[p.relation % allowed.len()];
                let mut link = Link::new(s.clone(), relation, t.clone(), p.sources[0].clone());
                link.sources = p.sources.into();
                link.role = p.role;
                link.description = p.description;
                link.since = p.since;
                link.attributes = p.attributes.into_iter().collect();
                let _ = g.add_link(link);
            }
            g
        })
}

pub(crate) fn export_options() -> impl Strategy<Value = ExportOptions> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        0usize..30,
        proptest::option::of(text()),
    )
        .prop_map(|(tb, legend, clusters, wrap, title)| ExportOptions {
            layout: if tb {
                Layout::TopToBottom
            } else {
                Layout::LeftToRight
            },
            legend,
            clusters,
            wrap,
            title,
            ..ExportOptions::default()
        })
}
