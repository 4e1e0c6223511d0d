//! Hostile input to the loader (issue 11's loader faults and issue 10's
//! streams and limits): each case gets a clear, typed error, within bounded
//! time and memory, and nothing is silently dropped.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use partnership_core::json::LoadOptions;
use partnership_core::{End, Graph, LoadError, Location, ProblemKind};

const CITE: &str = r#"[{"document": "d", "section": "s"}]"#;

fn node(id: &str, kind: &str) -> String {
    format!(r#"{{"id": "{id}", "kind": "{kind}", "name": "{id}", "sources": {CITE}}}"#)
}

fn problems(text: &str) -> Vec<(Location, ProblemKind)> {
    match Graph::from_json_str(text) {
        Ok(_) => panic!("loaded without error: {text}"),
        Err(e) => e
            .problems()
            .iter()
            .map(|p| (p.location.clone(), p.kind.clone()))
            .collect(),
    }
}

fn messages(text: &str) -> Vec<String> {
    match Graph::from_json_str(text) {
        Ok(_) => panic!("loaded without error: {text}"),
        Err(e) => e.problems().iter().map(ToString::to_string).collect(),
    }
}

fn temp_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("partnership-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

// Fault 1: parallel links were cubic (unkeyed) and quadratic (keyed).

#[test]
fn many_parallel_links_load_in_linear_time() {
    let n = 20_000;
    let link = |key: Option<usize>| {
        let key = key.map(|k| format!(r#""key": {k}, "#)).unwrap_or_default();
        format!(
            r#"{{"source": "a", "target": "b", {key}"relation": "member_of", "sources": {CITE}}}"#
        )
    };
    // Unkeyed, then keyed from the top down (every key lands above the
    // dense run until key 0 arrives), then unkeyed again.
    let mut links: Vec<String> = (0..n).map(|_| link(None)).collect();
    links.extend((0..n).rev().map(|k| link(Some(n + k))));
    links.extend((0..n).map(|_| link(None)));
    let text = format!(
        r#"{{"nodes": [{}, {}], "edges": [{}]}}"#,
        node("a", "state"),
        node("b", "organisation"),
        links.join(",")
    );
    let start = Instant::now();
    let g = Graph::from_json_str(&text).unwrap();
    let took = start.elapsed();
    let keys: Vec<u64> = g.links().map(|l| l.key.unwrap()).collect();
    assert_eq!(keys.len(), 3 * n);
    // Unkeyed links take 0.., keyed ones keep theirs, and the last unkeyed
    // ones skip every key already used.
    assert!(keys[..n].iter().copied().eq(0..n as u64));
    assert!(keys[2 * n..].iter().copied().eq(2 * n as u64..3 * n as u64));
    // Cubic took about a minute for 10,000; linear takes milliseconds even
    // unoptimised on a shared machine.
    assert!(took < Duration::from_secs(20), "{took:?}");
    // A repeated key is still refused.
    let dup = format!(
        r#"{{"nodes": [{}, {}], "edges": [{}, {}]}}"#,
        node("a", "state"),
        node("b", "organisation"),
        link(Some(7)),
        link(Some(7))
    );
    assert!(matches!(
        problems(&dup)[0].1,
        ProblemKind::DuplicateKey { key: 7, .. }
    ));
}

// Fault 3: unbounded input.

#[test]
fn a_stream_past_the_limit_is_refused_without_reading_it_all() {
    let zeros = std::fs::File::open("/dev/zero").unwrap();
    let err = Graph::from_json_reader(zeros, &LoadOptions { max_bytes: 1 << 20 }).unwrap_err();
    assert!(
        matches!(err, LoadError::TooLarge { limit: 1_048_576 }),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "the input is larger than the limit of 1048576 bytes"
    );
}

#[test]
fn a_file_past_the_limit_is_refused_before_it_is_read() {
    let path = temp_path("big.json");
    std::fs::write(
        &path,
        format!(r#"{{"nodes": [], "pad": "{}"}}"#, "x".repeat(4096)),
    )
    .unwrap();
    let err = Graph::from_json_path_with(&path, &LoadOptions { max_bytes: 1024 }).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { limit: 1024 }), "{err}");
    // Within the limit it is read (and its unknown key reported).
    let err = Graph::from_json_path(&path).unwrap_err();
    assert!(err.to_string().contains("unknown field `pad`"), "{err}");
}

#[test]
fn a_directory_is_not_a_data_file() {
    let err = Graph::from_json_path(std::env::temp_dir()).unwrap_err();
    assert!(
        matches!(
            err,
            LoadError::NotAFile {
                what: "a directory",
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("not a regular file"), "{err}");
}

#[test]
fn dev_zero_is_refused_at_once() {
    let start = Instant::now();
    let err = Graph::from_json_path("/dev/zero").unwrap_err();
    assert!(
        matches!(
            err,
            LoadError::NotAFile {
                what: "a device",
                ..
            }
        ),
        "{err}"
    );
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let path = temp_path("fifo");
    let _ = std::fs::remove_file(&path);
    let made = std::process::Command::new("mkfifo").arg(&path).status();
    if !made.is_ok_and(|s| s.success()) {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "mkfifo is missing"
        );
        eprintln!("skipping: mkfifo is not available");
        return;
    }
    let start = Instant::now();
    let err = Graph::from_json_path(&path).unwrap_err();
    assert!(
        matches!(err, LoadError::NotAFile { what, .. } if what.contains("FIFO")),
        "{err}"
    );
    assert!(start.elapsed() < Duration::from_secs(5));
    let _ = std::fs::remove_file(&path);
}

// Fault 12: encodings.

#[test]
fn bytes_that_are_not_utf8_are_named_with_their_offset() {
    let mut bytes = br#"{"nodes": [{"id": "caf"#.to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xe9\"}]}"); // Latin-1 e-acute
    let err = Graph::from_json_slice(&bytes).unwrap_err();
    assert!(
        matches!(err, LoadError::NotUtf8 { offset: o } if o == offset),
        "{err}"
    );
    assert_eq!(err.to_string(), format!("not UTF-8 at byte {offset}"));
    // The same through a file, not an I/O error.
    let path = temp_path("latin1.json");
    std::fs::write(&path, &bytes).unwrap();
    let err = Graph::from_json_path(&path).unwrap_err();
    assert!(matches!(err, LoadError::NotUtf8 { .. }), "{err}");
}

#[test]
fn a_byte_order_mark_is_named() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(br#"{"nodes": []}"#);
    let err = Graph::from_json_slice(&bytes).unwrap_err();
    let LoadError::Syntax {
        line: 1,
        column: 1,
        message,
    } = &err
    else {
        panic!("{err:?}")
    };
    assert!(message.contains("byte order mark"), "{message}");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let depth = 100_000;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    for text in [
        deep.clone(),
        format!(r#"{{"nodes": {deep}}}"#),
        format!(r#"{{"graph": {{}}, "nodes": {deep}}}"#),
        format!(r#"{{"graph": {{}}, "nodes": [], "edges": [{deep}]}}"#),
        format!(r#"{{"graph": {{}}, "nodes": [{{"id": "a", "attributes": {{"x": {deep}}}}}]}}"#),
        format!(r#"{{"graph": {deep}, "nodes": []}}"#),
    ] {
        let start = Instant::now();
        let err = Graph::from_json_str(&text).unwrap_err();
        assert!(start.elapsed() < Duration::from_secs(10));
        let shown = err.to_string();
        assert!(!shown.is_empty());
    }
}

// Fault 4: repeated keys.

#[test]
fn repeated_keys_are_problems_at_every_level() {
    let a = node("a", "state");
    let text = format!(
        r#"{{"nodes": [{a}], "nodes": [], "edges": [
            {{"source": "a", "target": "a", "relation": "supports", "relation": "funds", "sources": {CITE}}}
        ]}}"#
    );
    let got = problems(&text);
    assert_eq!(
        got[0],
        (
            Location::File,
            ProblemKind::DuplicateField {
                field: "nodes".into()
            }
        )
    );
    assert_eq!(
        got[1].1,
        ProblemKind::DuplicateField {
            field: "relation".into()
        }
    );
    assert_eq!(got.len(), 2, "{got:#?}");

    let text = r#"{"nodes": [{"id": "a", "id": "b", "kind": "state", "name": "A",
            "attributes": {"x": 1, "x": 2},
            "sources": [{"document": "d", "section": "s", "section": "t"}]}]}"#;
    assert_eq!(
        messages(text),
        [
            r#"node "a" (nodes[0]): field `id` appears more than once; keep one"#,
            r#"node "a" (nodes[0]): field `sources[0].section` appears more than once; keep one"#,
            r#"node "a" (nodes[0]): field `attributes["x"]` appears more than once; keep one"#,
        ]
    );
    let err =
        Graph::from_json_str(r#"{"graph": {"name": "a", "name": "b"}, "nodes": []}"#).unwrap_err();
    assert!(err.to_string().contains("duplicate field `name`"), "{err}");
}

// Fault 9: repeated documents.

#[test]
fn a_document_declared_twice_is_reported() {
    let text = r#"{"graph": {"sources": [
        {"id": "d", "title": "One", "sections": ["s"]},
        {"id": "e", "title": "Other"},
        {"id": "d", "title": "Two", "sections": ["t"]}]},
      "nodes": []}"#;
    assert_eq!(
        problems(text),
        [(
            Location::File,
            ProblemKind::DuplicateDocument {
                id: "d".into(),
                first: 0
            }
        )]
    );
    assert_eq!(
        messages(text)[0],
        r#"file: document id "d" is declared twice in `graph.sources` (first at sources[0])"#
    );
}

// Fault 10: a link to a node that failed its own checks.

#[test]
fn a_link_to_a_rejected_node_is_reported_the_same_way_whatever_else_is_wrong() {
    let bad = r#"{"id": "c4", "kind": "fund", "name": "C4", "sources": []}"#;
    let ok_link = format!(
        r#"{{"source": "ukraine", "target": "c4", "relation": "funds", "sources": {CITE}}}"#
    );
    let bad_link = format!(
        r#"{{"source": "ukraine", "target": "c4", "relation": "funds", "since": "2016", "until": "2015", "sources": {CITE}}}"#
    );
    let text = format!(
        r#"{{"nodes": [{}, {bad}], "edges": [{ok_link}, {bad_link}]}}"#,
        node("ukraine", "state")
    );
    let got = messages(&text);
    // The rejected node is reported once, at the node; neither link says
    // "not a node id"; the second link's own problem is still reported.
    assert_eq!(
        got,
        [
            r#"node "c4" (nodes[1]): `sources` is empty: cite at least one document and section"#,
            "link ukraine -> c4 (edges[1]): `since` 2016 is after `until` 2015",
        ]
    );
    // An end that names no node at all is reported, with or without other
    // problems.
    let text = format!(
        r#"{{"nodes": [{}], "edges": [
            {{"source": "ukraine", "target": "", "relation": "funds", "sources": {CITE}}},
            {{"source": "ukraine", "target": "", "relation": "funds", "since": "2016", "until": "2015", "sources": {CITE}}}]}}"#,
        node("ukraine", "state")
    );
    let unknown = ProblemKind::UnknownEndpoint {
        end: End::Target,
        id: String::new(),
    };
    let got = problems(&text);
    assert_eq!(got[0].1, unknown);
    assert_eq!(got[1].1, unknown);
}

