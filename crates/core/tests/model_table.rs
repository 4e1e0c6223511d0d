//! Checks the relation table in code against the table in `docs/MODEL.md`,
//! for every relation and every pair of kinds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use partnership_core::{Kind, Relation, containers};

const MODEL: &str = include_str!("../../../docs/MODEL.md");

fn between<'a>(start: &str, end: &str) -> Vec<&'a str> {
    let from = MODEL.find(start).expect("start marker") + start.len();
    let to = MODEL.find(end).expect("end marker");
    MODEL[from..to]
        .lines()
        .filter(|l| l.starts_with("| "))
        .skip(2) // header and rule
        .collect()
}

fn cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().trim_matches('`').to_owned())
        .collect()
}

/// Expands the table's words ("ACTOR, body", "any but place") into kinds.
fn kinds(text: &str) -> Vec<Kind> {
    let text = text.split(" (").next().unwrap_or(text);
    if text == "any" {
        return Kind::ALL.to_vec();
    }
    if let Some(except) = text.strip_prefix("any but ") {
        let except: Kind = except.parse().unwrap();
        return Kind::ALL.iter().copied().filter(|&k| k != except).collect();
    }
    let mut out = Vec::new();
    for word in text.split(", ") {
        match word {
            "ACTOR" => out.extend(Kind::ALL.iter().copied().filter(|k| k.is_actor())),
            "AGREEMENT" => out.extend([Kind::Agreement, Kind::Document]),
            other => out.push(other.parse().unwrap_or_else(|_| panic!("{other:?}"))),
        }
    }
    out
}

#[test]
fn every_relation_in_code_is_documented_and_the_reverse() {
    let rows = between(
        "<!-- relation-table:start -->",
        "<!-- relation-table:end -->",
    );
    let documented: Vec<String> = rows.iter().map(|r| cells(r)[0].clone()).collect();
    let in_code: Vec<String> = Relation::ALL
        .iter()
        .map(|r| r.as_str().to_owned())
        .collect();
    assert_eq!(documented, in_code);
}

#[test]
fn allows_matches_the_documented_table_for_every_pair_of_kinds() {
    let containment: BTreeMap<Kind, Vec<Kind>> =
        between("<!-- containers:start -->", "<!-- containers:end -->")
            .iter()
            .map(|r| {
                let c = cells(r);
                (c[0].parse().unwrap(), kinds(&c[1]))
            })
            .collect();
    let mut checked = 0;
    for row in between(
        "<!-- relation-table:start -->",
        "<!-- relation-table:end -->",
    ) {
        let c = cells(row);
        let relation: Relation = c[0].parse().unwrap();
        let (subjects, objects) = (kinds(&c[1]), kinds(&c[2]));
        assert_eq!(relation.phrase(), c[3], "{relation} forwards");
        assert_eq!(relation.inverse_phrase(), c[4], "{relation} backwards");
        for &s in Kind::ALL {
            for &o in Kind::ALL {
                let expected = match relation {
                    Relation::PartOf => {
                        s.family() == o.family()
                            || containment.get(&s).is_some_and(|v| v.contains(&o))
                    }
                    Relation::SucceededBy => s == o,
                    _ => subjects.contains(&s) && objects.contains(&o),
                };
                assert_eq!(relation.allows(s, o), expected, "{relation}: {s} -> {o}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, Relation::ALL.len() * 15 * 15);
}

#[test]
fn containers_match_the_documented_table() {
    let rows = between("<!-- containers:start -->", "<!-- containers:end -->");
    for &k in Kind::ALL {
        let row = rows.iter().map(|r| cells(r)).find(|c| c[0] == k.as_str());
        let documented = row.map(|c| kinds(&c[1])).unwrap_or_default();
        let in_code: Vec<Kind> = containers(k).iter().collect();
        let mut documented_sorted = documented.clone();
        documented_sorted.sort();
        assert_eq!(in_code, documented_sorted, "containers of {k}");
    }
}

#[test]
fn kinds_and_families_match_the_documented_table() {
    let text = MODEL
        .split("## Kinds")
        .nth(1)
        .unwrap()
        .split("## Relations")
        .next()
        .unwrap();
    let rows: Vec<_> = text
        .lines()
        .filter(|l| l.starts_with("| "))
        .skip(2)
        .collect();
    assert_eq!(rows.len(), Kind::ALL.len());
    for (row, &kind) in rows.iter().zip(Kind::ALL) {
        let c = cells(row);
        assert_eq!(c[1], kind.as_str());
        assert_eq!(c[0], kind.family().as_str());
    }
}
