//! Quality checks on the embedded curated dataset (`data/nato-ukraine.json`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, HashMap};

use partnership_core::{AttrValue, Kind, PartialDate, Relation, dataset, normalize, try_dataset};

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
        .chain(g.links().flat_map(|l| l.weight.sources.iter()));
    for c in cites {
        let doc = g.meta().document(&c.document);
        assert!(
            doc.is_some_and(|d| d.sections.contains(&c.section)),
            "{c:?} is not a declared heading"
        );
    }
}

#[test]
fn every_event_has_a_date_or_a_start() {
    // A happening has a point `date`; a situation the text treats as still
    // going on (the conflict) has `since` and no `date`. Never both.
    let g = dataset();
    let bad: Vec<_> = g
        .nodes()
        .filter(|(_, n)| n.kind == Kind::Event && n.date.is_some() == n.since.is_some())
        .map(|(_, n)| n.id.as_str())
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
}

#[test]
fn ongoing_situations_have_a_start_and_no_point_date() {
    // "Response to the Russia-Ukraine conflict" and the July 2017 milestone
    // treat these as still going on.
    let g = dataset();
    for id in [
        "russia-ukraine-conflict",
        "destabilisation-of-eastern-ukraine",
        "russian-military-intervention",
        "annexation-of-crimea",
    ] {
        let n = g.node_by_id(id).unwrap();
        assert!(
            n.since.is_some() && n.date.is_none() && n.until.is_none(),
            "{id}"
        );
        assert_eq!(text_attr(n, "ongoing"), Some("yes"), "{id}");
    }
    for (_, n) in g.nodes() {
        if text_attr(n, "ongoing") == Some("yes") {
            assert!(n.since.is_some() && n.date.is_none(), "{}", n.id);
        }
    }
}

fn text_attr<'n>(n: &'n partnership_core::Node, key: &str) -> Option<&'n str> {
    match n.attributes.get(key) {
        Some(AttrValue::Text(t)) => Some(t),
        _ => None,
    }
}

fn link_text_attr<'l>(l: &'l partnership_core::Link, key: &str) -> Option<&'l str> {
    match l.attributes.get(key) {
        Some(AttrValue::Text(t)) => Some(t),
        _ => None,
    }
}

/// Where a node's span starts: `since`, else `date`.
fn start(n: &partnership_core::Node) -> Option<PartialDate> {
    n.since.or(n.date)
}

/// Where a node's span ends: `until`, else a point `date`.
fn end(n: &partnership_core::Node) -> Option<PartialDate> {
    n.until.or(if n.since.is_none() { n.date } else { None })
}

#[test]
fn holds_office_links_carry_role_and_since() {
    let g = dataset();
    for l in g.links().filter(|l| l.relation == Relation::HoldsOffice) {
        assert!(l.role.is_some(), "{:?}", g.end_ids(l.index));
        assert!(l.since.is_some(), "{:?}", g.end_ids(l.index));
    }
}

/// One term in an office: from, to (open when `None`), who.
type Term = (PartialDate, Option<PartialDate>, String);

#[test]
fn no_office_has_two_holders_on_any_date() {
    // One office is one role in one state, organisation or body. Terms must
    // follow each other: one holder's `until` at or before the next one's
    // `since` (a shared partial date is the hand-over, which fell within
    // it), and at most the last term open.
    let g = dataset();
    let mut offices: BTreeMap<(String, String), Vec<Term>> = BTreeMap::new();
    for l in g.links().filter(|l| l.relation == Relation::HoldsOffice) {
        let role = l.role.clone().unwrap();
        let since = l.since.unwrap();
        let who = g.node(l.source).id.clone();
        assert!(
            link_text_attr(l.weight, "since_basis").is_some(),
            "{who}: since_basis"
        );
        if l.until.is_some() {
            assert!(
                link_text_attr(l.weight, "until_basis").is_some(),
                "{who}: until_basis"
            );
        }
        offices
            .entry((g.node(l.target).id.clone(), role))
            .or_default()
            .push((since, l.until, who));
    }
    for (office, mut terms) in offices {
        terms.sort();
        for pair in terms.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(
                a.1.is_some_and(|until| until <= b.0),
                "{office:?}: {} (to {:?}) overlaps {} (from {})",
                a.2,
                a.1,
                b.2,
                b.0
            );
        }
    }
    // Read off the page: four Presidents and three Prime Ministers by
    // July 2017; on 1 June 2017 one of each is in office.
    let on: PartialDate = "2017-06-01".parse().unwrap();
    for (role, who) in [
        ("President", "petro-poroshenko"),
        ("Prime Minister", "volodymyr-groysman"),
    ] {
        let holders: Vec<_> = g
            .links()
            .filter(|l| l.relation == Relation::HoldsOffice)
            .filter(|l| l.role.as_deref() == Some(role) && l.weight.active_at(&on))
            .map(|l| g.node(l.source).id.as_str())
            .collect();
        assert_eq!(holders, [who], "{role}");
    }
}

