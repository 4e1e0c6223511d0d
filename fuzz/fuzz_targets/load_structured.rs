//! Mostly valid node-link JSON, built from real kinds, relations, ids,
//! dates and citations, then damaged: fields removed, duplicated, given
//! the wrong type, or unknown fields added. Inputs get past the JSON parser
//! and into validation; whatever loads must round-trip.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use partnership_core::{Kind, Relation};

/// Ids from the dataset and a few plain ones, so links mostly resolve.
const IDS: &[&str] = &[
    "ukraine",
    "nato",
    "canada",
    "c4-trust-fund",
    "nato-ukraine-commission",
    "verkhovna-rada",
    "a",
    "b",
    "c",
    "%3",
];
/// Document ids, declared or not.
const DOCUMENTS: &[&str] = &["relations-with-ukraine-2017", "charter-1997", "notes", ""];
/// Field names the model knows, for unknown-field and duplicate damage.
const FIELDS: &[&str] = &[
    "id",
    "kind",
    "name",
    "aliases",
    "since",
    "until",
    "date",
    "description",
    "attributes",
    "sources",
    "source",
    "target",
    "relation",
    "key",
    "role",
    "document",
    "section",
    "title",
    "url",
    "nodes",
    "edges",
    "links",
    "graph",
    "directed",
    "multigraph",
];

/// A JSON value, written by hand so that an object can hold a key twice.
#[derive(Debug, Clone)]
enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn write(&self, out: &mut String) {
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Num(n) => out.push_str(n),
            J::Str(s) => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
            J::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            J::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(k).unwrap_or_default());
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

fn s(text: &str) -> J {
    J::Str(text.to_owned())
}

/// A value of some type, for mistyped and unknown fields.
#[derive(Arbitrary, Debug)]
enum Odd {
    Null,
    Bool(bool),
    Int(i64),
    Big(u64),
    Float(f64),
    Spelled(u8),
    Text(String),
    EmptyArray,
    EmptyObject,
    Strings(Vec<String>),
}

impl Odd {
    fn json(&self) -> J {
        match self {
            Odd::Null => J::Null,
            Odd::Bool(b) => J::Bool(*b),
            Odd::Int(i) => J::Num(i.to_string()),
            Odd::Big(u) => J::Num(format!("{u}{u}")),
            Odd::Float(f) if f.is_finite() => J::Num(format!("{f:?}")),
            Odd::Float(_) => J::Num("1E5".into()),
            Odd::Spelled(i) => {
                J::Num(["-0", "2.50", "1e400", "0.1e-400", "-1", "7"][usize::from(*i) % 6].into())
            }
            Odd::Text(t) => J::Str(t.clone()),
            Odd::EmptyArray => J::Arr(vec![]),
            Odd::EmptyObject => J::Obj(vec![]),
            Odd::Strings(v) => J::Arr(v.iter().map(|t| s(t)).collect()),
        }
    }
}

/// Damage done to one object.
#[derive(Arbitrary, Debug)]
enum Damage {
    Remove(u8),
    Duplicate(u8, Odd),
    Mistype(u8, Odd),
    Unknown(u8, Odd),
    Named(String, Odd),
}

fn damage(fields: &mut Vec<(String, J)>, all: &[Damage]) {
    for d in all.iter().take(4) {
        let at = |i: &u8, len: usize| usize::from(*i) % len.max(1);
        match d {
            Damage::Remove(i) if !fields.is_empty() => {
                fields.remove(at(i, fields.len()));
            }
            Damage::Duplicate(i, v) if !fields.is_empty() => {
                let key = fields[at(i, fields.len())].0.clone();
                fields.push((key, v.json()));
            }
            Damage::Mistype(i, v) if !fields.is_empty() => {
                let n = at(i, fields.len());
                fields[n].1 = v.json();
            }
            Damage::Unknown(i, v) => {
                fields.push((FIELDS[at(i, FIELDS.len())].to_owned(), v.json()))
            }
            Damage::Named(name, v) => fields.push((name.clone(), v.json())),
            _ => {}
        }
    }
}

#[derive(Arbitrary, Debug)]
struct DatePlan {
    year: u16,
    month: u8,
    day: u8,
    shape: u8,
}

impl DatePlan {
    fn json(&self) -> J {
        let year = 1940 + self.year % 100;
        J::Str(match self.shape % 5 {
            0 => format!("{year}"),
            1 => format!("{year}-{:02}", self.month % 14),
            2 => format!("{year}-{:02}-{:02}", self.month % 14, self.day % 33),
            3 => format!("{year}-{}", self.month),
            _ => format!("{}", self.year),
        })
    }
}

#[derive(Arbitrary, Debug)]
struct CitePlan {
    document: u8,
    section: String,
    damage: Vec<Damage>,
}

impl CitePlan {
    fn json(&self) -> J {
        let mut f = vec![
            (
                "document".to_owned(),
                s(DOCUMENTS[usize::from(self.document) % DOCUMENTS.len()]),
            ),
            ("section".to_owned(), J::Str(self.section.clone())),
        ];
        damage(&mut f, &self.damage);
        J::Obj(f)
    }
}

