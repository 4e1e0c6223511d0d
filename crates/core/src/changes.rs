//! What changed between two dates: the entities and links that began, and
//! those that ended, by the activity rule of [`View::as_of`](crate::View::as_of).

use std::cmp::Ordering;

use crate::{Day, Graph, Kind, LinkRef, NodeIndex, PartialDate, Relation, Source};

/// What changed: an entity or a link.
///
/// Two values are equal when they name the same node or the same link.
#[derive(Debug, Clone, Copy)]
pub enum Changed<'g> {
    /// An entity (a node).
    Entity(NodeIndex),
    /// A link, with its ends.
    Link(LinkRef<'g>),
}

impl PartialEq for Changed<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Changed::Entity(a), Changed::Entity(b)) => a == b,
            (Changed::Link(a), Changed::Link(b)) => a.index == b.index,
            _ => false,
        }
    }
}

impl Eq for Changed<'_> {}

/// How changes are grouped: entities by kind, links by relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// Entities of this kind.
    Kind(Kind),
    /// Links of this relation.
    Relation(Relation),
}

impl Group {
    /// Entities first, in [`Kind::ALL`] order, then links in
    /// [`Relation::ALL`] order.
    fn rank(self) -> (u8, usize) {
        match self {
            Group::Kind(k) => (0, Kind::ALL.iter().position(|&x| x == k).unwrap_or(0)),
            Group::Relation(r) => (1, Relation::ALL.iter().position(|&x| x == r).unwrap_or(0)),
        }
    }
}

impl std::fmt::Display for Group {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Group::Kind(k) => f.write_str(k.as_str()),
            Group::Relation(r) => f.write_str(r.as_str()),
        }
    }
}

/// One change: what began or ended, when, and where that is attested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change<'g> {
    /// The entity or link.
    pub item: Changed<'g>,
    /// When it began (for [`Changes::began`] and [`Changes::happened`]) or
    /// ended (for [`Changes::ended`]).
    pub date: PartialDate,
    /// For a link, whether `date` is the link's own `since`/`until` (true)
    /// or the date one of its ends began or ended (false). Always true for
    /// an entity.
    pub own_date: bool,
    /// The citations of the entity or link.
    pub sources: &'g [Source],
}

impl Change<'_> {
    /// The group the change is listed under.
    pub fn group(&self, graph: &Graph) -> Group {
        match self.item {
            Changed::Entity(i) => Group::Kind(graph.node(i).kind),
            Changed::Link(l) => Group::Relation(l.relation),
        }
    }
}

/// The entities and links that began or ended after one date and by
/// another. Made by [`Graph::changes`].
///
/// Each list is sorted by group ([`Change::group`]: entities by kind, then
/// links by relation), then by date, then by graph order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes<'g> {
    /// The first date of the comparison.
    pub from: PartialDate,
    /// The last date.
    pub to: PartialDate,
    /// What was not yet active as of `from` and had begun by `to`, and did
    /// not also end in between on the same date it began.
    pub began: Vec<Change<'g>>,
    /// What was still active as of `from` (or later) and was over before
    /// `to`, except what is in `happened`.
    pub ended: Vec<Change<'g>>,
    /// What began and ended in between on one date: events dated once,
    /// links to them, links dated once.
    pub happened: Vec<Change<'g>>,
}

impl Changes<'_> {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.began.is_empty() && self.ended.is_empty() && self.happened.is_empty()
    }
}

/// The span during which an item is visible in [`View::as_of`]: first and
/// last day (open where `None`) and the dates that set them.
#[derive(Clone, Copy)]
struct Span {
    start: Option<(PartialDate, bool)>,
    end: Option<(PartialDate, bool)>,
}

impl Span {
    fn node(graph: &Graph, i: NodeIndex) -> Span {
        let (s, u) = graph.node(i).span();
        Span {
            start: s.map(|d| (d, true)),
            end: u.map(|d| (d, true)),
        }
    }

    /// A link is visible when it and both its ends are active, so its span
    /// is the overlap of the three: the latest start and the earliest end.
    /// On a tie the link's own date is kept.
    fn link(graph: &Graph, l: &LinkRef<'_>) -> Span {
        let mut span = Span {
            start: l.since.map(|d| (d, true)),
            end: l.until.map(|d| (d, true)),
        };
        for end in [l.source, l.target] {
            let (s, u) = graph.node(end).span();
            if let Some(s) = s
                && span.start.is_none_or(|(d, _)| s.start() > d.start())
            {
                span.start = Some((s, false));
            }
            if let Some(u) = u
                && span.end.is_none_or(|(d, _)| u.end() < d.end())
            {
                span.end = Some((u, false));
            }
        }
        span
    }

