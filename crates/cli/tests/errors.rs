//! Failures, end to end: exit codes and the one-line messages on stderr.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::Read;

use common::{USER_FILE, command, on_sample, partnership, temp_file};

#[test]
fn unknown_entity_suggests_the_nearest_names() {
    let err = on_sample(&["who-leads", "Trust Fund on Cyber Defense"]).fails(2);
    assert!(
        err.contains("no entity matches \"Trust Fund on Cyber Defense\""),
        "{err}"
    );
    assert!(err.contains("did you mean"), "{err}");
    assert!(err.contains("cyber-defence-trust-fund"), "{err}");
}

#[test]
fn ambiguous_entity_lists_the_candidates() {
    let twins = USER_FILE.replace(
        r#""name": "Betastan","#,
        r#""name": "Betastan", "aliases": ["LA"],"#,
    );
    let path = temp_file("twins.json", &twins);
    let err = partnership(&["--data", path.to_str().unwrap(), "show", "la"]).fails(2);
    assert!(err.contains("\"la\" is ambiguous"), "{err}");
    assert!(err.contains("Logistics Agency (agency)"), "{err}");
    assert!(err.contains("Betastan (beta)"), "{err}");
}

#[test]
fn malformed_json_reports_line_and_column() {
    let path = temp_file(
        "broken.json",
        "{\n  \"nodes\": [\n    {\"id\": \"x\",}\n  ]\n}\n",
    );
    let file = path.to_str().unwrap();
    let err = partnership(&["--data", file, "stats"]).fails(2);
    assert!(err.contains(&format!("{file}:3:")), "{err}");
    assert!(err.contains("invalid JSON"), "{err}");

    let run = partnership(&["validate", file]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.starts_with(&format!("{file}: line 3, column ")),
        "{}",
        run.stdout
    );
}

/// A file with three problems: an unknown kind, a link to a missing node,
/// and a link whose kinds the relation does not allow.
const INVALID: &str = r#"{
  "nodes": [
    {"id": "a", "kind": "state", "name": "A", "sources": [{"document": "d", "section": "s"}]},
    {"id": "b", "kind": "ministry", "name": "B", "sources": [{"document": "d", "section": "s"}]},
    {"id": "f", "kind": "fund", "name": "F", "sources": [{"document": "d", "section": "s"}]}
  ],
  "edges": [
    {"source": "a", "target": "nowhere", "relation": "leads", "sources": [{"document": "d", "section": "s"}]},
    {"source": "f", "target": "a", "relation": "leads", "sources": [{"document": "d", "section": "s"}]}
  ]
}"#;

#[test]
fn validate_lists_every_problem_with_its_location() {
    let path = temp_file("invalid.json", INVALID);
    let file = path.to_str().unwrap();
    let run = partnership(&["validate", file]);
    assert_eq!(run.code, 2, "{run:#?}");
    let lines: Vec<_> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert!(lines.iter().all(|l| l.starts_with(&format!("{file}: "))));
    assert!(
        lines[0].contains("node \"b\" (nodes[1])")
            && lines[0].contains("unknown kind \"ministry\"")
    );
    assert!(lines[1].contains("(edges[0])") && lines[1].contains("\"nowhere\""));
    assert!(lines[2].contains("(edges[1])") && lines[2].contains("`leads` does not allow"));
    assert_eq!(
        run.stderr,
        format!("partnership: error: {file}: 3 problems\n")
    );

    let json = partnership(&["validate", file, "--format", "json"]);
    assert_eq!(json.code, 2);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["valid"], false);
    assert_eq!(v["problems"].as_array().unwrap().len(), 3);
}

#[test]
fn an_invalid_data_file_points_to_validate() {
    let path = temp_file("invalid.json", INVALID);
    let err = partnership(&["who-leads", "a", "--data", path.to_str().unwrap()]).fails(2);
    assert!(err.contains("3 problems"), "{err}");
    assert!(err.contains("partnership validate"), "{err}");
}

#[test]
fn a_missing_file_is_an_input_error() {
    let err = partnership(&["--data", "/nonexistent/graph.json", "stats"]).fails(2);
    assert!(err.contains("cannot read /nonexistent/graph.json"), "{err}");
    partnership(&["validate", "/nonexistent/graph.json"]).fails(2);
}

#[test]
fn bad_dates_are_usage_errors() {
    for (args, value) in [
        (&["timeline", "--from", "2014-13"][..], "2014-13"),
        (&["centrality", "--as-of", "last year"][..], "last year"),
        (
            &["path", "a", "b", "--as-of", "2015-02-29"][..],
            "2015-02-29",
        ),
    ] {
        let err = on_sample(args).fails(2);
        assert!(err.contains(value), "{err}");
    }
    let err = on_sample(&["timeline", "--from", "2015", "--to", "2014"]).fails(2);
    assert!(err.contains("--from 2015 is after --to 2014"), "{err}");
}

#[test]
fn unknown_options_and_values_are_usage_errors() {
    let err = on_sample(&["who-leads", "nuc", "--bogus"]).fails(2);
    assert!(err.contains("unexpected argument '--bogus'"), "{err}");
    assert!(err.contains("usage: partnership who-leads"), "{err}");
    let err = on_sample(&["centrality", "--measure", "fame"]).fails(2);
    assert!(err.contains("'fame'"), "{err}");
    let err = on_sample(&["export", "--kinds", "ministry"]).fails(2);
    assert!(err.contains("'ministry'"), "{err}");
    let err = on_sample(&["who-leads"]).fails(2);
    assert!(err.contains("<ENTITY>"), "{err}");
    let err = on_sample(&["frobnicate"]).fails(2);
    assert!(err.contains("'frobnicate'"), "{err}");
    let err = on_sample(&["path", "a", "b", "--max-len", "3"]).fails(2);
    assert!(err.contains("--all"), "{err}");
}

