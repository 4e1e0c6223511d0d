//! What changed between two dates (`Graph::changes`): every case on a
//! hand-made graph, and the rule checked against `View::as_of` on random
//! graphs.
//!
//! The expected answers for `fixtures/changes.json` are worked out by hand
//! from the rule in `Graph::changes`' documentation, for the window 2010 to
//! 2016 (from 2010-01-01..2010-12-31 to 2016-01-01..2016-12-31): an item
//! began when its first day is after 2010-12-31 and no later than
//! 2016-12-31, and ended when its last day is on or after 2010-01-01 and
//! before 2016-01-01.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use partnership_core::changes::{Change, Changed, Group};
use partnership_core::{Graph, PartialDate};
use proptest::prelude::*;

fn d(s: &str) -> PartialDate {
    s.parse().unwrap()
}

fn fixture() -> Graph {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/changes.json");
    Graph::from_json_path(path).unwrap()
}

/// `what date own` for each change: `what` is a node id or
/// `source relation target`.
fn describe(g: &Graph, list: &[Change<'_>]) -> Vec<String> {
    list.iter()
        .map(|c| {
            let what = match c.item {
                Changed::Entity(i) => g.node(i).id.clone(),
                Changed::Link(l) => format!(
                    "{} {} {}",
                    g.node(l.source).id,
                    l.relation,
                    g.node(l.target).id
                ),
            };
            let own = if c.own_date { "" } else { " (from an end)" };
            format!("{what} {}{own}", c.date)
        })
        .collect()
}

#[test]
fn every_case_between_2010_and_2016() {
    let g = fixture();
    let changes = g.changes(d("2010"), d("2016")).unwrap();
    assert_eq!(
        describe(&g, &changes.began),
        [
            // Began and ended inside the window: in both lists.
            "inside-fund 2011",
            // Open end.
            "open-fund 2014-09",
            // Last day of the window still counts.
            "late-fund 2016-12-31",
            "romania leads inside-fund 2011-03",
            // A link without dates begins with its later end.
            "romania leads open-fund 2014-09 (from an end)",
            // Began again after a pause.
            "ukraine seeks_membership nato 2016-02",
        ]
    );
    assert_eq!(
        describe(&g, &changes.ended),
        [
            // Ended in 2010-02: active as of 2010, gone by 2016.
            "early-end-office 2010-02",
            "closed-office 2015",
            "inside-fund 2013-06",
            "romania leads inside-fund 2012",
            "ukraine seeks_membership nato 2010-08",
            // A dated link ends with the office it belongs to.
            "closed-office part_of nato 2015 (from an end)",
        ]
    );
    assert_eq!(
        describe(&g, &changes.happened),
        [
            "summit-2012 2012-05-20",
            "ukraine attends summit-2012 2012-05-20 (from an end)",
        ]
    );
    // Not listed: old-fund and its lead (over before 2010), edge-start-fund
    // (since 2010-06, so already active as of 2010) and its lead,
    // edge-end-office (until 2016-03, still active as of 2016), the 2017
    // summit, and the late fund's lead (since 2017).
    let all: Vec<String> = [&changes.began, &changes.ended, &changes.happened]
        .into_iter()
        .flat_map(|l| describe(&g, l))
        .collect();
    for absent in [
        "old-fund",
        "edge-start-fund",
        "edge-end-office",
        "summit-2017",
        "late-fund 2017",
    ] {
        assert!(
            !all.iter().any(|c| c.contains(absent)),
            "{absent} should not change"
        );
    }
    // Groups: entities by kind, then links by relation.
    let groups: Vec<String> = changes
        .ended
        .iter()
        .map(|c| c.group(&g).to_string())
        .collect();
    assert_eq!(
        groups,
        [
            "body",
            "body",
            "fund",
            "leads",
            "seeks_membership",
            "part_of"
        ]
    );
    assert!(matches!(changes.began[0].group(&g), Group::Kind(_)));
    // Sources come along.
    assert_eq!(changes.began[0].sources[0].section, "inside");
}

#[test]
fn partial_dates_at_the_edges_follow_as_of() {
    let g = fixture();
    // The window's own precision decides: from 2010-06 the Edge Start Fund
    // (since 2010-06) was active; from 2010-05 it was not.
    let id = |c: &Change<'_>| match c.item {
        Changed::Entity(i) => g.node(i).id.clone(),
        Changed::Link(_) => String::new(),
    };
    let began = |from: &str| -> Vec<String> {
        g.changes(d(from), d("2016"))
            .unwrap()
            .began
            .iter()
            .map(id)
            .collect()
    };
    assert!(!began("2010-06").contains(&"edge-start-fund".to_owned()));
    assert!(began("2010-05").contains(&"edge-start-fund".to_owned()));
    // Until 2016-03 ends before 2016-04 but not before 2016.
    let ended = |to: &str| -> Vec<String> {
        g.changes(d("2010"), d(to))
            .unwrap()
            .ended
            .iter()
            .map(id)
            .collect()
    };
    assert!(!ended("2016").contains(&"edge-end-office".to_owned()));
    assert!(ended("2016-04").contains(&"edge-end-office".to_owned()));
}

