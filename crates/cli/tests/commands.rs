//! Every subcommand, end to end, on the sample fixture, on a user file and
//! on the embedded dataset.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{on_sample, on_user_file, partnership, sample, sample_json, temp_file};
use serde_json::Value;

fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect()
}

#[test]
fn who_leads_a_trust_fund_lists_leads_and_executing_agent() {
    let out = on_sample(&["who-leads", "C4 Trust Fund"]).ok();
    let lines: Vec<_> = out.lines().collect();
    assert!(
        lines[0].starts_with("Trust Fund on Command, Control, Communications and Computers (C4)")
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("ROLE") && l.contains("SOURCE"))
    );
    let lead = lines.iter().find(|l| l.contains("Canada")).unwrap();
    assert!(lead.starts_with("lead "));
    assert!(lead.contains("state"));
    assert!(out.contains("Germany"));
    let agent = lines
        .iter()
        .find(|l| l.starts_with("executing agent"))
        .unwrap();
    assert!(agent.contains("NATO Communications and Information Agency"));
}

#[test]
fn who_leads_json_names_both_roles() {
    let v = on_sample(&["who-leads", "c4-trust-fund", "--format", "json"]).json();
    assert_eq!(v["entity"]["id"], "c4-trust-fund");
    assert_eq!(ids(&v["leads"]), ["canada", "germany"]);
    assert_eq!(ids(&v["executes"]), ["ncia"]);
    assert_eq!(
        v["leads"][0]["sources"][0]["document"],
        "relations-with-ukraine-2017"
    );
}

#[test]
fn data_is_global_before_or_after_the_subcommand() {
    let path = sample();
    let path = path.to_str().unwrap();
    let before = partnership(&["--data", path, "who-leads", "nuc"]).ok();
    let after = partnership(&["who-leads", "nuc", "--data", path]).ok();
    assert_eq!(before, after);
}

#[test]
fn led_by_lists_what_an_actor_leads() {
    let out = on_sample(&["led-by", "canada"]).ok();
    assert!(out.contains("leads  Trust Fund on Command"));
    let v = on_sample(&["led-by", "Ukraine", "--format", "json"]).json();
    assert_eq!(ids(&v["leads"]), ["secure-tactical-communications"]);
    assert_eq!(v["executes"], Value::Array(vec![]));
}

#[test]
fn show_groups_links_by_relation() {
    let out = on_sample(&["show", "C4 TRUST FUND"]).ok();
    assert!(out.contains("  id                c4-trust-fund"));
    assert!(out.contains("  initial_projects  2"));
    assert!(out.contains("Links in (6)"));
    let led = out
        .lines()
        .position(|l| l.trim_start().starts_with("is led by"))
        .unwrap();
    let lines: Vec<_> = out.lines().collect();
    assert!(lines[led].contains("Canada (state)"));
    assert!(lines[led + 1].trim_start().starts_with("Germany (state)"));

    let v = on_sample(&["show", "c4-trust-fund", "--format", "json"]).json();
    assert_eq!(v["kind"], "fund");
    assert_eq!(v["aliases"][0], "C4 Trust Fund");
    let incoming = v["in"].as_array().unwrap();
    assert_eq!(incoming[0]["relation"], "leads");
    assert_eq!(ids(&incoming[0]["links"]), ["canada", "germany"]);
}

#[test]
fn search_ranks_exact_matches_first() {
    let out = on_sample(&["search", "trust", "fund"]).ok();
    assert!(out.starts_with("ID"));
    assert!(out.contains("c4-trust-fund"));
    assert!(out.contains("cyber-defence-trust-fund"));
    let v = on_sample(&["search", "NUC", "--format", "json"]).json();
    assert_eq!(v[0]["id"], "nato-ukraine-commission");
    assert_eq!(v[0]["match"], "exact");
    // Nothing found: the empty answer, a message on stderr, exit 1.
    let none = on_sample(&["search", "zzzz", "--format", "json"]);
    assert_eq!(none.stdout, "[]\n");
    let err = none.fails(1);
    assert!(err.contains("no entity matches \"zzzz\""), "{err}");
}

