//! The command's generated files read by their real consumers: completion
//! scripts by bash, zsh and fish, the manual page by groff, CSV by Python's
//! `csv` module.
//!
//! A consumer that is not installed fails the test when `CI=true` (`.ci/run`
//! installs them all); elsewhere the test says it skipped and passes.
//! PowerShell is not checked: `pwsh` is not packaged by Debian, so the
//! PowerShell script is only checked for its registration line (in
//! `analyst.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::{partnership, temp_file};

/// Whether `tool` runs; fails under CI when it does not.
fn have(tool: &str) -> bool {
    let found = Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{tool} is not installed, and CI=true"
        );
        eprintln!("skipped: {tool} is not installed");
    }
    found
}

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {stderr}\n{stdout}"
    );
    stdout + &stderr
}

/// The completion script for `shell`, in a file.
fn script(shell: &str, name: &str) -> std::path::PathBuf {
    temp_file(name, &partnership(&["completions", shell]).ok())
}

#[test]
fn bash_completes_subcommands_and_options() {
    if !have("bash") {
        return;
    }
    let file = script("bash", "partnership.bash");
    let complete = |line: &str| {
        let code = format!(
            "source {}; COMP_LINE='{line}'; read -ra COMP_WORDS <<< \"$COMP_LINE\"; \
             [[ $COMP_LINE == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$((${{#COMP_WORDS[@]}}-1)); \
             COMP_POINT=${{#COMP_LINE}}; _partnership partnership \"${{COMP_WORDS[-1]}}\" \"${{COMP_WORDS[-2]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            file.display()
        );
        run("bash", &["--norc", "--noprofile", "-c", &code])
    };
    let words = complete("partnership li");
    assert!(words.lines().any(|w| w == "links"), "{words}");
    assert!(words.lines().any(|w| w == "list"), "{words}");
    let words = complete("partnership path --avo");
    assert!(words.lines().any(|w| w == "--avoid"), "{words}");
    assert!(words.lines().any(|w| w == "--avoid-hubs"), "{words}");
    let words = complete("partnership completions ");
    assert!(words.lines().any(|w| w == "fish"), "{words}");
}

#[test]
fn zsh_registers_the_completion_function() {
    if !have("zsh") {
        return;
    }
    let file = script("zsh", "_partnership");
    let dir = file.parent().unwrap().display().to_string();
    let code = format!(
        "fpath=({dir} $fpath); autoload -U compinit; compinit -u -d {dir}/zcompdump; \
         print -r -- $_comps[partnership]; autoload -Uz +X _partnership && print loaded"
    );
    let out = run("zsh", &["-f", "-c", &code]);
    assert!(out.contains("_partnership\nloaded"), "{out}");
}

#[test]
fn fish_completes_subcommands_and_options() {
    if !have("fish") {
        return;
    }
    let file = script("fish", "partnership.fish");
    let complete = |line: &str| {
        run(
            "fish",
            &[
                "--no-config",
                "-c",
                &format!("source {}; complete -C '{line}'", file.display()),
            ],
        )
    };
    let out = complete("partnership li");
    assert!(out.lines().any(|l| l.starts_with("links\t")), "{out}");
    assert!(out.lines().any(|l| l.starts_with("list\t")), "{out}");
    let out = complete("partnership links --to-");
    assert!(out.lines().any(|l| l.starts_with("--to-kind")), "{out}");
}

#[test]
fn groff_renders_the_man_page_without_warnings() {
    if !have("groff") {
        return;
    }
    let page = temp_file("partnership.1", &partnership(&["man"]).ok());
    let dir = page.parent().unwrap().join("pages");
    std::fs::create_dir_all(&dir).unwrap();
    partnership(&["man", "--dir", dir.to_str().unwrap()]).ok();
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    // partnership.1 and one page per subcommand, none for `help`.
    assert_eq!(pages.len(), 16, "{pages:?}");
    pages.push(page);
    for page in &pages {
        let page = page.to_str().unwrap();
        // -ww: every warning; -z: check without output.
        let out = Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z", page])
            .output()
            .unwrap();
        assert!(out.status.success());
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            "",
            "groff warnings on {page}"
        );
    }
    // -P -cbou: plain text, no overstriking.
    let top = pages.last().unwrap().to_str().unwrap();
    let text = run("groff", &["-man", "-Tutf8", "-P", "-cbou", top]);
    for word in ["NAME", "SYNOPSIS", "partnership-links(1)", "--data"] {
        assert!(text.contains(word), "{word} missing:\n{text}");
    }
    let links = dir.join("partnership-links.1");
    let text = run(
        "groff",
        &["-man", "-Tutf8", "-P", "-cbou", links.to_str().unwrap()],
    );
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("partnership-links - Links filtered by relation"),
        "{text}"
    );
    assert!(text.contains("--to-kind"), "{text}");
}

#[test]
fn python_reads_the_csv() {
    if !have("python3") {
        return;
    }
    // The links of the dataset: as many CSV records as JSON objects, every
    // record as wide as the header, names with commas whole.
    let json: serde_json::Value =
        serde_json::from_str(&partnership(&["links", "--format", "json"]).ok()).unwrap();
    let csv = temp_file(
        "links.csv",
        &partnership(&["links", "--format", "csv"]).ok(),
    );
    let code = "import csv, sys\n\
                rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\n\
                assert all(None not in r for r in rows)\n\
                print(len(rows))\n\
                print(sum(r['OBJECT'].startswith('Trust Fund on Command, Control') for r in rows))\n";
    let out = run("python3", &["-c", code, csv.to_str().unwrap()]);
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap().parse::<usize>().unwrap(),
        json.as_array().unwrap().len()
    );
    assert!(lines.next().unwrap().parse::<usize>().unwrap() > 0);
    let _ = Path::new(".");
}
