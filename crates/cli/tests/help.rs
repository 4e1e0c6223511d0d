//! Snapshots of the help people read. Run with `UPDATE_SNAPSHOTS=1` to
//! rewrite them after a deliberate change.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::partnership;

fn check(name: &str, args: &[&str]) {
    let out = partnership(args).ok();
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&file, &out).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_SNAPSHOTS=1", file.display()));
    assert_eq!(
        out, expected,
        "{name} changed; run with UPDATE_SNAPSHOTS=1 if intended"
    );
}

#[test]
fn top_level_help() {
    check("help.txt", &["--help"]);
}

#[test]
fn subcommand_help() {
    check("who-leads-help.txt", &["who-leads", "--help"]);
    check("path-help.txt", &["path", "--help"]);
    check("centrality-help.txt", &["centrality", "--help"]);
    check("export-help.txt", &["export", "--help"]);
    check("changes-help.txt", &["changes", "--help"]);
    check("timeline-help.txt", &["timeline", "--help"]);
}

#[test]
fn version() {
    let out = partnership(&["--version"]).ok();
    assert_eq!(out, format!("partnership {}\n", env!("CARGO_PKG_VERSION")));
}