// Fault 11: attribute values of the wrong type.

#[test]
fn every_bad_attribute_value_is_named_with_the_allowed_types() {
    let text = format!(
        r#"{{"nodes": [{{"id": "a", "kind": "state", "name": "A", "sources": {CITE},
            "attributes": {{"ok": "text", "n": 1.5, "b": true, "z": null, "l": [1], "o": {{"x": 1}}}}}}]}}"#
    );
    assert_eq!(
        messages(&text),
        [
            r#"node "a" (nodes[0]): field `attributes["b"]`: expected text or a number, found a boolean"#,
            r#"node "a" (nodes[0]): field `attributes["z"]`: expected text or a number, found null"#,
            r#"node "a" (nodes[0]): field `attributes["l"]`: expected text or a number, found an array"#,
            r#"node "a" (nodes[0]): field `attributes["o"]`: expected text or a number, found an object"#,
        ]
    );
}

#[test]
fn wrong_types_name_what_was_found() {
    let text = format!(
        r#"{{"nodes": [7, {{"id": 3, "kind": "state", "name": "A", "aliases": "A", "sources": {CITE}}}],
            "edges": [{{"source": "a", "target": "b", "key": -1, "relation": "leads", "sources": 5}}]}}"#
    );
    assert_eq!(
        messages(&text),
        [
            "nodes[0]: field `(item)`: expected a JSON object, found a number",
            "nodes[1]: field `id`: expected a string, found a number",
            "nodes[1]: field `aliases`: expected an array of strings, found a string",
            "link a -> b (edges[0]): field `sources`: expected an array of citations, found a number",
            "link a -> b (edges[0]): field `key`: expected a whole number from 0 to 18446744073709551615, found -1",
            r#"link a -> b (edges[0]): source "a" is not a node id"#,
            r#"link a -> b (edges[0]): target "b" is not a node id"#,
        ]
    );
}