#[test]
fn path_explains_the_connection_in_sentences() {
    let out = on_sample(&["path", "Canada", "Ukraine"]).ok();
    assert_eq!(
        out,
        "Canada to Ukraine in 2 links:\n  \
         Canada leads the C4 Trust Fund, which Ukraine requested.\n  \
         - Canada leads Trust Fund on Command, Control, Communications and Computers (C4).\n  \
         - Ukraine requested Trust Fund on Command, Control, Communications and Computers (C4).\n"
    );
    let v = on_sample(&["path", "canada", "ukraine", "--format", "json"]).json();
    let step = &v["paths"][0]["steps"][1];
    assert_eq!(step["relation"], "requests");
    assert_eq!(step["heading"], "backward");
    assert_eq!(
        v["paths"][0]["explanation"],
        "Canada leads the C4 Trust Fund, which Ukraine requested"
    );
}

#[test]
fn path_all_lists_shortest_first_within_max_len() {
    let v = on_sample(&[
        "path",
        "canada",
        "ukraine",
        "--all",
        "--max-len",
        "3",
        "--format",
        "json",
    ])
    .json();
    let lengths: Vec<u64> = v["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["length"].as_u64().unwrap())
        .collect();
    assert!(lengths.len() > 1);
    assert!(lengths.windows(2).all(|w| w[0] <= w[1]));
    assert!(lengths.iter().all(|&l| l <= 3));
}

#[test]
fn path_respects_direction_relations_and_date() {
    let directed = on_sample(&[
        "path",
        "canada",
        "ukraine",
        "--directed",
        "--format",
        "json",
    ])
    .json();
    for step in directed["paths"][0]["steps"].as_array().unwrap() {
        assert_eq!(step["heading"], "forward");
    }
    let leads_only =
        on_sample(&["path", "canada", "ukraine", "--relations", "leads,requests"]).ok();
    assert!(leads_only.contains("requested"));
    // Before the fund existed there is no such connection.
    let err = on_sample(&[
        "path",
        "canada",
        "ukraine",
        "--relations",
        "leads,requests",
        "--as-of",
        "2010",
    ])
    .fails(1);
    assert!(
        err.ends_with("no connection from Canada to Ukraine"),
        "{err}"
    );
}

#[test]
fn centrality_json_is_ranked_with_unrounded_scores() {
    let nodes = sample_json()["nodes"].as_array().unwrap().len();
    let v = on_sample(&[
        "centrality",
        "--measure",
        "betweenness",
        "--top",
        "0",
        "--format",
        "json",
    ])
    .json();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), nodes);
    for entry in list {
        let keys: Vec<_> = entry
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["id", "name", "kind", "score"]);
    }
    let scores: Vec<f64> = list.iter().map(|e| e["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
    // Unrounded: at least one score needs more than four decimals.
    assert!(scores.iter().any(|s| (s * 1e4).fract().abs() > 1e-9));
}

#[test]
fn centrality_filters_kinds_dates_and_top() {
    for measure in [
        "degree",
        "betweenness",
        "closeness",
        "harmonic",
        "pagerank",
        "eigenvector",
    ] {
        let v = on_sample(&[
            "centrality",
            "--measure",
            measure,
            "--kind",
            "body,fund",
            "--format",
            "json",
        ])
        .json();
        let list = v.as_array().unwrap();
        assert!(!list.is_empty(), "{measure}");
        assert!(
            list.iter()
                .all(|e| e["kind"] == "body" || e["kind"] == "fund")
        );
    }
    let v = on_sample(&["centrality", "--top", "3", "--format", "json"]).json();
    assert_eq!(v.as_array().unwrap().len(), 3);
    let early = on_sample(&[
        "centrality",
        "--as-of",
        "1995",
        "--top",
        "0",
        "--format",
        "json",
    ])
    .json();
    assert!(ids(&early).iter().all(|id| *id != "c4-trust-fund"));
    let text = on_sample(&["centrality", "--measure", "pagerank", "--top", "2"]).ok();
    assert!(text.starts_with("pagerank centrality of"));
    assert!(text.contains("RANK  NAME"));
}

#[test]
fn timeline_orders_entries_and_filters() {
    let v = on_sample(&["timeline", "--format", "json"]).json();
    let dates: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by_key(|d| d.parse::<partnership_date::D>().unwrap());
    assert_eq!(dates, sorted);
    let out = on_sample(&[
        "timeline",
        "--involving",
        "ukraine",
        "--from",
        "2000",
        "--to",
        "2015",
    ])
    .ok();
    assert_eq!(
        out,
        "DATE  WHAT   ENTRY\n\
         2002  start  Ukraine seeks membership of North Atlantic Treaty Organization\n\
         2010  end    Ukraine seeks membership of North Atlantic Treaty Organization\n"
    );
}

/// Compares ISO partial dates by their first day, as the timeline does.
mod partnership_date {
    #[derive(PartialEq, Eq, PartialOrd, Ord)]
    pub(crate) struct D(String);
    impl std::str::FromStr for D {
        type Err = ();
        fn from_str(s: &str) -> Result<Self, ()> {
            let mut parts: Vec<&str> = s.split('-').collect();
            parts.resize(3, "01");
            Ok(D(parts.join("-")))
        }
    }
}

#[test]
fn export_dot_of_a_neighbourhood() {
    let dot = on_sample(&[
        "export",
        "--around",
        "C4 Trust Fund",
        "--direction",
        "in",
        "--relations",
        "leads,executes",
    ])
    .ok();
    assert!(dot.starts_with("digraph "));
    assert!(dot.contains(r#""canada" -> "c4-trust-fund""#));
    assert!(dot.contains(r#""ncia" -> "c4-trust-fund""#));
    assert!(
        !dot.contains(r#""ukraine" ["#),
        "only leads and executes: {dot}"
    );
}

#[test]
fn export_formats_and_output_file() {
    let mermaid = on_sample(&[
        "export", "--format", "mermaid", "--around", "nuc", "--layout", "tb",
    ])
    .ok();
    assert!(mermaid.starts_with("flowchart TB\n"));
    let graphml = on_sample(&["export", "--format", "graphml", "--as-of", "1998"]).ok();
    assert!(graphml.starts_with("<?xml"));
    // The explorer takes the same selection options; its data is JSON in a
    // script element.
    let html = on_sample(&[
        "export", "--format", "html", "--around", "nuc", "--as-of", "2016",
    ])
    .ok();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(r#"<script type="application/json" id="explorer-data">"#));
    assert!(html.contains(r#""id":"nato-ukraine-commission""#));
    let links = on_sample(&["export", "--format", "json", "--links-key", "links"]).json();
    assert!(links.get("links").is_some() && links.get("edges").is_none());

    // JSON export to a file gives the same graph back.
    let out = temp_file("placeholder", "").with_file_name("exported.json");
    let printed = on_sample(&["export", "--format", "json", "-o", out.to_str().unwrap()]).ok();
    assert_eq!(printed, "");
    let again = partnership(&["--data", out.to_str().unwrap(), "stats", "--format", "json"]).json();
    assert_eq!(again, on_sample(&["stats", "--format", "json"]).json());
}

#[test]
fn export_filters_by_kind_and_date() {
    let v = on_sample(&[
        "export",
        "--format",
        "json",
        "--kinds",
        "state,fund",
        "--hide-isolated",
    ])
    .json();
    let kinds: Vec<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert!(!kinds.is_empty());
    assert!(kinds.iter().all(|k| *k == "state" || *k == "fund"));
    let early = on_sample(&["export", "--format", "json", "--as-of", "1995"]).json();
    assert!(ids(&early["nodes"]).iter().all(|id| *id != "c4-trust-fund"));
}

#[test]
fn validate_accepts_the_sample() {
    let file = sample_json();
    let out = partnership(&["validate", sample().to_str().unwrap()]).ok();
    let expected = format!(
        ": valid, {} nodes and {} links\n",
        file["nodes"].as_array().unwrap().len(),
        file["edges"].as_array().unwrap().len()
    );
    assert!(out.ends_with(&expected), "{out}");
    let v = partnership(&["validate", sample().to_str().unwrap(), "--format", "json"]).json();
    assert_eq!(v["valid"], true);
    assert_eq!(v["problems"], Value::Array(vec![]));
}

#[test]
fn stats_counts_each_kind_as_the_file_has_it() {
    let file = sample_json();
    let v = on_sample(&["stats", "--format", "json"]).json();
    assert_eq!(
        v["nodes"].as_u64().unwrap() as usize,
        file["nodes"].as_array().unwrap().len()
    );
    assert_eq!(
        v["links"].as_u64().unwrap() as usize,
        file["edges"].as_array().unwrap().len()
    );
    // Each kind's count against the raw file, counted here without the
    // library.
    for k in v["kinds"].as_array().unwrap() {
        let in_file = file["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["kind"] == k["kind"])
            .count();
        assert_eq!(k["count"].as_u64().unwrap() as usize, in_file, "{k}");
    }
    assert_eq!(v["first_date"], "1994");
    let text = on_sample(&["stats"]).ok();
    assert!(text.contains("KIND"));
    assert!(text.contains("relations-with-ukraine-2017"));
}

#[test]
fn every_query_works_on_a_user_file() {
    let who = on_user_file(&["who-leads", "dtf"]).ok();
    assert!(who.contains("Alphaland") && who.contains("since 2015-03"));
    assert!(who.contains("Logistics Agency"));
    let led = on_user_file(&["led-by", "betastan", "--format", "json"]).json();
    assert_eq!(ids(&led["leads"]), ["demining-fund", "field-kit"]);
    let show = on_user_file(&["show", "LA"]).ok();
    assert!(show.contains("executes"));
    let search = on_user_file(&["search", "mines", "--format", "json"]).json();
    assert_eq!(search[0]["id"], "demining-fund");
    assert_eq!(search[0]["match"], "description");
    let path = on_user_file(&["path", "alpha", "field kit project"]).ok();
    assert!(path.contains("Field Kit Project is part of Demining Trust Fund."));
    let central = on_user_file(&["centrality", "--format", "json", "--top", "1"]).json();
    assert_eq!(central[0]["id"], "demining-fund");
    let timeline = on_user_file(&["timeline", "--format", "json"]).json();
    assert_eq!(timeline[0]["date"], "2015-03");
    let dot = on_user_file(&["export", "--around", "DTF"]).ok();
    assert!(dot.contains(r#""alpha" -> "demining-fund""#));
    let stats = on_user_file(&["stats", "--format", "json"]).json();
    assert_eq!(stats["nodes"], 6);
    assert_eq!(stats["sources"][0]["id"], "notes");
}

#[test]
fn embedded_dataset_answers_without_data() {
    // Counts of the shipped data change as it grows: check shape, not size.
    let v = partnership(&["stats", "--format", "json"]).json();
    assert!(v["nodes"].as_u64().unwrap() > 0);
    let found = partnership(&["search", "ukraine", "--format", "json"]).json();
    assert!(!found.as_array().unwrap().is_empty());
    partnership(&["show", "ukraine"]).ok();
    partnership(&["who-leads", "NUC"]).ok();
    partnership(&["timeline"]).ok();
    partnership(&["centrality", "--top", "3"]).ok();
    partnership(&["export", "--around", "NUC"]).ok();
    partnership(&["path", "Canada", "Ukraine"]).ok();
    let data =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/nato-ukraine.json");
    partnership(&["validate", data.to_str().unwrap()]).ok();
}

#[test]
fn output_is_deterministic() {
    for args in [
        &["centrality", "--measure", "betweenness", "--top", "0"][..],
        &["timeline"][..],
        &["search", "a"][..],
        &["stats"][..],
    ] {
        assert_eq!(on_sample(args).ok(), on_sample(args).ok(), "{args:?}");
    }
}

#[test]
fn stats_prints_the_coverage_of_the_embedded_data() {
    let text = partnership(&["stats"]).ok();
    let line = text.lines().find(|l| l.starts_with("covers ")).unwrap();
    assert!(line.starts_with("covers 1991 to 2017-07-11"), "{line}");
    let v = partnership(&["stats", "--format", "json"]).json();
    assert_eq!(v["coverage"]["until"], "2017-07-11");
    // The sample fixture declares none, so says nothing about it.
    assert!(!on_sample(&["stats"]).ok().contains("covers "));
}

#[test]
fn as_of_after_the_coverage_warns_once_and_still_answers() {
    for args in [
        &["centrality", "--top", "3", "--as-of", "2019"][..],
        &["path", "Canada", "Ukraine", "--as-of", "2018-01"][..],
        &["export", "--around", "NUC", "--as-of", "2017-07-12"][..],
    ] {
        let run = partnership(args);
        assert_eq!(run.code, 0, "{args:?}: {run:#?}");
        assert!(!run.stdout.is_empty(), "{args:?}");
        let warnings: Vec<_> = run.stderr.lines().collect();
        assert_eq!(warnings.len(), 1, "{args:?}: {}", run.stderr);
        assert!(
            warnings[0].starts_with("partnership: warning: --as-of ")
                && warnings[0].contains("2017-07-11"),
            "{}",
            warnings[0]
        );
    }
    // Within the coverage (2017 overlaps it): no warning.
    partnership(&["centrality", "--top", "3", "--as-of", "2017"]).ok();
}
