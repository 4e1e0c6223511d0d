//! Quality checks on the embedded curated dataset (`data/nato-ukraine.json`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;

use partnership_core::{Kind, Relation, dataset, normalize, try_dataset};

#[test]
fn embedded_dataset_loads_without_error() {
    if let Err(e) = try_dataset() {
        let all: Vec<String> = e.problems().iter().map(ToString::to_string).collect();
        panic!("{e}\n{}", all.join("\n"));
    }
}

#[test]
fn every_node_has_a_link() {
    let g = dataset();
    let mut degree = vec![0usize; g.node_count()];
    for l in g.links() {
        degree[l.source.index()] += 1;
        degree[l.target.index()] += 1;
    }
    let lonely: Vec<_> = g
        .nodes()
        .filter(|(i, _)| degree[i.index()] == 0)
        .map(|(_, n)| n.id.as_str())
        .collect();
    assert!(lonely.is_empty(), "nodes with no link: {lonely:?}");
}

#[test]
fn no_two_nodes_share_a_normalised_name_or_alias() {
    let g = dataset();
    let mut owner: HashMap<String, &str> = HashMap::new();
    let mut clashes = Vec::new();
    for (_, n) in g.nodes() {
        let mut mine: Vec<String> = std::iter::once(&n.name)
            .chain(&n.aliases)
            .map(|s| normalize(s))
            .collect();
        mine.sort();
        mine.dedup();
        for key in mine {
            if let Some(other) = owner.insert(key.clone(), &n.id) {
                clashes.push(format!("{key:?}: {other} and {}", n.id));
            }
        }
    }
    assert!(clashes.is_empty(), "{clashes:#?}");
}

#[test]
fn every_citation_names_a_declared_document_and_one_of_its_headings() {
    let g = dataset();
    let docs = &g.meta().sources;
    let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["relations-with-ukraine-2017", "charter-1997"]);
    for d in docs {
        assert!(!d.sections.is_empty(), "{} lists no headings", d.id);
    }
    let cites = g
        .nodes()
        .flat_map(|(_, n)| n.sources.iter())
        .chain(g.links().flat_map(|l| l.link.sources.iter()));
    for c in cites {
        let doc = g.meta().document(&c.document);
        assert!(
            doc.is_some_and(|d| d.sections.contains(&c.section)),
            "{c:?} is not a declared heading"
        );
    }
}

#[test]
fn every_event_has_a_date() {
    let g = dataset();
    let undated: Vec<_> = g
        .nodes()
        .filter(|(_, n)| n.kind == Kind::Event && n.date.is_none())
        .map(|(_, n)| n.id.as_str())
        .collect();
    assert!(undated.is_empty(), "{undated:?}");
}

#[test]
fn holds_office_links_carry_role_and_since() {
    let g = dataset();
    for l in g
        .links()
        .filter(|l| l.link.relation == Relation::HoldsOffice)
    {
        assert!(l.link.role.is_some(), "{:?}", g.end_ids(l.index));
        assert!(l.link.since.is_some(), "{:?}", g.end_ids(l.index));
    }
}

#[test]
fn saving_the_dataset_gives_back_the_same_graph_and_bytes() {
    let g = dataset();
    let text = g.to_json_string();
    let again = partnership_core::Graph::from_json_str(&text).unwrap();
    assert_eq!(&again, g);
    assert_eq!(again.to_json_string(), text);
}

/// Ids of the nodes at the other end of `relation` links into `target`.
fn subjects(target: &str, relation: Relation) -> Vec<String> {
    let g = dataset();
    let t = g
        .index_of(target)
        .unwrap_or_else(|| panic!("no node {target}"));
    let mut v: Vec<String> = g
        .links_to(t, &[relation])
        .map(|l| g.node(l.source).id.clone())
        .collect();
    v.sort();
    v
}

// The expected values below are read directly off the source documents
// (the section named in each comment), not off the data file.

#[test]
fn trust_fund_leads_and_executing_agents_match_the_page() {
    // "Trust Fund on Command, Control, Communications and Computers (C4)"
    assert_eq!(
        subjects("c4-trust-fund", Relation::Leads),
        ["canada", "germany", "united-kingdom"]
    );
    assert_eq!(subjects("c4-trust-fund", Relation::Executes), ["ncia"]);
    // "Trust Fund on Logistics and Standardization"
    assert_eq!(
        subjects("logistics-and-standardization-trust-fund", Relation::Leads),
        ["czech-republic", "netherlands", "poland"]
    );
    // "Trust Fund on Cyber Defence", "... Military Career Transition"
    assert_eq!(
        subjects("cyber-defence-trust-fund", Relation::Leads),
        ["romania"]
    );
    assert_eq!(
        subjects("military-career-transition-trust-fund", Relation::Leads),
        ["norway"]
    );
    // "Trust Fund on Medical Rehabilitation": led by Bulgaria, executed by NSPA.
    assert_eq!(
        subjects("medical-rehabilitation-trust-fund", Relation::Leads),
        ["bulgaria"]
    );
    assert_eq!(
        subjects("medical-rehabilitation-trust-fund", Relation::Executes),
        ["nspa"]
    );
}

#[test]
fn the_c4_fund_has_its_four_projects() {
    // The three C4 sub-headings list RASP, Secure Tactical Communications,
    // Knowledge Sharing and Situational Awareness.
    let parts = subjects("c4-trust-fund", Relation::PartOf);
    for p in [
        "rasp",
        "secure-tactical-communications-project",
        "knowledge-sharing-project",
        "situational-awareness-project",
    ] {
        assert!(parts.iter().any(|x| x == p), "{p} missing from {parts:?}");
    }
}

#[test]
fn the_charter_establishes_the_commission_and_names_resolve() {
    let g = dataset();
    // Charter III: the NATO-Ukraine Commission and the Joint Working Group
    // on Defence Reform are created.
    let made = subjects("nato-ukraine-commission", Relation::Establishes);
    assert!(made.iter().any(|x| x == "charter-1997"), "{made:?}");
    assert_eq!(g.resolve("NUC"), g.resolve("NATO-Ukraine Commission"));
    assert_eq!(g.resolve("nspa").map(|i| g.node(i).id.as_str()), Ok("nspa"));
    // Milestones: the NACC was replaced in 1997 by the EAPC.
    assert_eq!(
        subjects("euro-atlantic-partnership-council", Relation::SucceededBy),
        ["north-atlantic-cooperation-council"]
    );
    // Milestones: the Wales summit ran 4-5 September 2014.
    let wales = g.node_by_id("wales-summit-2014").unwrap();
    assert_eq!(
        wales.date.map(|d| d.to_string()).as_deref(),
        Some("2014-09-04")
    );
    assert_eq!(
        wales.until.map(|d| d.to_string()).as_deref(),
        Some("2014-09-05")
    );
}