#[test]
fn keys_and_arrays_may_come_in_any_order() {
    // `edges` before `nodes` before `graph`: read in one pass all the same.
    let text = format!(
        r#"{{"edges": [{{"source": "a", "target": "b", "relation": "member_of", "sources": {CITE}}}],
            "nodes": [{}, {}],
            "graph": {{"sources": [{{"id": "d", "title": "D", "sections": ["s"]}}]}}}}"#,
        node("a", "state"),
        node("b", "organisation")
    );
    let g = Graph::from_json_str(&text).unwrap();
    assert_eq!((g.node_count(), g.link_count()), (2, 1));
    assert_eq!(g.meta().sources.len(), 1);
    // And citations are still checked against the `graph` read last.
    let bad = text.replace(r#"["s"]"#, r#"["t"]"#);
    assert_eq!(messages(&bad).len(), 3);
}

#[test]
fn equal_citation_lists_are_stored_once() {
    let text = format!(
        r#"{{"nodes": [{}, {}], "edges": [
            {{"source": "a", "target": "b", "relation": "member_of", "sources": {CITE}}},
            {{"source": "a", "target": "b", "relation": "member_of", "sources": [ {{ "section": "s", "document": "d" }} ]}}]}}"#,
        node("a", "state"),
        node("b", "organisation")
    );
    let g = Graph::from_json_str(&text).unwrap();
    let all: Vec<_> = g
        .nodes()
        .map(|(_, n)| &n.sources)
        .chain(g.links().map(|l| &l.weight.sources))
        .collect();
    assert!(all.iter().all(|s| s.shares_with(all[0])));
}

