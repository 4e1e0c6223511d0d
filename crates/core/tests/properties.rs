//! Property tests: partial dates, JSON round trips and the relation schema.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use partnership_core::{
    AttrValue, Graph, GraphMeta, Kind, Link, Node, PartialDate, ProblemKind, Relation, Source,
};
use proptest::prelude::*;

fn date() -> impl Strategy<Value = PartialDate> {
    (1u16..=9999, 0u8..=12, 0u8..=31).prop_map(|(y, m, d)| {
        let full = m > 0 && d > 0;
        let made = if full {
            PartialDate::day(y, m, d).or_else(|_| PartialDate::day(y, m, 28))
        } else if m > 0 {
            PartialDate::month(y, m)
        } else {
            PartialDate::year(y)
        };
        made.unwrap()
    })
}

fn kind() -> impl Strategy<Value = Kind> {
    proptest::sample::select(Kind::ALL)
}

fn relation() -> impl Strategy<Value = Relation> {
    proptest::sample::select(Relation::ALL)
}

fn cite() -> impl Strategy<Value = Source> {
    (".{0,12}", ".{0,20}").prop_map(|(document, section)| Source { document, section })
}

/// A number as some file might spell it: any length, any exponent, with
/// trailing zeros, `-0`, `1E5`.
fn spelled_number() -> impl Strategy<Value = serde_json::Number> {
    "-?(0|[1-9][0-9]{0,40})(\\.[0-9]{1,20})?([eE][+-]?[0-9]{1,3})?"
        .prop_map(|s| s.parse::<serde_json::Number>().unwrap())
}

fn attr() -> impl Strategy<Value = AttrValue> {
    prop_oneof![
        any::<i64>().prop_map(|n| AttrValue::Number(n.into())),
        any::<u64>().prop_map(|n| AttrValue::Number(n.into())),
        (-1e9f64..1e9).prop_map(|f| AttrValue::Number(serde_json::Number::from_f64(f).unwrap())),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| AttrValue::Number(serde_json::Number::from_f64(f).unwrap())),
        spelled_number().prop_map(AttrValue::Number),
        proptest::sample::select(vec![
            "9007199254740993",
            "123456789012345678901234567890",
            "-123456789012345678901234567890",
            "18446744073709551616",
            "1e-300",
            "-1e-300",
            "4.9e-324",
            "1.7976931348623157e308",
            "1E5",
            "-0",
            "2.50",
            "0.1",
        ])
        .prop_map(|s| AttrValue::Number(s.parse().unwrap())),
        ".{0,10}".prop_map(AttrValue::Text),
    ]
}

/// Text that the graph accepts as an id or a name: non-empty, no
/// surrounding white space.
fn label() -> impl Strategy<Value = String> {
    ".{1,16}".prop_filter("trimmed and non-empty", |s| !s.is_empty() && s.trim() == s)
}

fn span() -> impl Strategy<Value = (Option<PartialDate>, Option<PartialDate>)> {
    (proptest::option::of(date()), proptest::option::of(date())).prop_map(|(a, b)| match (a, b) {
        (Some(a), Some(b)) if a.start() > b.end() => (Some(b), Some(a)),
        other => other,
    })
}

fn node() -> impl Strategy<Value = Node> {
    (
        label(),
        kind(),
        label(),
        proptest::collection::vec(".{0,8}", 0..3),
        span(),
        proptest::option::of(date()),
        proptest::option::of(".{0,40}"),
        proptest::collection::vec(("[a-z_]{1,8}", attr()), 0..3),
        proptest::collection::vec(cite(), 1..3),
    )
        .prop_map(
            |(id, kind, name, aliases, (since, until), date, description, attrs, sources)| {
                // A dated node without `since` must not end before its date.
                let date =
                    date.filter(|d| since.is_some() || until.is_none_or(|u| d.start() <= u.end()));
                Node {
                    id,
                    kind,
                    name,
                    aliases,
                    since,
                    until,
                    date,
                    description,
                    attributes: attrs.into_iter().collect(),
                    sources: sources.into(),
                }
            },
        )
}

