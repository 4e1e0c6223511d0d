//! End-to-end tests of change over time: `centrality --over-time`,
//! `changes` and `timeline --format svg`, on the dataset (robust facts only,
//! as it is curated in parallel) and on a user file with known answers.
//!
//! The user file is `crates/core/tests/fixtures/changes.json`. Its
//! betweenness values come from NetworkX 3.6 (`scripts/over_time_expected.py`,
//! `nx.betweenness_centrality` on an `nx.MultiGraph` of each year's
//! snapshot); its changes between 2010 and 2016 are worked out by hand in
//! `crates/core/tests/changes.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::partnership;
use serde_json::Value;

fn user_file() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/tests/fixtures/changes.json"
    )
    .to_owned()
}

fn series<'a>(json: &'a Value, id: &str) -> &'a Vec<Value> {
    json["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no series for {id}"))["values"]
        .as_array()
        .unwrap()
}

#[test]
fn over_time_matches_networkx_on_a_user_file() {
    let data = user_file();
    let json = partnership(&[
        "--data",
        &data,
        "centrality",
        "--measure",
        "betweenness",
        "--over-time",
        "2010..2016",
        "--top",
        "0",
        "--format",
        "json",
    ])
    .json();
    let dates: Vec<&str> = json["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        ["2010", "2011", "2012", "2013", "2014", "2015", "2016"]
    );
    // NetworkX (scripts/over_time_expected.py).
    let expected: &[(&str, [Option<f64>; 7])] = &[
        (
            "nato",
            [
                Some(0.2),
                Some(1.0 / 15.0),
                Some(1.0 / 21.0),
                Some(1.0 / 15.0),
                Some(1.0 / 15.0),
                Some(1.0 / 15.0),
                Some(1.0 / 15.0),
            ],
        ),
        (
            "romania",
            [
                Some(0.0),
                Some(1.0 / 15.0),
                Some(1.0 / 21.0),
                Some(0.0),
                Some(1.0 / 15.0),
                Some(1.0 / 15.0),
                Some(1.0 / 15.0),
            ],
        ),
        (
            "inside-fund",
            [None, Some(0.0), Some(0.0), Some(0.0), None, None, None],
        ),
        (
            "summit-2012",
            [None, None, Some(0.0), None, None, None, None],
        ),
        ("late-fund", [None, None, None, None, None, None, Some(0.0)]),
    ];
    for (id, values) in expected {
        let got = series(&json, id);
        for (year, (g, e)) in got.iter().zip(values).enumerate() {
            match e {
                None => assert!(g.is_null(), "{id} in {}: {g}", 2010 + year),
                Some(e) => {
                    let g = g.as_f64().unwrap();
                    assert!((g - e).abs() < 1e-12, "{id} in {}: {g} vs {e}", 2010 + year);
                }
            }
        }
    }
    // Ranked by peak: NATO (0.2) first.
    assert_eq!(json["series"][0]["id"], "nato");
    assert_eq!(json["series"][0]["peak"], 0.2);
}

#[test]
fn over_time_text_csv_and_svg() {
    let data = user_file();
    let base = [
        "--data",
        data.as_str(),
        "centrality",
        "--measure",
        "betweenness",
        "--over-time",
        "2010..2016",
        "--step",
        "2y",
        "--top",
        "3",
    ];
    let text = partnership(&base).ok();
    assert!(text.contains("every 2y"), "{text}");
    let header = text.lines().nth(2).unwrap();
    assert!(
        header.starts_with("NAME") && header.ends_with("2010   2012   2014   2016"),
        "{header}"
    );
    assert!(text.lines().nth(3).unwrap().starts_with("NATO "), "{text}");

    let csv = partnership(&[&base[..], &["--format", "csv"]].concat()).ok();
    let mut lines = csv.lines();
    assert_eq!(lines.next().unwrap(), "id,name,kind,2010,2012,2014,2016");
    assert_eq!(
        lines.next().unwrap(),
        "nato,NATO,organisation,0.2,0.047619047619047616,0.06666666666666667,0.06666666666666667"
    );
    assert_eq!(csv.lines().count(), 4);

    let svg = partnership(&[&base[..], &["--format", "svg"]].concat()).ok();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    for want in ["NATO", "Romania", "2010", "2016", "as of"] {
        assert!(labels.contains(&want), "{want} not in {labels:?}");
    }
}