// Fault 6: numbers changed spelling on a round trip.

#[test]
fn numbers_keep_their_spelling_on_a_round_trip() {
    let spellings = [
        "123456789012345678901234567890",
        "-123456789012345678901234567890",
        "9007199254740993",
        "18446744073709551616",
        "-0",
        "2.50",
        "1e-300",
        "4.9e-324",
        "1.5e+300",
    ];
    let attrs: Vec<String> = spellings
        .iter()
        .enumerate()
        .map(|(i, n)| format!(r#""a{i}": {n}"#))
        .collect();
    let text = format!(
        r#"{{"nodes": [{{"id": "a", "kind": "state", "name": "A", "attributes": {{{}}}, "sources": {CITE}}}]}}"#,
        attrs.join(", ")
    );
    let g = Graph::from_json_str(&text).unwrap();
    let saved = g.to_json_string().unwrap();
    for (i, n) in spellings.iter().enumerate() {
        assert!(saved.contains(&format!(r#""a{i}": {n}"#)), "{n}: {saved}");
    }
    let again = Graph::from_json_str(&saved).unwrap();
    assert_eq!(again, g);
    assert_eq!(again.to_json_string().unwrap(), saved);
    // The one change, documented on `AttrValue`: an exponent is written in
    // its lower-case signed form, the same digits and value.
    let text = text.replace("1.5e+300", "1.5E300");
    let saved = Graph::from_json_str(&text)
        .unwrap()
        .to_json_string()
        .unwrap();
    assert!(saved.contains("1.5e+300"), "{saved}");
}