#[derive(Arbitrary, Debug)]
struct NodePlan {
    id: u8,
    kind: u8,
    name: String,
    aliases: Vec<String>,
    since: Option<DatePlan>,
    until: Option<DatePlan>,
    date: Option<DatePlan>,
    description: Option<String>,
    attributes: Vec<(u8, Odd)>,
    sources: Vec<CitePlan>,
    damage: Vec<Damage>,
}

impl NodePlan {
    fn json(&self) -> J {
        let kind = match Kind::ALL.get(usize::from(self.kind)) {
            Some(k) => k.as_str(),
            None => ["", "State", "unknown-kind"][usize::from(self.kind) % 3],
        };
        let mut f = vec![
            ("id".to_owned(), s(IDS[usize::from(self.id) % IDS.len()])),
            ("kind".to_owned(), s(kind)),
            ("name".to_owned(), J::Str(self.name.clone())),
        ];
        if !self.aliases.is_empty() {
            f.push((
                "aliases".into(),
                J::Arr(self.aliases.iter().map(|a| s(a)).collect()),
            ));
        }
        for (key, date) in [
            ("since", &self.since),
            ("until", &self.until),
            ("date", &self.date),
        ] {
            if let Some(d) = date {
                f.push((key.into(), d.json()));
            }
        }
        if let Some(d) = &self.description {
            f.push(("description".into(), J::Str(d.clone())));
        }
        if !self.attributes.is_empty() {
            let attrs = self
                .attributes
                .iter()
                .map(|(k, v)| (format!("attr_{}", k % 4), v.json()))
                .collect();
            f.push(("attributes".into(), J::Obj(attrs)));
        }
        f.push((
            "sources".into(),
            J::Arr(self.sources.iter().map(CitePlan::json).collect()),
        ));
        damage(&mut f, &self.damage);
        J::Obj(f)
    }
}

#[derive(Arbitrary, Debug)]
struct LinkPlan {
    source: u8,
    target: u8,
    relation: u8,
    key: Option<u8>,
    role: Option<String>,
    since: Option<DatePlan>,
    until: Option<DatePlan>,
    sources: Vec<CitePlan>,
    damage: Vec<Damage>,
}

impl LinkPlan {
    fn json(&self) -> J {
        let relation = match Relation::ALL.get(usize::from(self.relation)) {
            Some(r) => r.as_str(),
            None => ["", "LEADS", "led_by"][usize::from(self.relation) % 3],
        };
        let mut f = vec![
            (
                "source".to_owned(),
                s(IDS[usize::from(self.source) % IDS.len()]),
            ),
            (
                "target".to_owned(),
                s(IDS[usize::from(self.target) % IDS.len()]),
            ),
            ("relation".to_owned(), s(relation)),
        ];
        if let Some(k) = self.key {
            f.push(("key".into(), J::Num(k.to_string())));
        }
        if let Some(r) = &self.role {
            f.push(("role".into(), J::Str(r.clone())));
        }
        for (key, date) in [("since", &self.since), ("until", &self.until)] {
            if let Some(d) = date {
                f.push((key.into(), d.json()));
            }
        }
        f.push((
            "sources".into(),
            J::Arr(self.sources.iter().map(CitePlan::json).collect()),
        ));
        damage(&mut f, &self.damage);
        J::Obj(f)
    }
}

#[derive(Arbitrary, Debug)]
struct Plan {
    name: Option<String>,
    documents: Vec<(u8, String)>,
    nodes: Vec<NodePlan>,
    links: Vec<LinkPlan>,
    links_key: bool,
    damage: Vec<Damage>,
    graph_damage: Vec<Damage>,
}

fuzz_target!(|plan: Plan| {
    let mut graph = Vec::new();
    if let Some(name) = &plan.name {
        graph.push(("name".to_owned(), J::Str(name.clone())));
    }
    let documents = plan
        .documents
        .iter()
        .take(4)
        .map(|(d, title)| {
            J::Obj(vec![
                ("id".into(), s(DOCUMENTS[usize::from(*d) % DOCUMENTS.len()])),
                ("title".into(), J::Str(title.clone())),
            ])
        })
        .collect();
    graph.push(("sources".into(), J::Arr(documents)));
    damage(&mut graph, &plan.graph_damage);
    let mut top = vec![
        ("directed".to_owned(), J::Bool(true)),
        ("multigraph".to_owned(), J::Bool(true)),
        ("graph".to_owned(), J::Obj(graph)),
        (
            "nodes".to_owned(),
            J::Arr(plan.nodes.iter().take(16).map(NodePlan::json).collect()),
        ),
        (
            if plan.links_key { "links" } else { "edges" }.to_owned(),
            J::Arr(plan.links.iter().take(32).map(LinkPlan::json).collect()),
        ),
    ];
    damage(&mut top, &plan.damage);
    let mut text = String::new();
    J::Obj(top).write(&mut text);
    text.push('\n');
    partnership_fuzz::load_and_round_trip(&text);
});
