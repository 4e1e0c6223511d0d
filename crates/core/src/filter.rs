//! Which links join which entities, and which entities there are: the
//! filters behind `partnership links` and `partnership list`.
//!
//! A [`LinkQuery`] narrows the links by relation, by subject and object
//! (given as nodes or as kinds) and by date, with the same activity rule as
//! [`View::as_of`]: a link counts at a date when its own span and the spans
//! of both its ends overlap that date. An [`EntityQuery`] lists the entities
//! of some kinds with their numbers of links, by name or by date.

use std::cmp::Ordering;

use petgraph::graph::NodeIndex;

use crate::{Graph, Kind, LinkRef, PartialDate, Relation, View};

/// When a link or entity must be active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Active at some time within this date's interval (as [`View::as_of`]).
    AsOf(PartialDate),
    /// Active at some time from the start of the first date to the end of
    /// the second (as [`View::between`]). Make it with [`When::between`],
    /// which checks the order.
    Between(PartialDate, PartialDate),
}

impl When {
    /// The range from the start of `from` to the end of `to`.
    ///
    /// # Errors
    /// [`ReversedRange`] when `from` begins after `to` ends.
    ///
    /// ```
    /// use partnership::model::filter::When;
    /// let d = |s: &str| s.parse().unwrap();
    /// assert!(When::between(d("2014"), d("2016")).is_ok());
    /// assert!(When::between(d("2016"), d("2014")).is_err());
    /// // A year and a month within it overlap, so they make a range.
    /// assert!(When::between(d("2014"), d("2014-03")).is_ok());
    /// ```
    pub fn between(from: PartialDate, to: PartialDate) -> Result<When, ReversedRange> {
        if from.start() > to.end() {
            Err(ReversedRange { from, to })
        } else {
            Ok(When::Between(from, to))
        }
    }

    /// `view` narrowed to what was active then.
    pub fn apply<'g>(self, view: View<'g>) -> View<'g> {
        match self {
            When::AsOf(date) => view.as_of(date),
            When::Between(from, to) => view.between(from, to),
        }
    }
}

/// A date range whose start comes after its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the range starts at {from}, after it ends at {to}")]
pub struct ReversedRange {
    /// The start given.
    pub from: PartialDate,
    /// The end given.
    pub to: PartialDate,
}

/// A filter over links: relations, subjects, objects and dates. Every empty
/// list means "any"; the conditions combine with "and".
///
/// ```
/// use partnership::model::{dataset, filter::LinkQuery, Kind, Relation};
/// let g = dataset();
/// // Which states lead trust funds?
/// let query = LinkQuery::new()
///     .relations([Relation::Leads])
///     .subject_kinds([Kind::State])
///     .object_kinds([Kind::Fund]);
/// let links = query.links(g);
/// assert!(!links.is_empty());
/// assert!(links.iter().all(|l| g.node(l.target).kind == Kind::Fund));
/// // What did Ukraine sign?
/// let ukraine = g.resolve("Ukraine")?;
/// let signed = LinkQuery::new().relations([Relation::Signs]).subjects([ukraine]).links(g);
/// assert!(signed.iter().all(|l| l.source == ukraine));
/// # Ok::<(), partnership::model::LookupError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkQuery {
    /// Only links of these relations.
    pub relations: Vec<Relation>,
    /// Only links whose subject is one of these nodes.
    pub subjects: Vec<NodeIndex>,
    /// Only links whose subject is of one of these kinds.
    pub subject_kinds: Vec<Kind>,
    /// Only links whose object is one of these nodes.
    pub objects: Vec<NodeIndex>,
    /// Only links whose object is of one of these kinds.
    pub object_kinds: Vec<Kind>,
    /// Only links active then, between ends active then.
    pub when: Option<When>,
}

impl LinkQuery {
    /// The query that matches every link.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only links of these relations.
    pub fn relations(mut self, relations: impl IntoIterator<Item = Relation>) -> Self {
        self.relations = relations.into_iter().collect();
        self
    }

    /// Only links from these subjects.
    pub fn subjects(mut self, nodes: impl IntoIterator<Item = NodeIndex>) -> Self {
        self.subjects = nodes.into_iter().collect();
        self
    }

    /// Only links from subjects of these kinds.
    pub fn subject_kinds(mut self, kinds: impl IntoIterator<Item = Kind>) -> Self {
        self.subject_kinds = kinds.into_iter().collect();
        self
    }

