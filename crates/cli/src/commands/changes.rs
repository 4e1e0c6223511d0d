//! `partnership changes`: what began and what ended between two dates.

use std::io::Write;

use partnership_core::changes::{Change, Changed};
use partnership_core::{Graph, PartialDate, Precision, Relation, Source, words};
use serde::Serialize;

use crate::args::{ChangesArgs, ChangesFormat};
use crate::error::Error;
use crate::output::say;
use crate::output::{self, EntityJson};

/// Which list a change is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Began,
    Ended,
    Happened,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Began => "began",
            Kind::Ended => "ended",
            Kind::Happened => "happened",
        }
    }
}

#[derive(Serialize)]
struct ChangeJson<'g> {
    change: Kind,
    group: String,
    date: PartialDate,
    own_date: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<EntityJson<'g>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<EntityJson<'g>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relation: Option<Relation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    object: Option<EntityJson<'g>>,
    text: String,
    sources: &'g [Source],
}

#[derive(Serialize)]
struct ChangesJson<'g> {
    from: PartialDate,
    to: PartialDate,
    changes: Vec<ChangeJson<'g>>,
}

/// Prints what began, ended or happened between `--from` and `--to`, by the
/// library's rule (`Graph::changes`).
///
/// # Errors
/// [`Error::Usage`] when `--from` does not come before `--to` (it starts
/// or ends later); any error writing to
/// `out`.
pub(crate) fn run(args: &ChangesArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let changes = graph.changes(args.from, args.to).map_err(|_| {
        Error::Usage(format!(
            "--from {} does not come before --to {}",
            args.from, args.to
        ))
    })?;
    let lists = [
        (Kind::Began, &changes.began),
        (Kind::Ended, &changes.ended),
        (Kind::Happened, &changes.happened),
    ];
    match args.format {
        ChangesFormat::Json => {
            let json = ChangesJson {
                from: changes.from,
                to: changes.to,
                changes: lists
                    .iter()
                    .flat_map(|(kind, list)| list.iter().map(|c| change_json(graph, *kind, c)))
                    .collect(),
            };
            Ok(output::json(out, &json)?)
        }
        ChangesFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "change",
                "group",
                "date",
                "own_date",
                "subject_id",
                "subject",
                "relation",
                "object_id",
                "object",
                "text",
                "sources",
            ])
            .map_err(csv_error)?;
            for (kind, list) in lists {
                for c in list {
                    let (s, rel, o) = match c.item {
                        Changed::Entity(i) => (i, String::new(), None),
                        Changed::Link(l) => (l.source, l.relation.to_string(), Some(l.target)),
                    };
                    let (sn, on) = (graph.node(s), o.map(|o| graph.node(o)));
                    w.write_record([
                        kind.as_str().to_owned(),
                        c.group(graph).to_string(),
                        c.date.to_string(),
                        c.own_date.to_string(),
                        sn.id.clone(),
                        sn.name.clone(),
                        rel,
                        on.map(|n| n.id.clone()).unwrap_or_default(),
                        on.map(|n| n.name.clone()).unwrap_or_default(),
                        sentence(graph, kind, c),
                        words::sections(c.sources),
                    ])
                    .map_err(csv_error)?;
                }
            }
            w.flush()?;
            Ok(())
        }
        ChangesFormat::Text => {
            say!(
                out,
                "Changes between {} and {}: the graph as of {} compared with the graph as of {}.",
                changes.from,
                changes.to,
                changes.from,
                changes.to
            )?;
            if changes.is_empty() {
                say!(out)?;
                say!(out, "Nothing began or ended.")?;
                return Ok(());
            }
            for (kind, list) in lists {
                if list.is_empty() {
                    continue;
                }
                say!(out)?;
                let heading = match kind {
                    Kind::Began => "Began",
                    Kind::Ended => "Ended",
                    Kind::Happened => "Began and ended on one date",
                };
                say!(out, "{heading} ({})", list.len())?;
                let mut group = None;
                for c in list.iter() {
                    let g = c.group(graph);
                    if group != Some(g) {
                        say!(out, "  {g}")?;
                        group = Some(g);
                    }
                    say!(out, "    {}", sentence(graph, kind, c))?;
                }
            }
            Ok(())
        }
    }
}

fn change_json<'g>(graph: &'g Graph, kind: Kind, c: &Change<'g>) -> ChangeJson<'g> {
    let (entity, subject, relation, object) = match c.item {
        Changed::Entity(i) => (Some(EntityJson::new(graph, i)), None, None, None),
        Changed::Link(l) => (
            None,
            Some(EntityJson::new(graph, l.source)),
            Some(l.relation),
            Some(EntityJson::new(graph, l.target)),
        ),
    };
    ChangeJson {
        change: kind,
        group: c.group(graph).to_string(),
        date: c.date,
        own_date: c.own_date,
        entity,
        subject,
        relation,
        object,
        text: sentence(graph, kind, c),
        sources: c.sources,
    }
}

/// `in 2014-09`, `on 2014-09-04`.
fn at(date: PartialDate) -> String {
    match date.precision() {
        Precision::Day => format!("on {date}"),
        _ => format!("in {date}"),
    }
}

/// One change in a sentence.
fn sentence(graph: &Graph, kind: Kind, c: &Change<'_>) -> String {
    match c.item {
        Changed::Entity(i) => {
            let what = words::label(graph.node(i));
            match kind {
                Kind::Began => format!("{what} began {}.", at(c.date)),
                Kind::Ended => format!("{what} ended {}.", at(c.date)),
                Kind::Happened => format!("{what} took place {}.", at(c.date)),
            }
        }
        Changed::Link(l) => {
            let statement = words::link_sentence(graph, l.index);
            let when = match kind {
                Kind::Began => format!("from {}", c.date),
                Kind::Ended => format!("until {}", c.date),
                Kind::Happened => at(c.date),
            };
            format!("{statement}, {when}.")
        }
    }
}

fn csv_error(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::from(io),
        other => Error::from(std::io::Error::other(format!("{other:?}"))),
    }
}
