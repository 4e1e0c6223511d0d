//! Each malformed file under `fixtures/bad/` gets its own typed error that
//! names what is wrong and where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use partnership_core::{End, Graph, Kind, LoadError, Location, ProblemKind, Relation};

fn load(name: &str) -> LoadError {
    let path = format!("{}/tests/fixtures/bad/{name}", env!("CARGO_MANIFEST_DIR"));
    match Graph::from_json_path(&path) {
        Ok(_) => panic!("{name} loaded without error"),
        Err(e) => e,
    }
}

/// The single problem of a file that has exactly one.
fn only_problem(name: &str) -> (Location, ProblemKind) {
    let err = load(name);
    let problems = err.problems();
    assert_eq!(problems.len(), 1, "{name}: {problems:#?}");
    (problems[0].location.clone(), problems[0].kind.clone())
}

fn node(index: usize, id: &str) -> Location {
    Location::Node {
        index,
        id: Some(id.into()),
    }
}

fn link(index: usize, source: &str, target: &str) -> Location {
    Location::Link {
        index,
        source: Some(source.into()),
        target: Some(target.into()),
    }
}

#[test]
fn malformed_json_gives_line_and_column() {
    match load("malformed_json.json") {
        LoadError::Syntax { line, column, .. } => {
            assert_eq!(line, 1);
            // The stray comma before `]`: the parser stops at the bracket.
            assert!(column > 150, "column {column}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn missing_field() {
    let (at, what) = only_problem("missing_field.json");
    assert_eq!(at, node(0, "ukraine"));
    assert_eq!(what, ProblemKind::MissingField { field: "name" });
}

#[test]
fn unknown_field_is_not_dropped() {
    let (at, what) = only_problem("unknown_field.json");
    assert_eq!(at, node(0, "ukraine"));
    assert_eq!(
        what,
        ProblemKind::UnknownField {
            field: "colour".into()
        }
    );
}

#[test]
fn unknown_kind() {
    let (at, what) = only_problem("unknown_kind.json");
    assert_eq!(at, node(0, "ukraine"));
    assert_eq!(
        what,
        ProblemKind::UnknownKind {
            value: "country".into()
        }
    );
}

#[test]
fn unknown_relation() {
    let (at, what) = only_problem("unknown_relation.json");
    assert_eq!(at, link(0, "ukraine", "c4"));
    assert_eq!(
        what,
        ProblemKind::UnknownRelation {
            value: "owns".into()
        }
    );
}

#[test]
fn duplicate_id_names_the_first_use() {
    let (at, what) = only_problem("duplicate_id.json");
    assert_eq!(at, node(2, "ukraine"));
    assert_eq!(
        what,
        ProblemKind::DuplicateId {
            id: "ukraine".into(),
            first: 0
        }
    );
}

#[test]
fn link_to_unknown_node() {
    let (at, what) = only_problem("unknown_endpoint.json");
    assert_eq!(at, link(0, "canada", "c4"));
    assert_eq!(
        what,
        ProblemKind::UnknownEndpoint {
            end: End::Source,
            id: "canada".into()
        }
    );
}

#[test]
fn kinds_the_relation_does_not_allow() {
    let (at, what) = only_problem("kinds_not_allowed.json");
    assert_eq!(at, link(0, "c4", "ukraine"));
    assert_eq!(
        what,
        ProblemKind::KindsNotAllowed {
            relation: Relation::Leads,
            subject: Kind::Fund,
            object: Kind::State
        }
    );
    assert_eq!(
        what.to_string(),
        "`leads` does not allow a fund as subject and a state as object"
    );
}

#[test]
fn unparseable_date() {
    let (at, what) = only_problem("bad_date.json");
    assert_eq!(at, node(0, "ukraine"));
    assert!(
        matches!(&what, ProblemKind::BadDate { field: "since", error } if error.to_string().contains("1991-13")),
        "{what:?}"
    );
}

#[test]
fn since_after_until() {
    let (at, what) = only_problem("since_after_until.json");
    assert_eq!(at, link(0, "ukraine", "c4"));
    assert_eq!(what.to_string(), "`since` 2016 is after `until` 2015-06");
}

#[test]
fn empty_sources() {
    let (at, what) = only_problem("empty_sources.json");
    assert_eq!(at, node(0, "ukraine"));
    assert_eq!(what, ProblemKind::NoSources);
}

#[test]
fn holds_office_needs_a_role() {
    let (at, what) = only_problem("missing_role.json");
    assert_eq!(at, link(0, "poroshenko", "ukraine"));
    assert_eq!(what, ProblemKind::MissingRole);
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let err = load("many_problems.json");
    let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
    let expected = [
        r#"node "nato" (nodes[1]): unknown kind "alliance""#,
        r#"node "c4" (nodes[2]): field `since`: malformed date "2014-9": expected YYYY, YYYY-MM or YYYY-MM-DD"#,
        r#"node "c4" (nodes[2]): `sources` is empty: cite at least one document and section"#,
        r#"node "ukraine" (nodes[3]): duplicate id "ukraine" (first used by nodes[0])"#,
        r#"link ukraine -> nowhere (edges[0]): target "nowhere" is not a node id"#,
        "link ukraine -> ukraine (edges[1]): unknown field `weight`",
        "link ukraine -> ukraine (edges[1]): `funds` does not allow a state as subject and a state as object",
    ];
    assert_eq!(got, expected);
    assert!(
        err.to_string()
            .starts_with("7 problems; first: node \"nato\"")
    );
}

#[test]
fn wrong_top_level_shapes() {
    for (text, needle) in [
        ("[]", "expected a JSON object"),
        (
            r#"{"nodes": {}}"#,
            "field `nodes`: expected an array, found an object",
        ),
        (
            r#"{"nodes": [], "directed": false}"#,
            "`directed` must be true",
        ),
        (
            r#"{"nodes": [], "edges": [], "links": []}"#,
            "both `edges` and `links`",
        ),
        (r#"{"nodes": [], "extra": 1}"#, "unknown field `extra`"),
        (r#"{"edges": []}"#, "missing field `nodes`"),
        (
            r#"{"nodes": [7]}"#,
            "nodes[0]: field `(item)`: expected a JSON object",
        ),
        (r#"{"nodes": [], "graph": {"sources": 3}}"#, "field `graph`"),
    ] {
        let err = Graph::from_json_str(text).unwrap_err();
        assert!(err.to_string().contains(needle), "{text}: {err}");
    }
}

#[test]
fn empty_and_truncated_text_are_syntax_errors() {
    for text in ["", "{", "{\"nodes\": [", "\u{feff}{}"] {
        assert!(
            matches!(Graph::from_json_str(text), Err(LoadError::Syntax { .. })),
            "{text:?}"
        );
    }
}

#[test]
fn missing_file_is_an_io_error_naming_the_path() {
    let err = Graph::from_json_path("/no/such/dir/data.json").unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }));
    assert!(err.to_string().contains("/no/such/dir/data.json"));
}

#[test]
fn citations_must_match_declared_documents_and_sections() {
    let text = r#"{
      "graph": {"sources": [{"id": "charter-1997", "title": "Charter", "sections": ["I. Principles"]}]},
      "nodes": [
        {"id": "a", "kind": "state", "name": "A", "sources": [{"document": "charter-1997", "section": "I. Principles"}]},
        {"id": "b", "kind": "state", "name": "B", "sources": [{"document": "charter-1997", "section": "II. Areas"}]},
        {"id": "c", "kind": "state", "name": "C", "sources": [{"document": "other", "section": "x"}]}
      ]
    }"#;
    let err = Graph::from_json_str(text).unwrap_err();
    let kinds: Vec<_> = err.problems().iter().map(|p| p.kind.clone()).collect();
    assert_eq!(
        kinds,
        [
            ProblemKind::UnknownSection {
                document: "charter-1997".into(),
                section: "II. Areas".into()
            },
            ProblemKind::UnknownDocument {
                document: "other".into()
            }
        ]
    );
}

#[test]
fn parallel_links_take_keys_in_file_order_and_keys_must_be_unique() {
    let nodes = r#"[{"id": "a", "kind": "state", "name": "A", "sources": [{"document": "d", "section": "s"}]},
                    {"id": "b", "kind": "organisation", "name": "B", "sources": [{"document": "d", "section": "s"}]}]"#;
    let link = |extra: &str| {
        format!(
            r#"{{"source": "a", "target": "b", "relation": "member_of", {extra} "sources": [{{"document": "d", "section": "s"}}]}}"#
        )
    };
    let ok = format!(
        r#"{{"nodes": {nodes}, "edges": [{}, {}, {}]}}"#,
        link(""),
        link(r#""key": 5,"#),
        link("")
    );
    let g = Graph::from_json_str(&ok).unwrap();
    let keys: Vec<_> = g.links().map(|l| l.key).collect();
    assert_eq!(keys, [Some(0), Some(5), Some(1)]);
    let bad = format!(
        r#"{{"nodes": {nodes}, "edges": [{}, {}]}}"#,
        link(""),
        link(r#""key": 0,"#)
    );
    let err = Graph::from_json_str(&bad).unwrap_err();
    assert!(matches!(
        err.problems()[0].kind,
        ProblemKind::DuplicateKey { key: 0, .. }
    ));
}