    /// Only links to these objects.
    pub fn objects(mut self, nodes: impl IntoIterator<Item = NodeIndex>) -> Self {
        self.objects = nodes.into_iter().collect();
        self
    }

    /// Only links to objects of these kinds.
    pub fn object_kinds(mut self, kinds: impl IntoIterator<Item = Kind>) -> Self {
        self.object_kinds = kinds.into_iter().collect();
        self
    }

    /// Only what was active then.
    pub fn when(mut self, when: When) -> Self {
        self.when = Some(when);
        self
    }

    /// The view of `graph` this query's relations and dates leave.
    pub fn view<'g>(&self, graph: &'g Graph) -> View<'g> {
        let mut view = graph.view();
        if let Some(when) = self.when {
            view = when.apply(view);
        }
        if !self.relations.is_empty() {
            view = view.relations(&self.relations);
        }
        view
    }

    /// Whether a link that the [`view`](Self::view) shows also has the
    /// subject and object asked for.
    pub fn ends_match(&self, graph: &Graph, link: &LinkRef<'_>) -> bool {
        let fits = |node: NodeIndex, nodes: &[NodeIndex], kinds: &[Kind]| {
            (nodes.is_empty() || nodes.contains(&node))
                && (kinds.is_empty() || kinds.contains(&graph.node(node).kind))
        };
        fits(link.source, &self.subjects, &self.subject_kinds)
            && fits(link.target, &self.objects, &self.object_kinds)
    }

    /// The matching links, in the graph's insertion (file) order.
    ///
    /// # Complexity
    /// O(V + E).
    pub fn links<'g>(&self, graph: &'g Graph) -> Vec<LinkRef<'g>> {
        let view = self.view(graph);
        view.links().filter(|l| self.ends_match(graph, l)).collect()
    }
}

/// The order of [`EntityQuery::entities`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum EntityOrder {
    /// By name, case-insensitively, then by id.
    #[default]
    Name,
    /// By the date the entity's span starts (`since`, else `date`), undated
    /// ones last; then by name.
    Date,
}

/// An entity as [`EntityQuery::entities`] lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed {
    /// The node.
    pub index: NodeIndex,
    /// Links it is the subject of, in the query's view.
    pub links_out: usize,
    /// Links it is the object of, in the query's view.
    pub links_in: usize,
}

impl Listed {
    /// Links at either end, a self-link counting once.
    pub fn links(&self) -> usize {
        self.links_out + self.links_in
    }
}

/// A filter over entities: kinds and dates, with an order.
///
/// ```
/// use partnership::model::{dataset, filter::{EntityOrder, EntityQuery}, Kind};
/// let g = dataset();
/// let funds = EntityQuery { kinds: vec![Kind::Fund], ..Default::default() }.entities(g);
/// assert!(funds.iter().all(|e| g.node(e.index).kind == Kind::Fund));
/// let names: Vec<_> = funds.iter().map(|e| g.node(e.index).name.to_lowercase()).collect();
/// assert!(names.windows(2).all(|w| w[0] <= w[1]));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityQuery {
    /// Only entities of these kinds; empty for every kind.
    pub kinds: Vec<Kind>,
    /// Only entities active then; links are counted then too.
    pub when: Option<When>,
    /// The order of the answer.
    pub order: EntityOrder,
}

