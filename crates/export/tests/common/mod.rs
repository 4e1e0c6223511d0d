//! Helpers shared by the integration tests: the sample graph, snapshots, and
//! Graphviz.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub(crate) mod graphs;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use partnership_core::Graph;
use partnership_export::{ExportOptions, Format, Selection, export};

/// The core crate's sample fixture: every kind and relation at least once.
pub(crate) fn sample() -> Graph {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/sample.json");
    Graph::from_json_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `selection` in `format`, as text.
pub(crate) fn render(selection: &Selection<'_>, format: Format, options: &ExportOptions) -> String {
    let mut out = Vec::new();
    export(&mut out, selection, format, options).unwrap();
    String::from_utf8(out).unwrap()
}

/// Checks `actual` against the snapshot `tests/snapshots/<name>.snap`.
///
/// A snapshot is a regression record, not an oracle: it says the output has
/// not changed since someone last reviewed it, not that it is right (the
/// consumer checks, Graphviz, NetworkX and the Mermaid parser, say that).
/// The comparison is `insta`'s: on a difference the test fails and, outside
/// CI, insta writes `<name>.snap.new` next to it; review and accept with
/// `cargo insta review`, or rerun with `INSTA_UPDATE=always`. Under `CI=true`
/// (and `INSTA_UPDATE=no`, which `.ci/run` sets) nothing is written.
///
/// insta ignores leading and trailing blank lines, so the ending is checked
/// here: every format ends with exactly one newline.
pub(crate) fn assert_snapshot(name: &str, actual: &str) {
    assert!(
        actual.ends_with('\n') && !actual.ends_with("\n\n"),
        "{name} should end with exactly one newline"
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, actual));
}

/// What to do without Graphviz, and the message to say it with.
#[derive(Debug)]
pub(crate) enum Missing {
    /// Skip the rendering checks, with a notice.
    Skip(String),
    /// Fail: under `CI=true` Graphviz is installed, and a test must not pass
    /// by skipping.
    Fail(String),
}

/// The Graphviz `dot` program, when installed; otherwise prints a notice
/// (once per test binary) and gives `None`, or fails under `CI=true`. `DOT`
/// names another program to use in place of `dot`.
pub(crate) fn graphviz() -> Option<PathBuf> {
    static FOUND: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    FOUND
        .get_or_init(|| {
            match graphviz_at(&std::env::var_os("DOT").unwrap_or_else(|| "dot".into())) {
                Ok(dot) => Some(dot),
                Err(Missing::Skip(message)) => {
                    notice(&message);
                    None
                }
                Err(Missing::Fail(message)) => panic!("{message}"),
            }
        })
        .clone()
}

/// Whether the program `dot` runs, and if not, what to do about it.
pub(crate) fn graphviz_at(dot: &std::ffi::OsStr) -> Result<PathBuf, Missing> {
    if Command::new(dot)
        .arg("-V")
        .output()
        .is_ok_and(|out| out.status.success())
    {
        return Ok(PathBuf::from(dot));
    }
    let dot = dot.to_string_lossy();
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        Err(Missing::Fail(format!(
            "Graphviz `{dot}` is not installed, and CI=true requires it: \
             run `apt-get update && apt-get install -y graphviz`"
        )))
    } else {
        Err(Missing::Skip(format!(
            "Graphviz `{dot}` is not installed; skipping the rendering checks \
             (install it with `apt-get install -y graphviz`; under CI=true this fails)"
        )))
    }
}

/// Renders DOT text with `dot -Tsvg`; the SVG, or why Graphviz complained
/// (a failure exit or anything at all on standard error).
pub(crate) fn dot_to_svg(dot: &Path, text: &str) -> Result<String, String> {
    let mut child = Command::new(dot)
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run dot: {e}"))?;
    let mut stdin = child.stdin.take().unwrap();
    let input = text.as_bytes().to_vec();
    // Write from another thread so a large SVG cannot fill the pipe and
    // deadlock both processes.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    writer
        .join()
        .unwrap()
        .map_err(|e| format!("cannot write to dot: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() || !stderr.trim().is_empty() {
        return Err(format!("dot exited with {}; stderr:\n{stderr}", out.status));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("dot wrote invalid UTF-8: {e}"))
}

/// Parses Graphviz's SVG, which starts with a DOCTYPE.
pub(crate) fn parse_svg(svg: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(svg, options)
}

/// Prints a notice that shows even when the test passes: the test harness
/// captures `eprintln!`, not writes to the stderr handle.
pub(crate) fn notice(text: &str) {
    let _ = writeln!(std::io::stderr(), "NOTICE: {text}");
}
