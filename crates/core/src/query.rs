//! Questions people ask of the graph: who leads what, and what an actor leads.

use petgraph::graph::NodeIndex;

use crate::{Graph, LinkRef, Relation};

/// Who leads and who executes something, or what an actor leads and executes.
///
/// Each entry is the link itself, so its dates, role and sources are at hand.
#[derive(Debug, Clone, Default)]
pub struct Leadership<'g> {
    /// `leads` links: lead nations and leading actors.
    pub leads: Vec<LinkRef<'g>>,
    /// `executes` links: executing agents.
    pub executes: Vec<LinkRef<'g>>,
}

impl Leadership<'_> {
    /// Whether there is neither a lead nor an executing agent.
    pub fn is_empty(&self) -> bool {
        self.leads.is_empty() && self.executes.is_empty()
    }
}

impl Graph {
    /// Who leads `entity` (incoming `leads` links) and who executes it
    /// (incoming `executes` links), in file order.
    ///
    /// ```
    /// let g = partnership::model::dataset();
    /// let fund = g.resolve("C4 Trust Fund").unwrap();
    /// let who = g.leaders(fund);
    /// let names: Vec<_> = who.leads.iter().map(|l| g.node(l.source).name.as_str()).collect();
    /// assert!(names.contains(&"Canada"));
    /// ```
    pub fn leaders(&self, entity: NodeIndex) -> Leadership<'_> {
        Leadership {
            leads: self.links_to(entity, &[Relation::Leads]).collect(),
            executes: self.links_to(entity, &[Relation::Executes]).collect(),
        }
    }

    /// What `actor` leads (outgoing `leads`) and executes (outgoing
    /// `executes`), in file order.
    pub fn led_by(&self, actor: NodeIndex) -> Leadership<'_> {
        Leadership {
            leads: self.links_from(actor, &[Relation::Leads]).collect(),
            executes: self.links_from(actor, &[Relation::Executes]).collect(),
        }
    }
}