#[test]
fn reversed_window_is_an_error() {
    let g = fixture();
    let err = g.changes(d("2016"), d("2010")).unwrap_err();
    assert_eq!(err.to_string(), "2016 does not come before 2010");
    // A year and a month inside it have no order: the year both starts
    // before and ends after the month.
    assert!(g.changes(d("2014"), d("2014-09")).is_err());
    assert!(g.changes(d("2014-09"), d("2014")).is_err());
    // A year and its first month, or its last, do.
    assert!(g.changes(d("2014-01"), d("2014")).is_ok());
    assert!(g.changes(d("2014"), d("2014-12")).is_ok());
    assert!(g.changes(d("2014"), d("2014")).unwrap().is_empty());
}

#[test]
fn the_dataset_has_funds_that_began_between_2010_and_2016() {
    // Robust facts only: the dataset is curated in parallel.
    let g = partnership_core::dataset();
    let changes = g.changes(d("2010"), d("2016")).unwrap();
    let cyber = g.resolve("Trust Fund on Cyber Defence").unwrap();
    let c = changes
        .began
        .iter()
        .find(|c| c.item == Changed::Entity(cyber))
        .unwrap();
    assert_eq!(c.date, d("2014-09"));
    assert!(!c.sources.is_empty());
    // The Charter (1997) did not begin in the window.
    let charter = g.resolve("charter-1997").unwrap();
    assert!(
        !changes
            .began
            .iter()
            .any(|c| c.item == Changed::Entity(charter))
    );
}

// ---- the rule against View::as_of on random graphs ----

fn year_date() -> impl Strategy<Value = PartialDate> {
    (2005u16..2020, 0u8..=12, 0u8..=28).prop_map(|(y, m, day)| match (m, day) {
        (0, _) => PartialDate::year(y).unwrap(),
        (m, 0) => PartialDate::month(y, m).unwrap(),
        (m, day) => PartialDate::day(y, m, day).unwrap(),
    })
}

fn span() -> impl Strategy<Value = (Option<PartialDate>, Option<PartialDate>)> {
    (
        proptest::option::of(year_date()),
        proptest::option::of(year_date()),
    )
        .prop_map(|(a, b)| match (a, b) {
            (Some(a), Some(b)) if a.start() > b.end() => (Some(b), Some(a)),
            other => other,
        })
}

