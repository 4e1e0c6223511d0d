//! Snapshots of the help people read, kept with `insta` in
//! `tests/snapshots/<name>.snap`.
//!
//! They are regression records, not oracles: they show the help has not
//! changed since it was last reviewed, not that it is right. After a
//! deliberate change, review and accept with `cargo insta review` (or rerun
//! with `INSTA_UPDATE=always`) and commit the `.snap` files. Under `CI=true`
//! (and `INSTA_UPDATE=no`, which `.ci/run` sets) a difference fails and
//! nothing is written.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::partnership;

/// Runs `partnership ARGS` and checks its output against the snapshot
/// `name`. insta ignores leading and trailing blank lines, so the ending
/// is checked here: help ends with exactly one newline.
fn check(name: &str, args: &[&str]) {
    let out = partnership(args).ok();
    assert!(
        out.ends_with('\n') && !out.ends_with("\n\n"),
        "{name} should end with exactly one newline"
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_description(format!("partnership {}", args.join(" ")));
    settings.bind(|| insta::assert_snapshot!(name, out));
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
    check("links-help.txt", &["links", "--help"]);
    check("list-help.txt", &["list", "--help"]);
    check("show-help.txt", &["show", "--help"]);
    check("timeline-help.txt", &["timeline", "--help"]);
    check("validate-help.txt", &["validate", "--help"]);
    check("completions-help.txt", &["completions", "--help"]);
}

#[test]
fn version() {
    let out = partnership(&["--version"]).ok();
    assert_eq!(out, format!("partnership {}\n", env!("CARGO_PKG_VERSION")));
}
