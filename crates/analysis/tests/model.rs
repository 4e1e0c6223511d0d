//! The analysis on the core crate's model: views, name-based path queries
//! and the wording of explanations.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use partnership_analysis::*;
use partnership_core::words::explain;
use partnership_core::{Graph, Kind, Link, Node, NodeIndex, PartialDate, Relation, Source};
use petgraph::graph::DiGraph;

fn cite() -> Source {
    Source {
        document: "test".into(),
        section: "test".into(),
    }
}

/// ```text
/// canada ──leads──► c4 ◄──executes── ncia
///                   ▲
/// stoltenberg ──chairs──► nuc ──oversees──┘ (since 2016)
///      ▲   └──chairs──► jwg
/// ukraine ──supports──┘
/// ```
fn model() -> Graph {
    let mut g = Graph::new();
    let mut node = |id: &str, kind: Kind, name: &str, alias: Option<&str>| {
        let mut n = Node::new(id, kind, name, cite());
        n.aliases.extend(alias.map(str::to_owned));
        g.add_node(n).unwrap();
    };
    node("canada", Kind::State, "Canada", None);
    node(
        "c4",
        Kind::Fund,
        "Trust Fund on Command, Control, Communications and Computers (C4)",
        Some("C4 Trust Fund"),
    );
    node(
        "ncia",
        Kind::Body,
        "NATO Communications and Information Agency",
        Some("NCIA"),
    );
    node("nuc", Kind::Body, "NATO-Ukraine Commission", Some("NUC"));
    node(
        "jwg",
        Kind::Body,
        "Joint Working Group on Defence Reform",
        Some("JWG DR"),
    );
    node("stoltenberg", Kind::Person, "Jens Stoltenberg", None);
    node("ukraine", Kind::State, "Ukraine", None);
    let mut link = |s: &str, r: Relation, t: &str, since: Option<&str>| {
        let mut l = Link::new(s, r, t, cite());
        l.since = since.map(|d| d.parse::<PartialDate>().unwrap());
        g.add_link(l).unwrap();
    };
    link("canada", Relation::Leads, "c4", None);
    link("ncia", Relation::Executes, "c4", None);
    link("stoltenberg", Relation::Chairs, "nuc", None);
    link("nuc", Relation::Oversees, "c4", Some("2016"));
    link("stoltenberg", Relation::Chairs, "jwg", None);
    link("ukraine", Relation::Supports, "stoltenberg", None);
    g
}

fn undirected() -> PathQuery {
    PathQuery {
        reading: Reading::Undirected,
        ..Default::default()
    }
}

fn directed() -> PathQuery {
    PathQuery {
        reading: Reading::Directed,
        ..Default::default()
    }
}

fn say(g: &Graph, from: &str, to: &str, query: &PathQuery) -> String {
    let path = find_path(g, from, to, query).unwrap();
    explain(g, path.start(), path.walk())
}

#[test]
fn explains_forward_then_backward() {
    let g = model();
    assert_eq!(
        say(&g, "canada", "ncia", &undirected()),
        "Canada leads the C4 Trust Fund, which the NATO Communications and Information Agency executes"
    );
}

#[test]
fn explains_a_first_link_walked_backward_with_the_inverse_phrase() {
    let g = model();
    assert_eq!(
        say(&g, "C4 Trust Fund", "Canada", &undirected()),
        "The C4 Trust Fund is led by Canada"
    );
    assert_eq!(
        say(&g, "jwg", "nuc", &undirected()),
        "The Joint Working Group on Defence Reform is chaired by Jens Stoltenberg, who chairs the NATO-Ukraine Commission"
    );
}

#[test]
fn explains_persons_with_who_and_whom() {
    let g = model();
    assert_eq!(
        say(&g, "nuc", "ukraine", &undirected()),
        "The NATO-Ukraine Commission is chaired by Jens Stoltenberg, whom Ukraine supports"
    );
    assert_eq!(
        say(&g, "ukraine", "jwg", &directed()),
        "Ukraine supports Jens Stoltenberg, who chairs the Joint Working Group on Defence Reform"
    );
}

#[test]
fn a_path_without_links_is_the_name() {
    let g = model();
    assert_eq!(
        say(&g, "ncia", "NCIA", &PathQuery::default()),
        "The NATO Communications and Information Agency"
    );
}

#[test]
fn path_queries_respect_reading_relations_kinds_and_dates() {
    let g = model();
    // Directed: nothing leads back to Canada.
    let err = find_path(&g, "ncia", "canada", &directed()).unwrap_err();
    assert_eq!(
        err,
        Error::NoConnection {
            from: "NATO Communications and Information Agency".into(),
            to: "Canada".into(),
            within: None,
        }
    );
    assert_eq!(
        err.to_string(),
        "no connection from NATO Communications and Information Agency to Canada"
    );
    // Without `leads` Canada is cut off.
    let query = PathQuery {
        relations: vec![Relation::Executes, Relation::Oversees, Relation::Chairs],
        ..undirected()
    };
    assert!(matches!(
        find_path(&g, "ncia", "canada", &query),
        Err(Error::NoConnection { .. })
    ));
    // Stoltenberg reaches the C4 fund through the NUC, but only from 2016.
    let late = PathQuery {
        as_of: Some("2017".parse().unwrap()),
        ..directed()
    };
    assert_eq!(find_path(&g, "stoltenberg", "c4", &late).unwrap().len(), 2);
    let early = PathQuery {
        as_of: Some("2015".parse().unwrap()),
        ..directed()
    };
    assert!(matches!(
        find_path(&g, "stoltenberg", "c4", &early),
        Err(Error::NoConnection { .. })
    ));
    // Kinds that exclude an end point.
    let bodies = PathQuery {
        kinds: vec![Kind::Body, Kind::Fund],
        ..undirected()
    };
    assert_eq!(
        find_path(&g, "canada", "ncia", &bodies).unwrap_err(),
        Error::OutsideView {
            id: "canada".into()
        }
    );
    assert_eq!(find_path(&g, "nuc", "ncia", &bodies).unwrap().len(), 2);
    // Names that do not resolve.
    assert!(matches!(
        find_path(&g, "atlantis", "canada", &PathQuery::default()),
        Err(Error::Lookup(_))
    ));
}

