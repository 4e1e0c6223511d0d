//! Hostile input, end to end: regression tests for the faults of issue 11
//! that live in the command (the loader's are in the core crate's tests).
//!
//! Each test names the fault it covers (#N in the issue) and failed before
//! the fix.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{command, on_sample, partnership, temp_file};

/// A data file whose ids, names, aliases, sources and graph name hold ESC,
/// BEL, CR, LF, TAB, a C1 control and a right-to-left override; with `bad`,
/// a link to a missing node whose id holds control characters too.
fn hostile_file(bad: bool) -> String {
    let cite = serde_json::json!([{"document": "doc\u{1b}[2J", "section": "S\u{1b}[1m\n2"}]);
    let mut edges = vec![serde_json::json!({
        "source": "alpha\u{1b}[31m", "target": "beta", "relation": "leads", "sources": cite
    })];
    if bad {
        edges.push(serde_json::json!({
            "source": "alpha\u{1b}[31m", "target": "nowhere\u{7}\r\n", "relation": "leads", "sources": cite
        }));
    }
    let data = serde_json::json!({
        "directed": true,
        "multigraph": true,
        "graph": {
            "name": "Evil\u{1b}]0;title\u{7} graph",
            "sources": [{"id": "doc\u{1b}[2J", "title": "T\rX\u{9b}"}]
        },
        "nodes": [
            {"id": "alpha\u{1b}[31m", "kind": "state", "name": "Alpha\u{7}\nFAKE LINE\t\u{202e}",
             "aliases": ["al\ria"], "description": "d\u{1b}[0m", "since": "2001",
             "attributes": {"role\u{1b}": "x\u{1b}y"}, "sources": cite},
            {"id": "beta", "kind": "fund", "name": "Beta\u{1b}[1m", "sources": cite}
        ],
        "edges": edges
    });
    data.to_string()
}

/// Asserts that `text` holds no control character but line breaks, and no
/// bidirectional override.
fn assert_clean(what: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
        .collect();
    assert!(bad.is_empty(), "{what}: raw {bad:?} in {text:?}");
}