#[test]
fn links_that_create_a_node_agree_with_its_date() {
    // `establishes`: the link's date and the created node's start overlap.
    // `signs`, `ratifies`, `adopts` on an agreement or document: not before
    // the node's start, which is its (first) signature.
    let g = dataset();
    let mut bad = Vec::new();
    for l in g.links() {
        let target = g.node(l.target);
        let (Some(at), Some(begins)) = (l.since, start(target)) else {
            continue;
        };
        let ok = match l.relation {
            Relation::Establishes => at.overlaps(&begins),
            Relation::Signs | Relation::Ratifies | Relation::Adopts
                if matches!(target.kind, Kind::Agreement | Kind::Document) =>
            {
                at.end() >= begins.start()
            }
            _ => true,
        };
        if !ok {
            bad.push(format!(
                "{} {} {} ({at} vs {begins})",
                g.node(l.source).id,
                l.relation,
                target.id
            ));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn every_signature_is_dated() {
    // Every signature the page names is a dated link from each party.
    let g = dataset();
    for l in g.links().filter(|l| l.relation == Relation::Signs) {
        assert!(
            l.since.is_some(),
            "{} signs {}",
            g.node(l.source).id,
            g.node(l.target).id
        );
    }
    // Milestones and "Public information/strategic communications".
    for (agreement, parties) in [
        ("charter-1997", &["nato", "ukraine"][..]),
        ("strategic-airlift-agreement", &["nato", "ukraine"]),
        ("declaration-2009", &["nato", "ukraine"]),
        (
            "nato-representation-status-agreement",
            &["government-of-ukraine", "nato"],
        ),
        ("isaf-land-transit-agreement", &["ukraine"]),
        (
            "strategic-communications-partnership-roadmap",
            &["jens-stoltenberg", "oleksandr-turchynov"],
        ),
        ("non-bloc-status-law", &["petro-poroshenko"]),
    ] {
        assert_eq!(subjects(agreement, Relation::Signs), parties, "{agreement}");
    }
}

#[test]
fn memberships_end_when_the_body_ends() {
    // Also taking part in, contributing to or leading an operation, programme
    // or event: it ends when that thing ends.
    let g = dataset();
    for l in g.links().filter(|l| {
        matches!(
            l.relation,
            Relation::MemberOf
                | Relation::ParticipatesIn
                | Relation::ContributesTo
                | Relation::Leads
        )
    }) {
        let body = g.node(l.target);
        if let Some(ends) = end(body) {
            assert!(
                l.until.is_some_and(|u| u.start() <= ends.end()),
                "{} in {}: the body ends {ends}, the link {:?}",
                g.node(l.source).id,
                body.id,
                l.until
            );
        }
    }
}

#[test]
fn succeeded_by_runs_forward_in_time() {
    // The predecessor starts before its successor and ends no later than
    // the successor starts; the link is dated with the hand-over.
    let g = dataset();
    for l in g.links().filter(|l| l.relation == Relation::SucceededBy) {
        let (a, b) = (g.node(l.source), g.node(l.target));
        let b_start = start(b).unwrap_or_else(|| panic!("{} needs a start", b.id));
        assert!(end(a).or(start(a)).is_some(), "{} needs a date", a.id);
        if let Some(a_start) = start(a) {
            assert!(a_start < b_start, "{} starts after {}", a.id, b.id);
        }
        if let Some(a_end) = end(a) {
            assert!(a_end <= b_start, "{} ends after {} starts", a.id, b.id);
        }
        assert_eq!(l.since, Some(b_start), "{} -> {}", a.id, b.id);
    }
}

#[test]
fn exercises_are_operations() {
    // The model's rule (docs/MODEL.md): a named or one-off exercise is an
    // `operation` spanning its days; an event may only be a moment inside one.
    let g = dataset();
    for (i, n) in g.nodes() {
        let named = n.name.to_lowercase();
        let is_exercise = named.contains("exercise")
            || [
                "trans-carpathia-2000",
                "joint-assistance-2005",
                "crna-gora-2016",
            ]
            .contains(&n.id.as_str());
        if !is_exercise {
            continue;
        }
        if n.kind == Kind::Event {
            let inside = g
                .links_from(i, &[Relation::PartOf])
                .any(|l| g.node(l.target).kind == Kind::Operation);
            assert!(
                inside,
                "{} is an event but not a moment of an exercise",
                n.id
            );
        } else {
            assert_eq!(n.kind, Kind::Operation, "{}", n.id);
        }
    }
}

// The dates written in "Milestones in relations", extracted from the page
// by scripts/milestone_dates.py (independently of the data file).
// 69 dates, produced by scripts/milestone_dates.py
const MILESTONE_DATES: &[&str] = &[
    "1991",
    "1997",
    "1994",
    "1996",
    "1997-05",
    "1997-07",
    "1998",
    "1999",
    "2000-05",
    "2000-09",
    "2002-05",
    "2002-07",
    "2002-11",
    "2004-03",
    "2004-06",
    "2004",
    "2005-02",
    "2005-04",
    "2005-10",
    "2006-02",
    "2006-06",
    "2006-09",
    "2006-10",
    "2007-06",
    "2007",
    "2008-04",
    "2008",
    "2008-12",
    "2009-04",
    "2009-08-21",
    "2010-02",
    "2010-05",
    "2010-11",
    "2011-04",
    "2012-05",
    "2012-11",
    "2013-02",
    "2013-12",
    "2014-03",
    "2014-03-16",
    "2014-04",
    "2014-06",
    "2014-09-04",
    "2014-09-05",
    "2014-12-02",
    "2014-12-15",
    "2014-12-29",
    "2015-01",
    "2014-12",
    "2015-01-29",
    "2015-05-13",
    "2015-02-12",
    "2015-09-21",
    "2015-09-25",
    "2015-09-22",
    "2015-12-02",
    "2015-12-17",
    "2016",
    "2016-03-08",
    "2016-03-11",
    "2016-06-15",
    "2016-07-09",
    "2016-10-20",
    "2016-11-15",
    "2016-12-07",
    "2017-02-09",
    "2017-03-31",
    "2017-07-09",
    "2017-07-10",
];

#[test]
fn every_milestone_date_is_on_an_event_or_link() {
    let g = dataset();
    let mut seen: Vec<PartialDate> = g
        .nodes()
        .filter(|(_, n)| n.kind == Kind::Event)
        .flat_map(|(_, n)| [n.date, n.since, n.until])
        .flatten()
        .collect();
    seen.extend(
        g.links()
            .filter(|l| {
                l.weight
                    .sources
                    .iter()
                    .any(|s| s.section == "Milestones in relations")
            })
            .flat_map(|l| [l.since, l.until])
            .flatten(),
    );
    let missing: Vec<_> = MILESTONE_DATES
        .iter()
        .filter(|d| !seen.contains(&d.parse().unwrap()))
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn the_data_covers_up_to_the_page_update() {
    let g = dataset();
    let c = g.coverage().unwrap();
    // "Last updated: 11 Jul. 2017" on the page.
    assert_eq!(c.until.to_string(), "2017-07-11");
    let last = g
        .nodes()
        .flat_map(|(_, n)| [n.since, n.until, n.date])
        .chain(g.links().flat_map(|l| [l.since, l.until]))
        .flatten()
        .filter(|d| g.past_coverage(*d).is_some())
        .collect::<Vec<_>>();
    // DEEP runs until 2020: the only date after the coverage, a plan the
    // page states.
    assert!(last.iter().all(|d| d.to_string() == "2020"), "{last:?}");
}

#[test]
fn names_people_type_find_their_entity() {
    let g = dataset();
    for (typed, id) in [
        ("C4", "c4-trust-fund"),
        ("the Wales summit", "wales-summit-2014"),
        ("Wales Summit 2014", "wales-summit-2014"),
        ("the Warsaw Summit", "warsaw-summit-2016"),
        ("Madrid Summit", "madrid-summit-1997"),
        ("the Charter", "charter-1997"),
        ("CAP", "comprehensive-assistance-package"),
        ("SOFA", "pfp-sofa"),
        ("Rada", "verkhovna-rada"),
        ("the Orange Revolution", "orange-revolution"),
        ("Crimea referendum", "crimea-referendum-2014"),
        ("OAE", "active-endeavour"),
        ("Poroshenko", "petro-poroshenko"),
    ] {
        let found = g.resolve(typed).map(|i| g.node(i).id.as_str());
        assert_eq!(found, Ok(id), "{typed}");
    }
}

#[test]
fn saving_the_dataset_gives_back_the_same_graph_and_bytes() {
    let g = dataset();
    let text = g.to_json_string().unwrap();
    let again = partnership_core::Graph::from_json_str(&text).unwrap();
    assert_eq!(&again, g);
    assert_eq!(again.to_json_string().unwrap(), text);
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