/// The same graph without weights, with the links of `keep` only.
fn plain(g: &Graph, keep: impl Fn(&Link) -> bool) -> DiGraph<(), ()> {
    let mut out = DiGraph::new();
    for _ in 0..g.node_count() {
        out.add_node(());
    }
    for l in g.links() {
        if keep(l.weight) {
            out.add_edge(l.source, l.target, ());
        }
    }
    out
}

#[test]
fn measures_on_a_view_equal_measures_on_the_filtered_graph() {
    let g = model();
    let relations = [Relation::Leads, Relation::Executes, Relation::Chairs];
    let view = g.view().relations(&relations);
    let filtered = plain(&g, |l| relations.contains(&l.relation));
    let b = BetweennessOptions {
        reading: Reading::Undirected,
        ..Default::default()
    };
    assert_eq!(
        betweenness_centrality(&view, &b).unwrap().values(),
        betweenness_centrality(&filtered, &b).unwrap().values()
    );
    let p = PageRankOptions::default();
    assert_eq!(
        pagerank(&view, &p).unwrap().values(),
        pagerank(&filtered, &p).unwrap().values()
    );
    // A view without some nodes scores only the nodes it keeps.
    let states = g.view().kinds(&[Kind::State, Kind::Person]);
    let scores = degree_centrality(&states, Degree::Total).unwrap();
    let ids: Vec<&str> = scores
        .keys()
        .iter()
        .map(|&i| g.node(i).id.as_str())
        .collect();
    assert_eq!(ids, vec!["canada", "stoltenberg", "ukraine"]);
    // ukraine → stoltenberg is the only visible link; n - 1 = 2.
    assert_eq!(scores.values(), &[0.0, 0.5, 0.5]);
    assert_eq!(scores.get(NodeIndex::new(1)), None);
}

#[test]
fn the_dataset_explains_the_issue_example() {
    let g = partnership_core::dataset();
    let query = PathQuery {
        reading: Reading::Undirected,
        relations: vec![Relation::Leads, Relation::Executes],
        ..Default::default()
    };
    let path = find_path(g, "Canada", "NCIA", &query).unwrap();
    assert_eq!(
        explain(g, path.start(), path.walk()),
        "Canada leads the C4 Trust Fund, which the NATO Communications and Information Agency executes"
    );
}

/// Degrees in `model()`, counted by hand (links either way): c4 3,
/// stoltenberg 3, nuc 2, every other node 1. Ties go to the lower index,
/// and c4 (index 1) comes before stoltenberg (index 5).
#[test]
fn paths_step_around_avoided_entities_and_hubs() {
    let g = model();
    let id = |i: NodeIndex| g.node(i).id.as_str();
    // Ukraine reaches the NUC through Stoltenberg; the hub c4 is not needed.
    let one_hub = PathQuery {
        avoid_hubs: 1,
        ..undirected()
    };
    let found = find_paths(&g, "ukraine", "nuc", &one_hub).unwrap();
    assert_eq!(
        found.avoided.iter().map(|&i| id(i)).collect::<Vec<_>>(),
        ["c4"]
    );
    assert_eq!(found.paths[0].len(), 2);
    // The two best-connected nodes cut Ukraine off.
    let two_hubs = PathQuery {
        avoid_hubs: 2,
        ..undirected()
    };
    assert!(matches!(
        find_paths(&g, "ukraine", "nuc", &two_hubs),
        Err(Error::NoConnection { .. })
    ));
    // Ends are excepted: from c4 the best-connected other node is stoltenberg.
    let found = find_paths(&g, "c4", "ukraine", &one_hub);
    assert!(matches!(found, Err(Error::NoConnection { .. })));
    // Named entities come first; hubs are ranked by their degree in the
    // query's view and skip the named ones.
    let named = PathQuery {
        avoid: vec!["JWG DR".into()],
        avoid_hubs: 1,
        ..undirected()
    };
    let found = find_paths(&g, "ukraine", "nuc", &named).unwrap();
    let avoided: Vec<_> = found.avoided.iter().map(|&i| id(i)).collect();
    assert_eq!(avoided, ["jwg", "c4"]);
    assert_eq!(found.paths[0].len(), 2);
    let named = PathQuery {
        avoid: vec!["C4 Trust Fund".into()],
        avoid_hubs: 1,
        ..undirected()
    };
    let found = find_paths(&g, "ukraine", "jwg", &named);
    assert!(matches!(found, Err(Error::NoConnection { .. })));
    // Avoiding an end is an error; so is an unknown name.
    let end = PathQuery {
        avoid: vec!["Canada".into()],
        ..undirected()
    };
    assert!(matches!(
        find_paths(&g, "canada", "ncia", &end),
        Err(Error::InvalidOption {
            option: "avoid",
            ..
        })
    ));
    let unknown = PathQuery {
        avoid: vec!["Atlantis".into()],
        ..undirected()
    };
    assert!(matches!(
        find_paths(&g, "canada", "ncia", &unknown),
        Err(Error::Lookup(_))
    ));
}