/// #5: every text output escapes control characters from the data and
/// from arguments: validate's link locations, show, search, stats,
/// who-leads, led-by, timeline, path, centrality, list, links (text and
/// CSV), changes, and the "did you mean" suggestions.
#[test]
fn control_characters_never_reach_the_terminal() {
    let good = temp_file("evil.json", &hostile_file(false));
    let bad = temp_file("evil-bad.json", &hostile_file(true));
    let (good, bad) = (good.to_str().unwrap(), bad.to_str().unwrap());

    let run = partnership(&["validate", bad]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert_clean("validate stdout", &run.stdout);
    assert_clean("validate stderr", &run.stderr);
    // One problem, one line: the LF in the id does not forge a second line.
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains(r"nowhere\u{7}\r\n"), "{}", run.stdout);

    for args in [
        vec!["show", "beta"],
        vec!["show", "al\ria"],
        vec!["search", "alpha"],
        vec!["stats"],
        vec!["who-leads", "beta"],
        vec!["led-by", "al\ria"],
        vec!["timeline"],
        vec!["path", "al\ria", "beta"],
        vec!["path", "al\ria", "beta", "--all", "--limit", "0"],
        vec!["centrality"],
        vec!["list"],
        vec!["links"],
        vec!["links", "--format", "csv"],
        vec!["changes", "--from", "2000", "--to", "2005"],
    ] {
        let mut all = vec!["--data", good];
        all.extend(&args);
        let run = partnership(&all);
        assert_eq!(run.code, 0, "{args:?}: {run:#?}");
        assert_clean(&format!("{args:?} stdout"), &run.stdout);
        assert!(run.stderr.is_empty(), "{args:?}: {}", run.stderr);
    }
    let show = partnership(&["--data", good, "show", "beta"]).stdout;
    assert!(show.contains(r"Alpha\u{7}\nFAKE LINE\t\u{202e}"), "{show}");

    // Errors: a did-you-mean suggestion, and the argument itself.
    for name in ["Alphq\u{1b}[31m", "Beta\u{1b}[1x"] {
        let run = partnership(&["--data", good, "show", name]);
        assert_eq!(run.code, 2, "{run:#?}");
        assert_clean("error line", &run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(run.stderr.contains("did you mean"), "{}", run.stderr);
    }
    // A search that finds nothing, with suggestions.
    let run = partnership(&["--data", good, "search", "alphq\u{1b}"]);
    assert_eq!(run.code, 1, "{run:#?}");
    assert_clean("search error", &run.stderr);
    // A usage error echoing a hostile argument.
    let run = partnership(&["--data", good, "centrality", "--measure", "x\u{1b}[2J"]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert_clean("usage error", &run.stderr);
}

/// #7: `validate bad.json | head -1` keeps the failure status when the
/// reader closes the pipe early.
#[test]
fn validation_failure_survives_a_closed_stdout() {
    // 20,000 links to missing nodes: far more output than a pipe buffers.
    let edges: Vec<String> = (0..20_000)
        .map(|i| {
            format!(
                r#"{{"source": "a", "target": "missing-{i}", "relation": "leads", "sources": [{{"document": "d", "section": "s"}}]}}"#
            )
        })
        .collect();
    let file = temp_file(
        "many-problems.json",
        &format!(
            r#"{{"nodes": [{{"id": "a", "kind": "state", "name": "A", "sources": [{{"document": "d", "section": "s"}}]}}], "edges": [{}]}}"#,
            edges.join(",")
        ),
    );
    let mut child = command()
        .args(["validate", file.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is gone (as `head -1` exits).
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(first.contains("is not a node id"), "{first}");
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// #7: an error printed to a closed standard error never panics (exit 101);
/// the exit code still tells.
#[test]
fn a_closed_stderr_never_panics() {
    for args in [
        vec!["who-leads", "no such entity at all"],
        vec!["--no-such-option"],
        vec!["validate", "/no/such/file.json"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let status = command()
            .args(&args)
            .stdout(Stdio::null())
            .stderr(writer)
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(2), "{args:?}");
    }
    // And a path query's notice about --limit.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let sample = common::sample();
    let status = command()
        .args(["--data", sample.to_str().unwrap()])
        .args(["path", "canada", "ukraine", "--all", "--limit", "1"])
        .stdout(Stdio::null())
        .stderr(writer)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
}

/// Two complete graphs of 15 nodes each (105 links apiece), no link
/// between them: `k0..k14` and `m0..m14`.
fn dense_pair_of_cliques() -> std::path::PathBuf {
    let cite = r#"[{"document": "d", "section": "s"}]"#;
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for side in ["k", "m"] {
        for i in 0..15 {
            nodes.push(format!(
                r#"{{"id": "{side}{i}", "kind": "state", "name": "{side}{i}", "sources": {cite}}}"#
            ));
            for j in i + 1..15 {
                edges.push(format!(
                    r#"{{"source": "{side}{i}", "target": "{side}{j}", "relation": "supports", "sources": {cite}}}"#
                ));
            }
        }
    }
    temp_file(
        "cliques.json",
        &format!(
            r#"{{"nodes": [{}], "edges": [{}]}}"#,
            nodes.join(","),
            edges.join(",")
        ),
    )
}

/// #2: on a dense 30-node graph, an unconnected pair answers at once
/// whatever --max-len is, with or without a limit.
#[test]
fn path_all_on_an_unconnected_pair_answers_at_once() {
    let file = dense_pair_of_cliques();
    for limit in ["0", "100"] {
        let started = Instant::now();
        let run = partnership(&[
            "--data",
            file.to_str().unwrap(),
            "path",
            "k0",
            "m0",
            "--all",
            "--max-len",
            "50",
            "--limit",
            limit,
        ]);
        let line = run.fails(1);
        assert!(line.contains("no connection from k0 to m0"), "{line}");
        // Generous on a loaded machine; before the fix it never finished.
        assert!(started.elapsed() < Duration::from_secs(20));
    }
}

/// #2: `--all --limit 0` on a connected dense pair prints paths as it
/// finds them, in bounded memory (13! paths exist between k0 and k1), and
/// stops when its reader goes away.
#[test]
fn path_all_without_limit_streams_in_bounded_memory() {
    let file = dense_pair_of_cliques();
    let mut child = command()
        .args(["--data", file.to_str().unwrap()])
        .args([
            "path",
            "k0",
            "k1",
            "--all",
            "--max-len",
            "50",
            "--limit",
            "0",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdout = child.stdout.take().unwrap();
    let read = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (read, stop) = (Arc::clone(&read), Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 1 << 16];
            while !stop.load(Ordering::Relaxed) {
                match stdout.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => read.fetch_add(n, Ordering::Relaxed),
                };
            }
            // Dropping `stdout` here closes the pipe.
        })
    };
    // Watch for two seconds; kill at once if memory runs away (collecting
    // the paths grew by hundreds of MB a second).
    let peak_kb = || -> u64 {
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    let mut peak = 0;
    for _ in 0..20 {
        std::thread::sleep(Duration::from_millis(100));
        peak = peak.max(peak_kb());
        if peak > 100_000 {
            break;
        }
    }
    let bytes = read.load(Ordering::Relaxed);
    if peak > 100_000 || bytes < 100_000 {
        child.kill().unwrap();
        let _ = child.wait();
        panic!("peak resident memory {peak} kB, {bytes} bytes printed in two seconds");
    }
    stop.store(true, Ordering::Relaxed);
    reader.join().unwrap();
    let out = child.wait_with_output().unwrap();
    // A closed output stops the search and is not an error.
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// #2: the streamed answer is the same list as the collected one, in JSON
/// and in text.
#[test]
fn streamed_paths_match_the_collected_ones() {
    let args = |limit: &'static str| {
        vec![
            "path",
            "canada",
            "ukraine",
            "--all",
            "--max-len",
            "3",
            "--limit",
            limit,
        ]
    };
    let json = |limit| {
        let mut a = args(limit);
        a.extend(["--format", "json"]);
        on_sample(&a).json()
    };
    let (streamed, collected) = (json("0"), json("100000"));
    assert_eq!(streamed["from"], collected["from"]);
    assert_eq!(streamed["to"], collected["to"]);
    let lengths = |v: &serde_json::Value| -> Vec<u64> {
        v["paths"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["length"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(lengths(&streamed), lengths(&collected));
    let set = |v: &serde_json::Value| {
        let mut paths: Vec<String> = v["paths"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.to_string())
            .collect();
        paths.sort();
        paths
    };
    assert_eq!(set(&streamed), set(&collected));
    let text = on_sample(&args("0")).ok();
    let n = lengths(&collected).len();
    assert!(text.ends_with(&format!("\n{n} connections\n")), "{text}");
    assert_eq!(text.matches(" to Ukraine in ").count(), n);
}

/// #14: `path A A` and `path A A --all` agree: one path of no links, exit 0.
#[test]
fn a_node_is_connected_to_itself_in_both_modes() {
    for extra in [&[][..], &["--all"][..], &["--all", "--limit", "0"][..]] {
        let mut args = vec!["path", "canada", "Canada"];
        args.extend(extra);
        let text = on_sample(&args).ok();
        assert!(
            text.contains("Canada to Canada in 0 links:"),
            "{extra:?}: {text}"
        );
        args.extend(["--format", "json"]);
        let v = on_sample(&args).json();
        let paths = v["paths"].as_array().unwrap();
        assert_eq!(paths.len(), 1, "{extra:?}: {v}");
        assert_eq!(paths[0]["length"], 0);
    }
}
