//! The analyst's commands and conventions, end to end: `links`, `list`,
//! `show --relation`, `timeline --relation/--kind`, `path --avoid`, CSV on
//! every table command, `-` for standard input and output, tables fitted to
//! a terminal, nothing found exiting 1, conflicting options, completions,
//! the manual page and the export options.
//!
//! Expected rows on the sample fixture are counted by hand from
//! `crates/core/tests/fixtures/sample.json` (its 26 nodes and 40 links are
//! short enough to read); on the user file from `common::USER_FILE`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::Write;
use std::process::Stdio;

use common::{Run, USER_FILE, command, on_sample, on_user_file, partnership, sample, temp_file};
use serde_json::Value;

fn column<'v>(list: &'v Value, path: &[&str]) -> Vec<&'v str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| path.iter().fold(v, |v, k| &v[*k]).as_str().unwrap())
        .collect()
}

/// Runs the binary with `stdin` as standard input.
fn with_stdin(args: &[&str], stdin: &str) -> Run {
    let mut child = command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// Parses CSV output into rows, checking every row has the header's width.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert!(rows.iter().all(|r| r.len() == rows[0].len()), "{text}");
    rows
}

// ---- links ----

#[test]
fn links_what_ukraine_signed() {
    // Sample: one `signs` link from Ukraine, to the 1997 Charter, dated.
    let out = on_sample(&["links", "--from", "Ukraine", "--relation", "signs"]).ok();
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "LINK                                                                          DATES             SOURCE",
            "Ukraine signed Charter on a Distinctive Partnership between NATO and Ukraine  since 1997-07-09  Milestones in relations",
        ]
    );
    // Dataset: the Charter, the airlift agreement and the ISAF transit
    // agreement, each with its date.
    let v = partnership(&[
        "links",
        "--from",
        "Ukraine",
        "--relation",
        "signs",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(
        column(&v, &["object", "id"]),
        [
            "charter-1997",
            "strategic-airlift-agreement",
            "isaf-land-transit-agreement",
            "declaration-2009"
        ]
    );
    assert!(v.as_array().unwrap().iter().all(|l| l["since"].is_string()));
}

#[test]
fn links_which_allies_lead_trust_funds() {
    // Sample: Canada and Germany lead the C4 fund, Romania the cyber fund;
    // Ukraine leads a project, not a fund.
    let v = on_sample(&[
        "links",
        "--relation",
        "leads",
        "--to-kind",
        "fund",
        "--from-kind",
        "state",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(
        column(&v, &["subject", "id"]),
        ["canada", "germany", "romania"]
    );
    assert_eq!(
        v[0]["sentence"],
        "Canada leads Trust Fund on Command, Control, Communications and Computers (C4)"
    );
    // Dataset: eleven lead nations of seven funds (README's who_leads_what).
    let out = partnership(&[
        "links",
        "--relation",
        "leads",
        "--to-kind",
        "fund",
        "--from-kind",
        "state",
    ])
    .ok();
    assert_eq!(out.lines().count(), 1 + 11);
    assert!(out.contains("Romania leads Trust Fund on Cyber Defence"));
}

#[test]
fn links_who_chairs_the_nuc() {
    let out = on_sample(&["links", "--relation", "chairs", "--to", "NUC"]).ok();
    assert!(
        out.contains("Jens Stoltenberg chairs NATO-Ukraine Commission"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 2);
    // The dataset records no chair of the NUC: said on stderr, exit 1.
    let err = partnership(&["links", "--relation", "chairs", "--to", "NUC"]).fails(1);
    assert_eq!(
        err,
        "partnership: error: no link matches: relation chairs, to NATO-Ukraine Commission"
    );
}

#[test]
fn links_by_date_as_of_or_between() {
    // Sample: seeks_membership holds 2002 to 2010.
    let q = |extra: &[&str]| {
        let mut args = vec![
            "links",
            "--relation",
            "seeks_membership",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        on_sample(&args)
    };
    assert_eq!(q(&["--as-of", "2005"]).json().as_array().unwrap().len(), 1);
    assert_eq!(
        q(&["--between", "2010-12", "2011"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let none = q(&["--as-of", "2011"]);
    assert_eq!(none.stdout, "[]\n");
    let err = none.fails(1);
    assert!(
        err.ends_with("relation seeks_membership as of 2011"),
        "{err}"
    );
    let err = q(&["--between", "2012", "2011"]).fails(2);
    assert!(
        err.contains("--between: the range starts at 2012, after it ends at 2011"),
        "{err}"
    );
    let err = q(&["--as-of", "2005", "--between", "2001", "2003"]).fails(2);
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn links_on_a_user_file_in_csv() {
    // USER_FILE: Betastan leads the fund (since 2016) and the project.
    let out = on_user_file(&[
        "links",
        "--from",
        "Betastan",
        "--relation",
        "leads",
        "--format",
        "csv",
    ])
    .ok();
    let rows = csv_rows(&out);
    assert_eq!(rows[0][..3], ["SUBJECT_ID", "SUBJECT", "RELATION"]);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][3], "demining-fund");
    assert_eq!(rows[1][5], "2016");
    assert_eq!(rows[1][9], "notes: Funds");
    assert_eq!(rows[2][3], "field-kit");
    let err = on_user_file(&["links", "--from", "Gammaland"]).fails(2);
    assert!(err.contains("no entity matches \"Gammaland\""), "{err}");
}

// ---- list ----

#[test]
fn list_funds_by_name_and_by_date() {
    // Sample: two funds, both since 2014-09; links counted by hand:
    // C4 has leads x2, executes, requests, funds, addresses, part_of = 7.
    let v = on_sample(&["list", "--kind", "fund", "--format", "json"]).json();
    // "...on Command..." sorts before "...on Cyber...".
    assert_eq!(
        column(&v, &["id"]),
        ["c4-trust-fund", "cyber-defence-trust-fund"]
    );
    let c4 = v
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "c4-trust-fund")
        .unwrap();
    assert_eq!(
        (c4["links_out"].as_u64(), c4["links_in"].as_u64()),
        (Some(1), Some(6))
    );
    // USER_FILE by date: kick-off 2015-03-02 and the fund 2015-03 start in
    // the same month (the month first, as a wider date), then the project.
    let out = on_user_file(&["list", "--kind", "fund,project,event", "--sort", "date"]).ok();
    let ids: Vec<_> = out
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().last().unwrap())
        .collect();
    assert_eq!(ids, ["demining-fund", "kickoff", "field-kit"]);
    let text = on_user_file(&["list", "--kind", "state"]).ok();
    assert_eq!(
        text,
        "NAME       KIND   DATES  LINKS  ID\nAlphaland  state  -      2      alpha\nBetastan   state  -      3      beta\n"
    );
}

#[test]
fn list_on_the_dataset_and_nothing_found() {
    let out = partnership(&["list", "--kind", "fund", "--format", "csv"]).ok();
    let rows = csv_rows(&out);
    assert_eq!(
        rows[0],
        [
            "ID",
            "NAME",
            "KIND",
            "SINCE",
            "UNTIL",
            "DATE",
            "LINKS_OUT",
            "LINKS_IN"
        ]
    );
    assert_eq!(rows.len(), 1 + 8);
    let err = on_user_file(&["list", "--kind", "fund", "--as-of", "2014"]).fails(1);
    assert_eq!(
        err,
        "partnership: error: no entity of kind fund is recorded as of 2014"
    );
}

// ---- show, timeline ----

#[test]
fn show_and_timeline_filter_by_relation_and_kind() {
    let v = on_sample(&["show", "NUC", "--relation", "chairs", "--format", "json"]).json();
    assert_eq!(v["in"][0]["relation"], "chairs");
    assert_eq!(v["in"][0]["links"][0]["id"], "jens-stoltenberg");
    assert_eq!(v["out"], Value::Array(vec![]));
    let err = on_sample(&["show", "NUC", "--relation", "signs"]).fails(1);
    assert_eq!(
        err,
        "partnership: error: NATO-Ukraine Commission has no signs link"
    );
    // Sample timeline: the only dated `signs` link, and the dated links
    // with a person at one end (holds_office since 2014-10).
    let out = on_sample(&["timeline", "--relation", "signs"]).ok();
    assert_eq!(out.lines().count(), 2);
    assert!(out.contains("1997-07-09  start  Ukraine signed Charter"));
    let v = on_sample(&["timeline", "--kind", "person", "--format", "json"]).json();
    assert_eq!(
        column(&v, &["text"]),
        [
            "Jens Stoltenberg holds office in North Atlantic Treaty Organization as Secretary General"
        ]
    );
    let csv = on_user_file(&["timeline", "--kind", "event", "--format", "csv"]).ok();
    let rows = csv_rows(&csv);
    assert_eq!(rows[1][..4], ["2015-03-02", "", "date", "kickoff"]);
    let err = on_sample(&["timeline", "--relation", "chairs"]).fails(1);
    assert_eq!(err, "partnership: error: no dated entry matches");
}

// ---- path ----

#[test]
fn path_avoids_entities_and_hubs() {
    // Dataset: around Ukraine, Romania still reaches the Verkhovna Rada.
    let v = partnership(&[
        "path",
        "Romania",
        "Verkhovna Rada",
        "--avoid",
        "Ukraine",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(column(&v["avoided"], &["id"]), ["ukraine"]);
    let nodes: Vec<&str> = v["paths"][0]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            [
                s["from"]["id"].as_str().unwrap(),
                s["to"]["id"].as_str().unwrap(),
            ]
        })
        .collect();
    assert!(!nodes.contains(&"ukraine"));
    let text = partnership(&["path", "Romania", "Verkhovna Rada", "--avoid-hubs", "2"]).ok();
    assert!(
        text.starts_with("Avoiding Ukraine; North Atlantic Treaty Organization.\n"),
        "{text}"
    );
    // USER_FILE: Alphaland reaches Betastan through the fund or the meeting;
    // avoiding both cuts it off.
    let err = on_user_file(&["path", "alpha", "beta", "--avoid", "DTF,kickoff"]).fails(1);
    assert!(
        err.contains("no connection from Alphaland to Betastan"),
        "{err}"
    );
    let err = on_user_file(&["path", "alpha", "beta", "--avoid", "alpha"]).fails(2);
    assert!(
        err.contains("invalid avoid \"alpha\": expected an entity other than the two ends"),
        "{err}"
    );
    // CSV is for tables; path prints sentences.
    let err = on_user_file(&["path", "alpha", "beta", "--format", "csv"]).fails(2);
    assert!(err.contains("invalid value 'csv'"), "{err}");
}

// ---- CSV on every table command ----

#[test]
fn every_table_command_writes_csv() {
    for (args, header) in [
        (
            &["who-leads", "C4 Trust Fund"][..],
            "ROLE,ID,NAME,KIND,SINCE,UNTIL,SOURCES",
        ),
        (
            &["led-by", "Canada"],
            "ROLE,ID,NAME,KIND,SINCE,UNTIL,SOURCES",
        ),
        (
            &["show", "Canada"],
            "DIRECTION,RELATION,ID,NAME,KIND,SINCE,UNTIL,ROLE,SOURCES",
        ),
        (&["search", "trust"], "ID,NAME,KIND,MATCH"),
        (&["centrality", "--top", "3"], "RANK,ID,NAME,KIND,SCORE"),
        (
            &["timeline"],
            "DATE,UNTIL,TYPE,SUBJECT_ID,RELATION,OBJECT_ID,ENTRY,SOURCES",
        ),
        (&["stats"], "COUNTS,NAME,COUNT"),
        (
            &["links"],
            "SUBJECT_ID,SUBJECT,RELATION,OBJECT_ID,OBJECT,SINCE,UNTIL,ROLE,SENTENCE,SOURCES",
        ),
        (
            &["list"],
            "ID,NAME,KIND,SINCE,UNTIL,DATE,LINKS_OUT,LINKS_IN",
        ),
    ] {
        let mut all = args.to_vec();
        all.extend(["--format", "csv"]);
        let out = on_sample(&all).ok();
        assert_eq!(out.lines().next(), Some(header), "{args:?}");
        assert!(csv_rows(&out).len() > 1, "{args:?}");
    }
    // Counts the sample holds: 26 nodes of 15 kinds... the kinds sum to 26.
    let rows = csv_rows(&on_sample(&["stats", "--format", "csv"]).ok());
    let nodes: usize = rows
        .iter()
        .filter(|r| r[0] == "kind")
        .map(|r| r[2].parse::<usize>().unwrap())
        .sum();
    assert_eq!(nodes, 26);
    let links: usize = rows
        .iter()
        .filter(|r| r[0] == "relation")
        .map(|r| r[2].parse::<usize>().unwrap())
        .sum();
    assert_eq!(links, 40);
    // Names with commas stay one cell.
    let rows = csv_rows(&on_sample(&["led-by", "Canada", "--format", "csv"]).ok());
    assert_eq!(
        rows[1][2],
        "Trust Fund on Command, Control, Communications and Computers (C4)"
    );
    // validate lists its problems as CSV too.
    let bad = temp_file("bad.json", &USER_FILE.replace("\"state\"", "\"country\""));
    let run = partnership(&["validate", bad.to_str().unwrap(), "--format", "csv"]);
    let rows = csv_rows(&run.stdout);
    assert_eq!(rows[0], ["FILE", "LOCATION", "MESSAGE"]);
    assert_eq!(rows[1][1], "node \"alpha\" (nodes[0])");
    assert_eq!(rows[1][2], "unknown kind \"country\"");
    run.fails(2);
}

// ---- standard input and output ----

#[test]
fn dash_reads_standard_input_and_writes_standard_output() {
    let out = with_stdin(&["--data", "-", "who-leads", "DTF"], USER_FILE).ok();
    assert!(out.contains("Alphaland"), "{out}");
    let out = with_stdin(&["validate", "-"], USER_FILE).ok();
    assert_eq!(out, "standard input: valid, 6 nodes and 7 links\n");
    let err = with_stdin(&["validate", "-"], "{").fails(2);
    assert!(
        err.starts_with("partnership: error: standard input: 1 problem"),
        "{err}"
    );
    let out = on_user_file(&["export", "--format", "mermaid", "-o", "-"]).ok();
    assert!(out.starts_with("flowchart LR\n"));
}

#[test]
fn validate_takes_its_file_or_data_but_not_both() {
    let path = temp_file("mine.json", USER_FILE);
    let path = path.to_str().unwrap();
    let out = partnership(&["validate", "--data", path]).ok();
    assert!(out.ends_with(": valid, 6 nodes and 7 links\n"), "{out}");
    let err = partnership(&["validate", "--data", path, path]).fails(2);
    assert!(err.contains("validate checks one file"), "{err}");
    let err = partnership(&["validate"]).fails(2);
    assert!(err.contains("validate needs a FILE"), "{err}");
}

// ---- terminal width ----

#[test]
fn tables_fit_a_terminal_and_stay_whole_in_a_pipe() {
    // Piped (as here), whole: the longest fund name is 103 characters.
    let piped = partnership(&["list", "--kind", "fund"]).ok();
    assert!(piped.lines().any(|l| l.chars().count() > 103));
    assert!(!piped.contains('…'));
    // On a terminal (a pseudo-terminal made by util-linux `script`), cut to
    // COLUMNS with an ellipsis.
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "`script` (util-linux) is missing"
        );
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_partnership");
    let out = std::process::Command::new("script")
        .args(["-qec", &format!("{bin} list --kind fund"), "/dev/null"])
        .env("COLUMNS", "60")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    assert!(text.contains('…'), "{text}");
    for line in text.lines() {
        assert!(
            line.trim_end_matches('\r').chars().count() <= 60,
            "{line:?}"
        );
    }
    assert!(text.contains("c4-trust-fund"), "{text}");
}

// ---- completions and the manual page ----

#[test]
fn completions_for_every_shell_and_a_man_page() {
    for (shell, mark) in [
        ("bash", "complete -F _partnership"),
        ("zsh", "#compdef partnership"),
        ("fish", "complete -c partnership"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = partnership(&["completions", shell]).ok();
        assert!(out.contains(mark), "{shell}");
        assert!(out.contains("links"), "{shell}");
    }
    let err = partnership(&["completions", "tcsh"]).fails(2);
    assert!(err.contains("invalid value 'tcsh'"), "{err}");
    let man = partnership(&["man"]).ok();
    assert!(man.contains(".TH partnership 1"));
    assert!(man.contains("partnership\\-links(1)"), "{man}");
    let page = partnership(&["man", "path"]).ok();
    assert!(page.contains(".TH partnership-path 1"), "{page}");
    assert!(page.contains("avoid\\-hubs"), "{page}");
    let err = partnership(&["man", "nope"]).fails(2);
    assert!(
        err.contains("no subcommand \"nope\"; the subcommands are who-leads, led-by"),
        "{err}"
    );
    let err = partnership(&["man", "path", "--dir", "x"]).fails(2);
    assert!(err.contains("cannot be used with"), "{err}");
    let err = partnership(&["man", "--dir", "/nonexistent/partnership-man"]).fails(1);
    assert!(
        err.contains("cannot write /nonexistent/partnership-man"),
        "{err}"
    );
}

// ---- export options ----

#[test]
fn export_options_reach_the_drawing() {
    let dot = |extra: &[&str]| {
        let mut args = vec!["export", "--around", "C4 Trust Fund"];
        args.extend_from_slice(extra);
        on_sample(&args).ok()
    };
    let plain = dot(&[]);
    assert!(plain.contains("legend"), "{plain}");
    assert!(!dot(&["--no-legend"]).contains("legend"));
    assert!(dot(&["--title", "My C4 view"]).contains("My C4 view"));
    assert!(dot(&["--clusters"]).contains("subgraph \"cluster_c4-trust-fund\""));
    assert!(!plain.contains("subgraph \"cluster_c4-trust-fund\""));
    assert!(dot(&["--layout", "TB"]).contains("rankdir=TB"));
    let without = dot(&["--exclude", "Canada", "--format", "json"]);
    let v: Value = serde_json::from_str(&without).unwrap();
    assert!(!column(&v["nodes"], &["id"]).contains(&"canada"));
    assert!(column(&v["nodes"], &["id"]).contains(&"germany"));
    let err = on_sample(&["export", "--around", "Canada", "--exclude", "Canada"]).fails(2);
    assert!(
        err.contains("\"canada\" is both a focus node and excluded"),
        "{err}"
    );
    let err = on_sample(&["export", "--exclude", "Atlantis"]).fails(2);
    assert!(err.contains("cannot exclude \"Atlantis\""), "{err}");
}

#[test]
fn a_mermaid_chart_over_the_limit_gets_a_warning() {
    let run = partnership(&["export", "--format", "mermaid"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("flowchart"));
    assert!(
        run.stderr.starts_with(
            "partnership: warning: 897 links is more than the 500 that Mermaid draws by default"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--exclude"));
    let small = on_sample(&["export", "--format", "mermaid"]);
    assert!(small.stderr.is_empty());
    let _ = sample();
}

// ---- the remaining failures, each with its exit code and message ----

#[test]
fn failures_have_their_exit_code_and_message() {
    let cases: [(&[&str], i32, &str); 9] = [
        (
            &["links", "--to-kind", "country"],
            2,
            "invalid value 'country' for '--to-kind <KIND>'",
        ),
        (
            &["links", "--relation", "chaired"],
            2,
            "invalid value 'chaired' for '--relation <RELATION>'",
        ),
        (
            &["links", "--between", "2010"],
            2,
            "2 values required for '--between <FROM> <TO>'",
        ),
        (
            &["list", "--sort", "size"],
            2,
            "invalid value 'size' for '--sort <SORT>'",
        ),
        (
            &["path", "Canada", "Ukraine", "--avoid", "Atlantis"],
            2,
            "no entity matches \"Atlantis\"",
        ),
        (
            &["path", "Canada", "Ukraine", "--avoid-hubs", "-1"],
            2,
            "unexpected argument '-1' found",
        ),
        (
            &["centrality", "--kind", "operation", "--as-of", "1995"],
            1,
            "no entity of kind operation is ranked",
        ),
        (
            &["search", "Jens Stoltenburg"],
            1,
            "no entity matches \"Jens Stoltenburg\"; did you mean Jens Stoltenberg (jens-stoltenberg)?",
        ),
        (&["timeline", "--from", "2030"], 1, "no dated entry matches"),
    ];
    for (args, code, message) in cases {
        let run = on_sample(args);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        let err = run.fails(code);
        assert!(err.contains(message), "{args:?}: {err}");
    }
    let bad = USER_FILE.replace("\"state\"", "\"country\"");
    let err = with_stdin(&["--data", "-", "stats"], &bad).fails(2);
    assert_eq!(
        err,
        // Two nodes of the unknown kind; links to them are not reported
        // again (hostile-input fault #10).
        "partnership: error: standard input: 2 problems, the first: node \"alpha\" (nodes[0]): \
         unknown kind \"country\"; run `partnership validate -` on the same input to list them all"
    );
    let err = with_stdin(&["--data", "-", "stats"], "{\"nodes\": [}").fails(2);
    assert!(
        err.starts_with("partnership: error: standard input:1:"),
        "{err}"
    );
}

// ---- the same options on the dataset and on the user file ----

#[test]
fn the_options_work_on_the_dataset_and_on_a_user_file() {
    // CSV from every table command, both data sets.
    for args in [
        &["who-leads", "DTF"][..],
        &["led-by", "Betastan"],
        &["show", "DTF", "--relation", "leads"],
        &["search", "fund"],
        &["centrality", "--kind", "state"],
        &["timeline", "--relation", "leads"],
        &["stats"],
        &["links", "--to-kind", "fund"],
        &["list", "--kind", "state", "--between", "2015", "2016"],
    ] {
        let mut all = args.to_vec();
        all.extend(["--format", "csv"]);
        let rows = csv_rows(&on_user_file(&all).ok());
        assert!(rows.len() > 1, "{args:?}");
    }
    // USER_FILE: the fund has two `leads` links in (Alphaland, Betastan).
    let v = on_user_file(&["show", "DTF", "--relation", "leads", "--format", "json"]).json();
    assert_eq!(column(&v["in"][0]["links"], &["id"]), ["alpha", "beta"]);
    // The dataset: the NUC includes the five joint working groups.
    let v = partnership(&["show", "NUC", "--relation", "part_of", "--format", "json"]).json();
    assert_eq!(v["in"][0]["links"].as_array().unwrap().len(), 5);
    // USER_FILE degrees: Betastan 3, Alphaland 2, the fund 4 (an end);
    // from Alphaland to Betastan, `--avoid-hubs 1` keeps out the most
    // connected other node, the fund, and leaves the meeting.
    let v = on_user_file(&[
        "path",
        "alpha",
        "beta",
        "--avoid-hubs",
        "1",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(column(&v["avoided"], &["id"]), ["demining-fund"]);
    assert_eq!(v["paths"][0]["steps"][0]["to"]["id"], "kickoff");
    // Timeline of the dataset by relation and kind.
    let v = partnership(&[
        "timeline",
        "--relation",
        "ratifies",
        "--kind",
        "institution",
        "--format",
        "json",
    ])
    .json();
    assert!(column(&v, &["text"]).iter().all(|t| t.contains("ratified")));
    assert!(!v.as_array().unwrap().is_empty());
    // Export options on the user file.
    let dot = on_user_file(&[
        "export",
        "--exclude",
        "kickoff",
        "--no-legend",
        "--title",
        "Funds only",
    ])
    .ok();
    assert!(!dot.contains("Kick-off"), "{dot}");
    assert!(dot.contains("Funds only"));
    let dot = on_user_file(&["export", "--clusters"]).ok();
    assert!(dot.contains("subgraph \"cluster_demining-fund\""), "{dot}");
}