/// A random valid graph: nodes with unique ids, then links whose relation
/// allows the kinds of their ends.
fn graph() -> impl Strategy<Value = Graph> {
    (
        proptest::collection::vec(node(), 1..12),
        proptest::collection::vec(
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                relation(),
                span(),
                proptest::option::of(label()),
                cite(),
                proptest::collection::vec(("[a-z_]{1,8}", attr()), 0..3),
                proptest::option::of(0u64..4),
            ),
            0..30,
        ),
    )
        .prop_map(|(nodes, links)| {
            let mut g = Graph::with_meta(GraphMeta {
                name: Some("random".into()),
                ..GraphMeta::default()
            });
            for n in nodes {
                let _ = g.add_node(n); // duplicate ids are simply skipped
            }
            let ids: Vec<(String, Kind)> = g.nodes().map(|(_, n)| (n.id.clone(), n.kind)).collect();
            for (a, b, rel, (since, until), role, source, attrs, key) in links {
                let (s, sk) = a.get(&ids);
                let (t, tk) = b.get(&ids);
                if !rel.allows(*sk, *tk) {
                    continue;
                }
                let mut l = Link::new(s.clone(), rel, t.clone(), source);
                l.since = since;
                l.until = until;
                l.role = role.or_else(|| (rel == Relation::HoldsOffice).then(|| "Minister".into()));
                l.attributes = attrs.into_iter().collect();
                l.key = key;
                let _ = g.add_link(l); // a repeated key is simply skipped
            }
            g
        })
}

proptest! {
    #[test]
    fn date_display_then_parse_is_identity(d in date()) {
        let text = d.to_string();
        prop_assert!(text.len() == 4 || text.len() == 7 || text.len() == 10);
        prop_assert_eq!(text.parse::<PartialDate>().unwrap(), d);
    }

    #[test]
    fn date_ordering_is_a_total_order_consistent_with_eq(a in date(), b in date(), c in date()) {
        use std::cmp::Ordering::*;
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        prop_assert_eq!(a.cmp(&b) == Equal, a == b);
        if a <= b && b <= c {
            prop_assert!(a <= c);
        }
        prop_assert!(a.start() <= a.end());
        if a < b {
            prop_assert!(a.start() <= b.start());
        }
    }

    #[test]
    fn overlap_is_symmetric_and_reflexive(a in date(), b in date()) {
        prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
        prop_assert!(a.overlaps(&a));
        if a.within(&b) {
            prop_assert!(a.overlaps(&b));
        }
    }

    #[test]
    fn parse_never_panics(s in "\\PC{0,12}") {
        let _ = s.parse::<PartialDate>();
    }

    #[test]
    fn valid_graphs_survive_a_json_round_trip(g in graph()) {
        let text = g.to_json_string().unwrap();
        let back = Graph::from_json_str(&text).map_err(|e| TestCaseError::fail(format!("{e}: {:?}", e.problems())))?;
        prop_assert_eq!(&back, &g);
        prop_assert_eq!(back.to_json_string().unwrap(), text);
    }

    #[test]
    fn every_number_spelling_survives_load_then_save(n in spelled_number(), t in ".{0,10}") {
        let text = format!(
            r#"{{"directed": true, "multigraph": true, "nodes": [{{"id": "a", "kind": "state", "name": "A", "attributes": {{"n": {n}, "t": {}}}, "sources": [{{"document": "d", "section": "s"}}]}}], "edges": []}}"#,
            serde_json::to_string(&t).unwrap()
        );
        let g = Graph::from_json_str(&text).unwrap();
        let attrs = &g.node_by_id("a").unwrap().attributes;
        prop_assert_eq!(attrs["n"].to_string(), n.to_string());
        prop_assert_eq!(&attrs["t"], &AttrValue::Text(t));
        let saved = g.to_json_string().unwrap();
        prop_assert!(saved.contains(&format!(r#""n": {n}"#)), "{}", saved);
        let again = Graph::from_json_str(&saved).unwrap();
        prop_assert_eq!(again.to_json_string().unwrap(), saved);
    }

    #[test]
    fn links_with_disallowed_kinds_are_always_rejected(s in kind(), o in kind(), rel in relation()) {
        prop_assume!(!rel.allows(s, o));
        let cite = Source { document: "d".into(), section: "s".into() };
        let mut g = Graph::new();
        g.add_node(Node::new("a", s, "A", cite.clone())).unwrap();
        g.add_node(Node::new("b", o, "B", cite.clone())).unwrap();
        let mut l = Link::new("a", rel, "b", cite);
        l.role = Some("role".into());
        let err = g.add_link(l).unwrap_err();
        let expected = ProblemKind::KindsNotAllowed { relation: rel, subject: s, object: o };
        prop_assert!(err.problems.contains(&expected));
        prop_assert_eq!(g.link_count(), 0);
    }

    #[test]
    fn loading_arbitrary_json_never_panics(text in "\\PC{0,64}") {
        let _ = Graph::from_json_str(&text);
    }
}