#[test]
fn export_reports_bad_focus_and_unwritable_output() {
    let err = on_sample(&["export", "--around", "Trust Fund on Cyber Defense"]).fails(2);
    assert!(err.contains("did you mean"), "{err}");
    let err = on_sample(&["export", "--around", "c4-trust-fund", "--as-of", "2000"]).fails(2);
    assert!(err.contains("not active as of 2000"), "{err}");
    let err = on_sample(&["export", "--around", "canada", "--kinds", "fund"]).fails(2);
    assert!(err.contains("kinds filter"), "{err}");
    let err = on_sample(&["export", "-o", "/nonexistent/dir/out.dot"]).fails(1);
    assert!(
        err.contains("cannot write /nonexistent/dir/out.dot"),
        "{err}"
    );
    let err = on_sample(&["export", "--depth", "2"]).fails(2);
    assert!(err.contains("--around"), "{err}");
}

#[test]
fn folder_formats_need_a_folder() {
    for format in ["neo4j", "csv"] {
        let err = on_sample(&["export", "--format", format]).fails(2);
        assert_eq!(
            err,
            format!(
                "partnership: error: --format {format} writes several files: give the folder to write them into with -o DIR"
            )
        );
    }
    let file = temp_file("a-file.txt", "x");
    let err = on_sample(&["export", "--format", "csv", "-o", file.to_str().unwrap()]).fails(2);
    assert!(
        err.ends_with("a-file.txt exists and is not a folder"),
        "{err}"
    );
    let err = on_sample(&[
        "export",
        "--format",
        "neo4j",
        "-o",
        "/proc/no-such-folder/x",
    ])
    .fails(1);
    assert!(
        err.contains("cannot create folder /proc/no-such-folder/x"),
        "{err}"
    );
}

#[test]
fn no_arguments_prints_help_and_fails() {
    let run = partnership::<&str>(&[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("Usage: partnership"));
}

#[test]
fn no_connection_is_a_failure_not_a_usage_error() {
    let err = on_sample(&["path", "kfor", "madrid", "--as-of", "2010"]).fails(1);
    assert!(
        err.contains("no connection from Kosovo Force to Madrid"),
        "{err}"
    );
}

#[test]
fn odd_arguments_never_panic() {
    let long = "x".repeat(10_000);
    let cases: Vec<Vec<&str>> = vec![
        vec!["search", ""],
        vec!["search", "---"],
        vec!["show", ""],
        vec!["show", &long],
        vec!["path", "ukraine", "ukraine"],
        vec!["path", "ukraine", "nato", "--all", "--max-len", "0"],
        vec!["centrality", "--as-of", "0001"],
        vec!["centrality", "--top", "18446744073709551615"],
        vec!["timeline", "--involving", "Київ"],
        vec!["export", "--around", "nuc", "--depth", "1000"],
    ];
    for args in cases {
        let run = on_sample(&args);
        assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
        assert!([0, 1, 2].contains(&run.code), "{args:?}: {run:#?}");
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // Enough output to fill any pipe buffer: a graph of many similar nodes.
    let nodes: Vec<String> = (0..4000)
        .map(|i| {
            format!(
                r#"{{"id": "n{i}", "kind": "state", "name": "Node number {i}", "sources": [{{"document": "d", "section": "s"}}]}}"#
            )
        })
        .collect();
    let path = temp_file(
        "big.json",
        &format!(r#"{{"nodes": [{}], "edges": []}}"#, nodes.join(",")),
    );
    let mut child = command()
        .args(["--data", path.to_str().unwrap(), "search", "node"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn every_bad_fixture_fails_cleanly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/bad");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let path = file.to_str().unwrap();
        partnership(&["--data", path, "stats"]).fails(2);
        let run = partnership(&["validate", path]);
        assert_eq!(run.code, 2, "{path}: {run:#?}");
        assert!(!run.stdout.is_empty(), "{path}");
        assert!(
            run.stdout
                .lines()
                .all(|l| l.starts_with(&format!("{path}: ")))
        );
    }
}

#[test]
fn damaged_files_never_panic() {
    let text = std::fs::read_to_string(common::sample()).unwrap();
    let step = text.len() / 23;
    for cut in (1..23).map(|i| i * step) {
        let cut = (cut..text.len())
            .find(|&c| text.is_char_boundary(c))
            .unwrap();
        // A truncated file, and one with a character doubled at the cut.
        let truncated = temp_file("cut.json", &text[..cut]);
        let (head, tail) = text.split_at(cut);
        let first = tail.chars().next().unwrap_or(' ');
        let doubled = temp_file("doubled.json", &format!("{head}{first}{tail}"));
        for path in [truncated, doubled] {
            let run = partnership(&["--data", path.to_str().unwrap(), "who-leads", "c4"]);
            assert!(
                !run.stderr.contains("panicked"),
                "cut {cut}: {}",
                run.stderr
            );
            assert!([0, 2].contains(&run.code), "cut {cut}: {run:#?}");
        }
    }
}