#[test]
fn over_time_on_the_dataset() {
    let json = partnership(&[
        "centrality",
        "--measure",
        "betweenness",
        "--over-time",
        "1997..2017",
        "--kind",
        "body",
        "--top",
        "5",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(json["dates"].as_array().unwrap().len(), 21);
    let series = json["series"].as_array().unwrap();
    assert_eq!(series.len(), 5);
    assert!(series.iter().all(|s| s["kind"] == "body"));
    // The NUC exists from 1997 on and is among the most central bodies.
    let nuc = series
        .iter()
        .find(|s| s["id"] == "nato-ukraine-commission")
        .expect("the NUC is in the top five bodies");
    assert!(
        nuc["values"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v.as_f64().unwrap() > 0.0)
    );
}

#[test]
fn over_time_usage_errors() {
    for args in [
        // A chart needs a series; a single ranking has CSV but no chart.
        &["centrality", "--format", "svg"][..],
        &["centrality", "--over-time", "2017..1997"][..],
        &["centrality", "--over-time", "1997"][..],
        &["centrality", "--over-time", "1997..2017", "--step", "0y"][..],
        &["centrality", "--over-time", "1997..2017", "--as-of", "2000"][..],
        &["centrality", "--step", "2y"][..],
        &["centrality", "--over-time", "0001..9999", "--step", "1m"][..],
    ] {
        partnership(args).fails(2);
    }
}

#[test]
fn changes_on_a_user_file_in_sentences_json_and_csv() {
    let data = user_file();
    let base = [
        "--data",
        data.as_str(),
        "changes",
        "--from",
        "2010",
        "--to",
        "2016",
    ];
    let text = partnership(&base).ok();
    for line in [
        "Began (6)",
        "  fund",
        "    Inside Fund (fund) began in 2011.",
        "    Open Fund (fund) began in 2014-09.",
        "    Romania leads Open Fund, from 2014-09.",
        "Ended (6)",
        "    Closed Office (body) ended in 2015.",
        "    Romania leads Inside Fund, until 2012.",
        "Began and ended on one date (2)",
        "    Summit 2012 (event) took place on 2012-05-20.",
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} not in\n{text}");
    }
    let json = partnership(&[&base[..], &["--format", "json"]].concat()).json();
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 14);
    let open = changes
        .iter()
        .find(|c| c["subject"]["id"] == "romania" && c["object"]["id"] == "open-fund")
        .unwrap();
    assert_eq!(open["change"], "began");
    assert_eq!(open["date"], "2014-09");
    assert_eq!(open["own_date"], false);
    assert_eq!(open["sources"][0]["section"], "link open end");

    let csv = partnership(&[&base[..], &["--format", "csv"]].concat()).ok();
    assert_eq!(csv.lines().count(), 15);
    assert!(csv.starts_with(
        "change,group,date,own_date,subject_id,subject,relation,object_id,object,text,sources\n"
    ));
    assert!(csv.contains("\nended,body,2010-02,true,early-end-office,Early End Office,,,,Early End Office (body) ended in 2010-02.,edges\n"), "{csv}");

    partnership(&["--data", &data, "changes", "--from", "2016", "--to", "2010"]).fails(2);
    partnership(&["changes", "--from", "2010"]).fails(2);
}

#[test]
fn changes_on_the_dataset() {
    let text = partnership(&["changes", "--from", "2010", "--to", "2016"]).ok();
    assert!(text.contains("    Trust Fund on Cyber Defence (fund) began in 2014-09.\n"));
    assert!(!text.contains(
        "Charter on a Distinctive Partnership between NATO and Ukraine (agreement) began"
    ));
}

fn bars(svg: &str) -> usize {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("rx") == Some("2"))
        .count()
}

#[test]
fn timeline_svg_on_a_user_file_and_the_dataset() {
    let data = user_file();
    // Dated bodies and funds of the user file: five funds, three offices.
    let svg = partnership(&["--data", &data, "timeline", "--format", "svg"]).ok();
    assert_eq!(bars(&svg), 8);
    assert!(svg.contains("coverage"));
    // Romania's neighbours: its five funds.
    let svg = partnership(&[
        "--data",
        &data,
        "timeline",
        "--format",
        "svg",
        "--involving",
        "Romania",
    ])
    .ok();
    assert_eq!(bars(&svg), 5);
    // Active between 2010 and 2016: not the old fund.
    let svg = partnership(&[
        "--data", &data, "timeline", "--format", "svg", "--from", "2010", "--to", "2016", "--kind",
        "fund",
    ])
    .ok();
    assert_eq!(bars(&svg), 4);

    let whole = partnership(&["timeline", "--format", "svg"]).ok();
    let funds = partnership(&["timeline", "--format", "svg", "--kind", "fund"]).ok();
    assert!(bars(&whole) > bars(&funds) && bars(&funds) >= 5);
    assert!(whole.contains("Trust Fund on Cyber Defence"));
}

#[test]
fn timeline_text_narrowed_by_kind() {
    let data = user_file();
    let text = partnership(&["--data", &data, "timeline", "--kind", "body"]).ok();
    // The three offices' dates and the one dated link of an office
    // (worked out by hand from the user file).
    let entries: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(entries.len(), 5, "{text}");
    assert!(entries.iter().all(|e| e.contains("Office")), "{text}");
    assert!(
        text.contains("2003     start  Closed Office is part of NATO"),
        "{text}"
    );
}

#[test]
fn changes_refuses_dates_without_an_order() {
    let err = partnership(&["changes", "--from", "2016", "--to", "2016-05"]).fails(2);
    assert_eq!(
        err,
        "partnership: error: --from 2016 does not come before --to 2016-05"
    );
}
