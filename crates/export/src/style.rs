//! How kinds and relations look, shared by the diagram formats (DOT and
//! Mermaid) so that both draw the graph alike.
//!
//! Fill colours are Paul Tol's "light" scheme and line colours his "muted"
//! scheme (<https://personal.sron.nl/~pault/>), both designed to stay
//! distinct under every common form of colour blindness. Colour carries the
//! family and shape (or line style) carries the kind (or relation), so no
//! distinction rests on colour alone.

use partnership_core::{Kind, Relation};

/// How a node of one kind is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NodeStyle {
    /// Graphviz shape name.
    pub dot_shape: &'static str,
    /// Extra Graphviz `style` flags besides `filled` (`"rounded"`), or "".
    pub dot_style: &'static str,
    /// Mermaid opening and closing shape brackets.
    pub mermaid: (&'static str, &'static str),
    /// Fill colour.
    pub fill: &'static str,
}

// Paul Tol, light scheme.
const LIGHT_BLUE: &str = "#77AADD";
const ORANGE: &str = "#EE8866";
const LIGHT_YELLOW: &str = "#EEDD88";
const PINK: &str = "#FFAABB";
const LIGHT_CYAN: &str = "#99DDFF";
const MINT: &str = "#44BB99";
const PEAR: &str = "#BBCC33";
const PALE_GREY: &str = "#DDDDDD";

pub(crate) fn node_style(kind: Kind) -> NodeStyle {
    // The vocabulary grows with the data: a kind added to the core crate
    // draws as a plain grey box until it is given a look here.
    #[allow(unreachable_patterns)]
    let (dot_shape, dot_style, mermaid, fill) = match kind {
        Kind::State => ("box", "", ("[", "]"), LIGHT_BLUE),
        Kind::Organisation => ("box3d", "", ("[[", "]]"), LIGHT_BLUE),
        Kind::Institution => ("house", "", ("[/", "\\]"), LIGHT_BLUE),
        Kind::Person => ("ellipse", "", ("([", "])"), LIGHT_BLUE),
        Kind::Unit => ("octagon", "", (">", "]"), LIGHT_BLUE),
        Kind::Body => ("box", "rounded", ("(", ")"), ORANGE),
        Kind::Fund => ("cylinder", "", ("[(", ")]"), LIGHT_YELLOW),
        Kind::Agreement => ("note", "", ("[/", "/]"), PINK),
        Kind::Document => ("tab", "", ("[", "]"), PINK),
        Kind::Operation => ("hexagon", "", ("{{", "}}"), MINT),
        Kind::Programme => ("parallelogram", "", ("([", "])"), PEAR),
        Kind::Project => ("component", "", ("[", "]"), PEAR),
        Kind::Event => ("cds", "", ("(", ")"), LIGHT_CYAN),
        Kind::Place => ("egg", "", (">", "]"), PALE_GREY),
        Kind::Area => ("box", "dashed", ("[", "]"), PALE_GREY),
        _ => ("box", "dotted", ("[", "]"), PALE_GREY),
    };
    NodeStyle {
        dot_shape,
        dot_style,
        mermaid,
        fill,
    }
}

/// The pattern of a link's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    /// A plain line.
    Solid,
    /// Dashes.
    Dashed,
    /// Dots.
    Dotted,
}

/// How a link of one relation is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LinkStyle {
    /// The line pattern.
    pub line: Line,
    /// Thick lines for the relations a reader looks for first.
    pub bold: bool,
    /// Line colour.
    pub colour: &'static str,
    /// Graphviz arrow head.
    pub arrowhead: &'static str,
}

// Paul Tol, muted scheme (the darker half, for lines on white).
const INDIGO: &str = "#332288";
const TEAL: &str = "#44AA99";
const GREEN: &str = "#117733";
const OLIVE: &str = "#999933";
const ROSE: &str = "#CC6677";
const WINE: &str = "#882255";
const PURPLE: &str = "#AA4499";
// Neutral, for relations that only give context.
const GREY: &str = "#777777";

/// Line colours for charts, in the order series take them: the muted
/// scheme's dark half, as the DOT links use.
pub(crate) const SERIES: [&str; 7] = [INDIGO, ROSE, GREEN, PURPLE, TEAL, WINE, OLIVE];

/// The neutral grey of axes and context.
pub(crate) const NEUTRAL: &str = GREY;

pub(crate) fn link_style(relation: Relation) -> LinkStyle {
    use Line::{Dashed, Dotted, Solid};
    use Relation as R;
    // As for kinds, a relation added to the core crate draws as a thin grey
    // dashed line (still labelled in words) until it is given a look here.
    #[allow(unreachable_patterns)]
    let (line, bold, colour, arrowhead) = match relation {
        // Who runs what: the reason most diagrams are drawn.
        R::Leads | R::Executes => (Solid, true, INDIGO, "normal"),
        R::Oversees | R::Chairs | R::Coordinates | R::Organises | R::Mandates | R::Conducts => {
            (Solid, false, PURPLE, "normal")
        }
        // Structure.
        R::PartOf => (Solid, false, GREEN, "odiamond"),
        R::MemberOf | R::HoldsOffice => (Solid, false, GREEN, "normal"),
        R::LocatedIn => (Dotted, false, GREEN, "dot"),
        // Money and forces.
        R::Funds | R::ContributesTo => (Solid, true, OLIVE, "normal"),
        // Agreements.
        R::Signs | R::Ratifies | R::Adopts | R::PartyTo | R::Implements | R::Invokes => {
            (Solid, false, WINE, "normal")
        }
        R::BasedOn | R::Complements => (Dashed, false, WINE, "empty"),
        R::Establishes => (Dashed, true, INDIGO, "normal"),
        R::SucceededBy => (Dashed, false, INDIGO, "vee"),
        // Taking part.
        R::ParticipatesIn | R::Attends | R::Hosts | R::Briefs => (Dashed, false, TEAL, "normal"),
        // Stances and contacts.
        R::SeeksMembership
        | R::Requests
        | R::Supports
        | R::LiaisesWith
        | R::ConsultsWith
        | R::CallsOn
        | R::Addresses => (Dotted, false, ROSE, "normal"),
        R::Condemns | R::SuspendsCooperationWith => (Dotted, true, ROSE, "tee"),
        R::Concerns => (Dashed, false, GREY, "empty"),
        _ => (Dashed, false, GREY, "normal"),
    };
    LinkStyle {
        line,
        bold,
        colour,
        arrowhead,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_looks_different() {
        let mut seen = std::collections::HashSet::new();
        for &k in Kind::ALL {
            let s = node_style(k);
            assert!(
                seen.insert((s.dot_shape, s.dot_style, s.fill)),
                "{k} looks like another kind"
            );
        }
    }
}