impl EntityQuery {
    /// The matching entities, ordered, with their numbers of links.
    ///
    /// # Complexity
    /// O(V log V + E).
    pub fn entities(&self, graph: &Graph) -> Vec<Listed> {
        let mut view = graph.view();
        if let Some(when) = self.when {
            view = when.apply(view);
        }
        let mut out = vec![0usize; graph.node_count()];
        let mut inn = vec![0usize; graph.node_count()];
        for l in view.links() {
            out[l.source.index()] += 1;
            if l.source != l.target {
                inn[l.target.index()] += 1;
            }
        }
        let mut listed: Vec<Listed> = view
            .nodes()
            .filter(|(_, n)| self.kinds.is_empty() || self.kinds.contains(&n.kind))
            .map(|(index, _)| Listed {
                index,
                links_out: out[index.index()],
                links_in: inn[index.index()],
            })
            .collect();
        let by_name = |a: &Listed, b: &Listed| {
            let (a, b) = (graph.node(a.index), graph.node(b.index));
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then_with(|| a.id.cmp(&b.id))
        };
        match self.order {
            EntityOrder::Name => listed.sort_by(by_name),
            EntityOrder::Date => listed.sort_by(|a, b| {
                let start = |l: &Listed| graph.node(l.index).span().0;
                match (start(a), start(b)) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                }
                .then_with(|| by_name(a, b))
            }),
        }
        listed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Link, Node, Source};

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    /// a --leads--> f (since 2015), b --leads--> f (2010 to 2012), a --attends--> e.
    fn small() -> Graph {
        let src = Source {
            document: "notes".into(),
            section: "s".into(),
        };
        let mut g = Graph::new();
        for (id, kind) in [
            ("a", Kind::State),
            ("b", Kind::State),
            ("f", Kind::Fund),
            ("e", Kind::Event),
        ] {
            let mut n = Node::new(id, kind, id.to_uppercase(), src.clone());
            if id == "e" {
                n.date = Some(d("2016-05-01"));
            }
            g.add_node(n).unwrap();
        }
        let mut l = Link::new("a", Relation::Leads, "f", src.clone());
        l.since = Some(d("2015"));
        g.add_link(l).unwrap();
        let mut l = Link::new("b", Relation::Leads, "f", src.clone());
        l.since = Some(d("2010"));
        l.until = Some(d("2012"));
        g.add_link(l).unwrap();
        g.add_link(Link::new("a", Relation::Attends, "e", src))
            .unwrap();
        g
    }

    fn pairs(g: &Graph, q: &LinkQuery) -> Vec<(String, String)> {
        q.links(g)
            .iter()
            .map(|l| (g.node(l.source).id.clone(), g.node(l.target).id.clone()))
            .collect()
    }

    #[test]
    fn relations_and_ends_combine() {
        let g = small();
        let a = g.index_of("a").unwrap();
        let all = pairs(&g, &LinkQuery::new());
        assert_eq!(all.len(), 3);
        let leads = pairs(&g, &LinkQuery::new().relations([Relation::Leads]));
        assert_eq!(leads, [("a".into(), "f".into()), ("b".into(), "f".into())]);
        let from_a = pairs(&g, &LinkQuery::new().subjects([a]));
        assert_eq!(from_a, [("a".into(), "f".into()), ("a".into(), "e".into())]);
        let to_events = pairs(&g, &LinkQuery::new().object_kinds([Kind::Event]));
        assert_eq!(to_events, [("a".into(), "e".into())]);
        assert!(pairs(&g, &LinkQuery::new().subject_kinds([Kind::Fund])).is_empty());
    }

    #[test]
    fn dates_follow_the_as_of_rule() {
        let g = small();
        let at = |s| pairs(&g, &LinkQuery::new().when(When::AsOf(d(s))));
        // 2011: only b leads f; the undated attends link needs its event active.
        assert_eq!(at("2011"), [("b".into(), "f".into())]);
        // 2016: a leads f, and the event of 2016-05-01 is active that year.
        assert_eq!(
            at("2016"),
            [("a".into(), "f".into()), ("a".into(), "e".into())]
        );
        let range = |x, y| {
            pairs(
                &g,
                &LinkQuery::new().when(When::between(d(x), d(y)).unwrap()),
            )
        };
        assert_eq!(range("2012", "2015").len(), 2);
        assert_eq!(range("2013", "2014").len(), 0);
        // A range of one date is that date.
        assert_eq!(range("2011", "2011"), at("2011"));
    }

    #[test]
    fn entities_sort_by_name_or_date_with_link_counts() {
        let g = small();
        let by_name = EntityQuery::default().entities(&g);
        let ids: Vec<_> = by_name
            .iter()
            .map(|e| g.node(e.index).id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b", "e", "f"]);
        assert_eq!((by_name[0].links_out, by_name[0].links_in), (2, 0));
        assert_eq!(by_name[3].links(), 2);
        let by_date = EntityQuery {
            order: EntityOrder::Date,
            ..Default::default()
        }
        .entities(&g);
        assert_eq!(g.node(by_date[0].index).id, "e");
        let funds = EntityQuery {
            kinds: vec![Kind::Fund],
            when: Some(When::AsOf(d("2011"))),
            ..Default::default()
        }
        .entities(&g);
        assert_eq!(funds.len(), 1);
        assert_eq!(funds[0].links_in, 1);
    }
}