    fn first(&self) -> Option<Day> {
        self.start.map(|(d, _)| d.start())
    }

    fn last(&self) -> Option<Day> {
        self.end.map(|(d, _)| d.end())
    }
}

impl Graph {
    /// What began and what ended between `from` and `to`, by the rule of
    /// [`View::as_of`](crate::View::as_of): an entity is active at a date
    /// when its span ([`Node::span`](crate::Node::span)) overlaps the
    /// date's interval, and a link when its own `since`/`until` and both
    /// its ends do. So:
    ///
    /// - it **began** when `as_of(from)` leaves it out because it had not
    ///   begun (its first day is after `from`'s last day) and its first day
    ///   is no later than `to`'s last day;
    /// - it **ended** when `as_of(to)` leaves it out because it was over
    ///   (its last day is before `to`'s first day) and its last day is no
    ///   earlier than `from`'s first day.
    ///
    /// Everything in `as_of(to)` but not in `as_of(from)` began, everything
    /// in `as_of(from)` but not in `as_of(to)` ended, and an item that
    /// both began and ended in between is listed under both, or once under
    /// [`Changes::happened`] when it began and ended on one date. With
    /// partial dates the edges follow from the same rule: from 2010 to
    /// 2016, a fund `since: 2010-06` was already active as of 2010 and did
    /// not begin; an office `until: 2016-03` was still active as of 2016
    /// and did not end. A link with no dates of its own begins or ends with
    /// the later-starting or earlier-ending of its two ends
    /// ([`Change::own_date`] is then false).
    ///
    /// # Errors
    /// [`DateError::Reversed`](crate::DateError::Reversed) when `from`
    /// starts after `to` starts or ends after `to` ends (so `2016` to
    /// `2016-05` is refused, as the year runs past the month). Equal dates
    /// are accepted and nothing changes between them.
    ///
    /// ```
    /// use partnership::model::{dataset, changes::Changed};
    /// let g = dataset();
    /// let changes = g.changes("2010".parse()?, "2016".parse()?)?;
    /// let cyber = g.resolve("Trust Fund on Cyber Defence").unwrap();
    /// let began = changes.began.iter().find(|c| c.item == Changed::Entity(cyber)).unwrap();
    /// assert_eq!(began.date.to_string(), "2014-09");
    /// # Ok::<(), partnership::model::DateError>(())
    /// ```
    pub fn changes(
        &self,
        from: PartialDate,
        to: PartialDate,
    ) -> Result<Changes<'_>, crate::DateError> {
        if from.start() > to.start() || from.end() > to.end() {
            return Err(crate::DateError::Reversed {
                from: from.to_string(),
                to: to.to_string(),
            });
        }
        let mut changes = Changes {
            from,
            to,
            began: Vec::new(),
            ended: Vec::new(),
            happened: Vec::new(),
        };
        let items = self
            .nodes()
            .map(|(i, n)| (Changed::Entity(i), Span::node(self, i), &n.sources[..]))
            .chain(self.links().map(|l| {
                (
                    Changed::Link(l),
                    Span::link(self, &l),
                    &l.weight.sources[..],
                )
            }));
        for (item, span, sources) in items {
            // No check that the span is non-empty: `as_of(2006)` shows a
            // link `until: 2006-01` to a fund `since: 2006-03`, as each
            // overlaps the year, so the rule must see it too.
            let began = span
                .first()
                .is_some_and(|d| from.end() < d && d <= to.end());
            let ended = span
                .last()
                .is_some_and(|d| from.start() <= d && d < to.start());
            let change = |(date, own_date): (PartialDate, bool)| Change {
                item,
                date,
                own_date,
                sources,
            };
            match (span.start, span.end) {
                (Some(s), Some(e)) if began && ended && s.0 == e.0 => {
                    changes.happened.push(change(s));
                }
                (start, end) => {
                    if let Some(s) = start.filter(|_| began) {
                        changes.began.push(change(s));
                    }
                    if let Some(e) = end.filter(|_| ended) {
                        changes.ended.push(change(e));
                    }
                }
            }
        }
        for list in [
            &mut changes.began,
            &mut changes.ended,
            &mut changes.happened,
        ] {
            list.sort_by(|a, b| self.change_order(a, b));
        }
        Ok(changes)
    }

    fn change_order(&self, a: &Change<'_>, b: &Change<'_>) -> Ordering {
        let key = |c: &Change<'_>| match c.item {
            Changed::Entity(i) => (0, i.index()),
            Changed::Link(l) => (1, l.index.index()),
        };
        a.group(self)
            .rank()
            .cmp(&b.group(self).rank())
            .then(a.date.cmp(&b.date))
            .then(key(a).cmp(&key(b)))
    }
}
