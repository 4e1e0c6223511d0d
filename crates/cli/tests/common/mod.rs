//! Running the `partnership` binary and making data files for it.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// What one run of the binary gave.
#[derive(Debug)]
pub(crate) struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts success and returns standard output.
    pub(crate) fn ok(self) -> String {
        assert_eq!(self.code, 0, "expected success, got {self:#?}");
        assert!(self.stderr.is_empty(), "unexpected stderr: {}", self.stderr);
        self.stdout
    }

    /// Asserts failure with `code` and a single `partnership: error:` line on
    /// standard error; returns that line.
    pub(crate) fn fails(self, code: i32) -> String {
        assert_eq!(self.code, code, "wrong exit code: {self:#?}");
        let lines: Vec<_> = self.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "expected one stderr line: {self:#?}");
        assert!(
            lines[0].starts_with("partnership: error: "),
            "stderr: {}",
            self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        lines[0].to_owned()
    }

    /// Parses standard output of a successful run as JSON.
    pub(crate) fn json(self) -> serde_json::Value {
        let out = self.ok();
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
    }
}

/// The binary, with a fixed terminal width so help text is stable.
pub(crate) fn command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_partnership"));
    cmd.env("COLUMNS", "100")
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .stdin(Stdio::null());
    cmd
}

/// Runs the binary with `args`.
pub(crate) fn partnership<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    let out = command().args(args).output().expect("binary runs");
    Run {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

/// Runs the binary on the sample fixture: `--data SAMPLE args...`.
pub(crate) fn on_sample(args: &[&str]) -> Run {
    let sample = sample();
    let mut all = vec!["--data", sample.to_str().unwrap()];
    all.extend_from_slice(args);
    partnership(&all)
}

/// The core crate's sample fixture.
pub(crate) fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/sample.json")
}

/// The sample fixture, parsed, to count from rather than hard-code.
pub(crate) fn sample_json() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(sample()).unwrap()).unwrap()
}

/// Writes `contents` to a fresh file in this test run's temporary folder.
pub(crate) fn temp_file(name: &str, contents: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "partnership-cli-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// A small user data file, unrelated to the shipped data: a fund led by two
/// states and executed by an agency, a project under it, and a meeting.
pub(crate) const USER_FILE: &str = r#"{
  "directed": true,
  "multigraph": true,
  "graph": {
    "name": "My partnership",
    "sources": [{"id": "notes", "title": "My notes"}]
  },
  "nodes": [
    {"id": "alpha", "kind": "state", "name": "Alphaland", "sources": [{"document": "notes", "section": "Funds"}]},
    {"id": "beta", "kind": "state", "name": "Betastan", "sources": [{"document": "notes", "section": "Funds"}]},
    {"id": "agency", "kind": "body", "name": "Logistics Agency", "aliases": ["LA"], "sources": [{"document": "notes", "section": "Funds"}]},
    {"id": "demining-fund", "kind": "fund", "name": "Demining Trust Fund", "aliases": ["DTF"], "since": "2015-03",
     "description": "Pays for clearing mines.", "sources": [{"document": "notes", "section": "Funds"}]},
    {"id": "field-kit", "kind": "project", "name": "Field Kit Project", "since": "2016", "sources": [{"document": "notes", "section": "Projects"}]},
    {"id": "kickoff", "kind": "event", "name": "Kick-off meeting", "date": "2015-03-02", "sources": [{"document": "notes", "section": "Events"}]}
  ],
  "edges": [
    {"source": "alpha", "target": "demining-fund", "relation": "leads", "since": "2015-03", "sources": [{"document": "notes", "section": "Funds"}]},
    {"source": "beta", "target": "demining-fund", "relation": "leads", "since": "2016", "sources": [{"document": "notes", "section": "Funds"}]},
    {"source": "agency", "target": "demining-fund", "relation": "executes", "sources": [{"document": "notes", "section": "Funds"}]},
    {"source": "field-kit", "target": "demining-fund", "relation": "part_of", "sources": [{"document": "notes", "section": "Projects"}]},
    {"source": "beta", "target": "field-kit", "relation": "leads", "sources": [{"document": "notes", "section": "Projects"}]},
    {"source": "alpha", "target": "kickoff", "relation": "attends", "sources": [{"document": "notes", "section": "Events"}]},
    {"source": "beta", "target": "kickoff", "relation": "attends", "sources": [{"document": "notes", "section": "Events"}]}
  ]
}
"#;

/// Runs the binary on [`USER_FILE`] with `--data` after the subcommand.
pub(crate) fn on_user_file(args: &[&str]) -> Run {
    let path = temp_file("mine.json", USER_FILE);
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--data", path.to_str().unwrap()]);
    partnership(&all)
}
