//! `partnership links`: links filtered by relation, subject, object and
//! date, each as a sentence with its dates and sources.

use std::io::Write;

use partnership_core::filter::{LinkQuery, When};
use partnership_core::{Graph, LinkRef, PartialDate, Relation, Source, words};
use serde::Serialize;

use crate::args::{Dates, LinksArgs, OutputFormat};
use crate::data;
use crate::error::Error;
use crate::output::{self, EntityJson, Table};

#[derive(Serialize)]
struct LinkJson<'g> {
    subject: EntityJson<'g>,
    relation: Relation,
    object: EntityJson<'g>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'g str>,
    sentence: String,
    sources: &'g [Source],
}

/// The library's date filter for `--as-of` or `--between`.
///
/// # Errors
/// [`Error::Usage`] when the range starts after it ends.
pub(crate) fn when(dates: &Dates) -> Result<Option<When>, Error> {
    if let Some(date) = dates.as_of {
        return Ok(Some(When::AsOf(date)));
    }
    match dates.between[..] {
        [from, to] => When::between(from, to)
            .map(Some)
            .map_err(|e| Error::Usage(format!("--between: {e}"))),
        _ => Ok(None),
    }
}

/// The date filter in words, for messages: ` as of 2010`, ` between 2014
/// and 2016`.
pub(crate) fn when_words(when: Option<When>) -> String {
    match when {
        None => String::new(),
        Some(When::AsOf(d)) => format!(" as of {d}"),
        Some(When::Between(a, b)) => format!(" between {a} and {b}"),
    }
}

/// Prints the links the filters leave, in file order.
///
/// # Errors
/// [`Error::Lookup`] when `--from` or `--to` names no entity or several;
/// [`Error::Usage`] for a reversed `--between`; [`Error::NothingFound`]
/// when no link matches; any error writing to `out`.
pub(crate) fn run(args: &LinksArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let resolve = |names: &[String]| -> Result<Vec<_>, Error> {
        names.iter().map(|n| data::resolve(graph, n)).collect()
    };
    let when = when(&args.dates)?;
    let mut query = LinkQuery::new()
        .relations(args.relations.iter().copied())
        .subjects(resolve(&args.from)?)
        .subject_kinds(args.from_kind.iter().copied())
        .objects(resolve(&args.to)?)
        .object_kinds(args.to_kind.iter().copied());
    query.when = when;
    let links = query.links(graph);

    let mut csv = Table::new(&[
        "SUBJECT_ID",
        "SUBJECT",
        "RELATION",
        "OBJECT_ID",
        "OBJECT",
        "SINCE",
        "UNTIL",
        "ROLE",
        "SENTENCE",
        "SOURCES",
    ]);
    match args.output.format {
        OutputFormat::Json => {
            let json: Vec<_> = links.iter().map(|l| link_json(graph, l)).collect();
            output::json(out, &json)?;
        }
        OutputFormat::Csv => {
            for l in &links {
                let (s, t) = (graph.node(l.source), graph.node(l.target));
                csv.row([
                    s.id.clone(),
                    s.name.clone(),
                    l.relation.as_str().to_owned(),
                    t.id.clone(),
                    t.name.clone(),
                    output::date_cell(l.since),
                    output::date_cell(l.until),
                    l.role.clone().unwrap_or_default(),
                    words::link_sentence(graph, l.index),
                    output::citations(&l.sources),
                ]);
            }
            csv.write_csv(out)?;
        }
        OutputFormat::Text if !links.is_empty() => {
            let mut table = Table::new(&["LINK", "DATES", "SOURCE"]);
            for l in &links {
                table.row([
                    words::link_sentence(graph, l.index),
                    output::span(l.since, l.until),
                    words::sections(&l.sources),
                ]);
            }
            table.write(out)?;
        }
        OutputFormat::Text => {}
    }
    if links.is_empty() {
        return Err(Error::NothingFound(format!(
            "no link matches{}",
            describe(graph, args, when)?
        )));
    }
    Ok(())
}

/// The filters in words: `: relation chairs, to NATO-Ukraine Commission`.
fn describe(graph: &Graph, args: &LinksArgs, when: Option<When>) -> Result<String, Error> {
    let mut parts = Vec::new();
    let list = |items: Vec<String>| items.join(" or ");
    if !args.relations.is_empty() {
        let names = args.relations.iter().map(|r| r.as_str().to_owned());
        parts.push(format!("relation {}", list(names.collect())));
    }
    for (names, kinds, side) in [
        (&args.from, &args.from_kind, "from"),
        (&args.to, &args.to_kind, "to"),
    ] {
        if !names.is_empty() {
            let names: Result<Vec<_>, Error> = names
                .iter()
                .map(|n| Ok(graph.node(data::resolve(graph, n)?).name.clone()))
                .collect();
            parts.push(format!("{side} {}", list(names?)));
        }
        if !kinds.is_empty() {
            let kinds = kinds.iter().map(|k| format!("a {k}"));
            parts.push(format!("{side} {}", list(kinds.collect())));
        }
    }
    let mut text = if parts.is_empty() {
        String::new()
    } else {
        format!(": {}", parts.join(", "))
    };
    text.push_str(&when_words(when));
    Ok(text)
}

fn link_json<'g>(graph: &'g Graph, l: &LinkRef<'g>) -> LinkJson<'g> {
    LinkJson {
        subject: EntityJson::new(graph, l.source),
        relation: l.relation,
        object: EntityJson::new(graph, l.target),
        since: l.since,
        until: l.until,
        role: l.weight.role.as_deref(),
        description: l.weight.description.as_deref(),
        sentence: words::link_sentence(graph, l.index),
        sources: &l.weight.sources,
    }
}