fn dates_json(since: Option<PartialDate>, until: Option<PartialDate>, date: bool) -> String {
    let mut s = String::new();
    if date {
        // A point-in-time node: `date` only.
        if let Some(d) = since {
            s.push_str(&format!(r#", "date": "{d}""#));
        }
        return s;
    }
    if let Some(d) = since {
        s.push_str(&format!(r#", "since": "{d}""#));
    }
    if let Some(d) = until {
        s.push_str(&format!(r#", "until": "{d}""#));
    }
    s
}

/// States (some dated once, like events) and funds with random spans, and
/// `leads` links between them with random spans.
fn graph() -> impl Strategy<Value = Graph> {
    (
        proptest::collection::vec((span(), any::<bool>()), 1..6),
        proptest::collection::vec(span(), 1..6),
        proptest::collection::vec((0usize..6, 0usize..6, span()), 0..15),
    )
        .prop_map(|(states, funds, links)| {
            let cite = r#""sources": [{"document": "d", "section": "s"}]"#;
            let mut nodes = Vec::new();
            for (i, ((s, u), once)) in states.iter().enumerate() {
                nodes.push(format!(
                    r#"{{"id": "s{i}", "kind": "state", "name": "S{i}"{}, {cite}}}"#,
                    dates_json(*s, *u, *once)
                ));
            }
            for (i, (s, u)) in funds.iter().enumerate() {
                nodes.push(format!(
                    r#"{{"id": "f{i}", "kind": "fund", "name": "F{i}"{}, {cite}}}"#,
                    dates_json(*s, *u, false)
                ));
            }
            let edges: Vec<String> = links
                .iter()
                .map(|(a, b, (s, u))| {
                    format!(
                        r#"{{"source": "s{}", "target": "f{}", "relation": "leads"{}, {cite}}}"#,
                        a % states.len(),
                        b % funds.len(),
                        dates_json(*s, *u, false)
                    )
                })
                .collect();
            let text = format!(
                r#"{{"directed": true, "multigraph": true, "graph": {{}}, "nodes": [{}], "edges": [{}]}}"#,
                nodes.join(", "),
                edges.join(", ")
            );
            Graph::from_json_str(&text).unwrap()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn began_and_ended_agree_with_as_of(g in graph(), a in year_date(), b in year_date()) {
        let ordered = |x: PartialDate, y: PartialDate| x.start() <= y.start() && x.end() <= y.end();
        let (from, to) = if ordered(a, b) {
            (a, b)
        } else if ordered(b, a) {
            (b, a)
        } else {
            // One date inside the other with different bounds on both sides
            // (2016 and 2016-05): no order, refused.
            prop_assert!(g.changes(a, b).is_err() && g.changes(b, a).is_err());
            return Ok(());
        };
        let changes = g.changes(from, to).unwrap();
        let at_from = g.view().as_of(from);
        let at_to = g.view().as_of(to);
        let listed = |list: &[Change<'_>], item: Changed<'_>| list.iter().any(|c| c.item == item);
        let items: Vec<(Changed<'_>, bool, bool)> = g
            .nodes()
            .map(|(i, _)| (Changed::Entity(i), at_from.contains_node(i), at_to.contains_node(i)))
            .chain(g.links().map(|l| {
                (Changed::Link(l), at_from.contains_link(l.index), at_to.contains_link(l.index))
            }))
            .collect();
        for (item, in_from, in_to) in items {
            let began = listed(&changes.began, item) || listed(&changes.happened, item);
            let ended = listed(&changes.ended, item) || listed(&changes.happened, item);
            // New in the later view: it began. Gone from it: it ended.
            if in_to && !in_from {
                prop_assert!(began, "{item:?} appears by {to} but is not listed as begun");
            }
            if in_from && !in_to {
                prop_assert!(ended, "{item:?} is gone by {to} but is not listed as ended");
            }
            // What began was not there yet as of `from`; what ended is gone as of `to`.
            if began {
                prop_assert!(!in_from, "{item:?} began but was already active as of {from}");
            }
            if ended {
                prop_assert!(!in_to, "{item:?} ended but is still active as of {to}");
            }
            if listed(&changes.happened, item) {
                prop_assert!(!listed(&changes.began, item) && !listed(&changes.ended, item));
            }
        }
    }
}
