//! Relations between nodes and the kinds each relation may join.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::ParseNameError;
use crate::kind::{Family, Kind};

/// A set of [`Kind`]s, stored as a bit mask.
///
/// ```
/// use partnership::model::{Kind, KindSet};
/// let set = KindSet::ACTOR.with(Kind::Body);
/// assert!(set.contains(Kind::Person));
/// assert!(!set.contains(Kind::Fund));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct KindSet(u16);

impl KindSet {
    /// The empty set.
    pub const EMPTY: KindSet = KindSet(0);
    /// Every kind.
    pub const ANY: KindSet = KindSet((1 << 15) - 1);
    /// The actor kinds: state, organisation, institution, person, unit.
    pub const ACTOR: KindSet = KindSet::of(&[
        Kind::State,
        Kind::Organisation,
        Kind::Institution,
        Kind::Person,
        Kind::Unit,
    ]);
    /// The agreement family: agreement and document.
    pub const AGREEMENT: KindSet = KindSet::of(&[Kind::Agreement, Kind::Document]);

    /// The set holding exactly `kinds`.
    pub const fn of(kinds: &[Kind]) -> KindSet {
        let mut bits = 0u16;
        let mut i = 0;
        while i < kinds.len() {
            bits |= 1 << kinds[i] as u16;
            i += 1;
        }
        KindSet(bits)
    }

    /// This set with `kind` added.
    pub const fn with(self, kind: Kind) -> KindSet {
        KindSet(self.0 | 1 << kind as u16)
    }

    /// The union of two sets.
    pub const fn union(self, other: KindSet) -> KindSet {
        KindSet(self.0 | other.0)
    }

    /// This set with `kind` removed.
    pub const fn without(self, kind: Kind) -> KindSet {
        KindSet(self.0 & !(1 << kind as u16))
    }

    /// Whether `kind` is in the set.
    pub const fn contains(self, kind: Kind) -> bool {
        self.0 & (1 << kind as u16) != 0
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The kinds in the set, in [`Kind::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.iter().copied().filter(move |&k| self.contains(k))
    }
}

impl FromIterator<Kind> for KindSet {
    fn from_iter<I: IntoIterator<Item = Kind>>(iter: I) -> Self {
        iter.into_iter().fold(KindSet::EMPTY, KindSet::with)
    }
}

/// How a relation decides whether a subject and object kind fit together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The subject kind must be in [`Schema::subjects`] and the object kind in
    /// [`Schema::objects`].
    Table,
    /// `part_of`: both ends in the same family, or the object is a kind that
    /// can contain the subject (see [`Relation::allows`]).
    Containment,
    /// `succeeded_by`: both ends of the same kind.
    SameKind,
}

/// The kinds a relation may join, subject first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schema {
    /// Kinds allowed as subject (the link's `source`).
    pub subjects: KindSet,
    /// Kinds allowed as object (the link's `target`).
    pub objects: KindSet,
    /// Any further rule between the two ends.
    pub rule: Rule,
}

macro_rules! relations {
    ($($(#[$doc:meta])* $variant:ident = $name:literal, $phrase:literal, $inverse:literal;)*) => {
        /// What a link says about its two nodes, read subject → object.
        ///
        /// The JSON spelling is snake case (`"leads"`, `"part_of"`, ...).
        /// [`Relation::schema`] gives the kinds each relation may join, and
        /// [`Relation::allows`] checks a pair.
        ///
        /// ```
        /// use partnership::model::{Kind, Relation};
        /// let leads: Relation = "leads".parse().unwrap();
        /// assert!(leads.allows(Kind::State, Kind::Fund));
        /// assert!(!leads.allows(Kind::Fund, Kind::State));
        /// assert_eq!(leads.inverse_phrase(), "is led by");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Relation {
            $($(#[$doc])* $variant,)*
        }

        impl Relation {
            /// Every relation, in declaration order.
            pub const ALL: &'static [Relation] = &[$(Relation::$variant,)*];

            /// The JSON spelling of this relation.
            pub fn as_str(self) -> &'static str {
                match self { $(Relation::$variant => $name,)* }
            }

            /// The verb phrase that reads the link forwards: "X *leads* Y".
            pub fn phrase(self) -> &'static str {
                match self { $(Relation::$variant => $phrase,)* }
            }

            /// The verb phrase that reads the link backwards: "Y *is led by* X".
            pub fn inverse_phrase(self) -> &'static str {
                match self { $(Relation::$variant => $inverse,)* }
            }
        }

        impl FromStr for Relation {
            type Err = ParseNameError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($name => Ok(Relation::$variant),)*
                    _ => Err(ParseNameError { what: "relation", value: s.to_owned() }),
                }
            }
        }
    };
}

relations! {
    /// A lead nation or leading actor of a fund, project, programme, body or operation.
    Leads = "leads", "leads", "is led by";
    /// The executing agent that carries out a fund, project or programme.
    Executes = "executes", "executes", "is executed by";
    /// Membership of an organisation or body.
    MemberOf = "member_of", "is a member of", "has as a member";
    /// An aim to join an organisation; `until` marks when it was dropped.
    SeeksMembership = "seeks_membership", "seeks membership of", "is sought by";
    /// Taking part in a programme, operation, event, project, fund or body.
    ParticipatesIn = "participates_in", "takes part in", "has as a participant";
    /// Contributing forces, money or capabilities.
    ContributesTo = "contributes_to", "contributes to", "receives contributions from";
    /// Being a component or subsidiary of something larger.
    PartOf = "part_of", "is part of", "includes";
    /// Creating or launching something.
    Establishes = "establishes", "establishes", "was established by";
    /// Signing an agreement or document.
    Signs = "signs", "signed", "was signed by";
    /// Ratifying an agreement or document.
    Ratifies = "ratifies", "ratified", "was ratified by";
    /// Adopting, endorsing or approving an agreement or programme.
    Adopts = "adopts", "adopted", "was adopted by";
    /// Complementing or extending something.
    Complements = "complements", "complements", "is complemented by";
    /// Resting on or reflecting an earlier agreement, event or programme.
    BasedOn = "based_on", "is based on", "underpins";
    /// Putting an agreement or programme into effect.
    Implements = "implements", "implements", "is implemented by";
    /// Invoking a provision of an agreement.
    Invokes = "invokes", "invoked", "was invoked by";
    /// Asking for a programme, project, event, fund or body.
    Requests = "requests", "requested", "was requested by";
    /// Overseeing or directing.
    Oversees = "oversees", "oversees", "is overseen by";
    /// Chairing a body, institution or event.
    Chairs = "chairs", "chairs", "is chaired by";
    /// Coordinating a programme, project or event.
    Coordinates = "coordinates", "coordinates", "is coordinated by";
    /// Standing liaison between two bodies, institutions or organisations.
    LiaisesWith = "liaises_with", "liaises with", "is a liaison partner of";
    /// A person holding an office; the link's `role` names the office.
    HoldsOffice = "holds_office", "holds office in", "has as an office-holder";
    /// Briefing or addressing a body, institution or event.
    Briefs = "briefs", "briefs", "is briefed by";
    /// Hosting an event, operation or body.
    Hosts = "hosts", "hosts", "is hosted by";
    /// Being located, or taking place, in a place or state.
    LocatedIn = "located_in", "is located in", "is the location of";
    /// Organising an event, operation or programme.
    Organises = "organises", "organises", "is organised by";
    /// Being replaced by a later node of the same kind.
    SucceededBy = "succeeded_by", "was succeeded by", "succeeded";
    /// Supporting, assisting, advising or welcoming.
    Supports = "supports", "supports", "is supported by";
    /// Paying for something.
    Funds = "funds", "funds", "is funded by";
    /// Working in an area of cooperation.
    Addresses = "addresses", "works in", "is the area of";
    /// Attending or taking part in an event.
    Attends = "attends", "attended", "was attended by";
    /// Condemning, or refusing to recognise, an event, state or organisation.
    Condemns = "condemns", "condemns", "is condemned by";
    /// Being a party to an agreement or event.
    PartyTo = "party_to", "is a party to", "has as a party";
    /// Being about something: an agreement on a body's status, a meeting on a
    /// programme. An extension of the base vocabulary.
    Concerns = "concerns", "concerns", "is the subject of";
    /// Calling on or urging a state, organisation or institution to act.
    /// An extension of the base vocabulary.
    CallsOn = "calls_on", "calls on", "is called on by";
    /// Suspending cooperation with a state or organisation. An extension of
    /// the base vocabulary.
    SuspendsCooperationWith = "suspends_cooperation_with", "suspended cooperation with", "had cooperation suspended by";
    /// Giving a body or programme its mandate or role. An extension of the
    /// base vocabulary.
    Mandates = "mandates", "mandates", "is mandated by";
    /// Carrying out a study, programme, project, operation or event. An
    /// extension of the base vocabulary.
    Conducts = "conducts", "conducts", "is conducted by";
    /// Consulting another actor or body. An extension of the base vocabulary.
    ConsultsWith = "consults_with", "consults with", "is consulted by";
    /// Being the one who does what an event records: makes an announcement,
    /// deploys, decides, signs, ratifies, visits. An extension of the base
    /// vocabulary; `attends` is for taking part in someone else's meeting.
    CarriesOut = "carries_out", "carried out", "was carried out by";
}

const fn set(kinds: &[Kind]) -> KindSet {
    KindSet::of(kinds)
}

const ACTOR: KindSet = KindSet::ACTOR;
const AGREEMENT: KindSet = KindSet::AGREEMENT;
const ACTOR_OR_BODY: KindSet = ACTOR.with(Kind::Body);

impl Relation {
    /// The kinds this relation may join.
    ///
    /// This is the single table in code behind [`Relation::allows`]; the
    /// model documentation in `docs/MODEL.md` mirrors it.
    pub const fn schema(self) -> Schema {
        use Kind::*;
        let (subjects, objects) = match self {
            Relation::Leads => (
                ACTOR_OR_BODY,
                set(&[Fund, Project, Programme, Body, Operation]),
            ),
            Relation::Executes => (
                set(&[Organisation, Institution, Body]),
                set(&[Fund, Project, Programme]),
            ),
            Relation::MemberOf => (ACTOR_OR_BODY, set(&[Organisation, Body])),
            Relation::SeeksMembership => (set(&[State, Organisation]), set(&[Organisation])),
            Relation::ParticipatesIn => (
                ACTOR_OR_BODY,
                set(&[Programme, Operation, Event, Project, Fund, Body]),
            ),
            Relation::ContributesTo => (ACTOR_OR_BODY, set(&[Operation, Fund, Programme, Project])),
            Relation::PartOf | Relation::SucceededBy => (KindSet::ANY, KindSet::ANY),
            Relation::Establishes => (
                AGREEMENT.union(ACTOR_OR_BODY).with(Event),
                set(&[Body, Programme, Fund, Operation, Project, Unit, Institution]),
            ),
            Relation::Signs => (ACTOR, AGREEMENT),
            Relation::Ratifies => (set(&[State, Institution]), AGREEMENT),
            Relation::Adopts => (ACTOR_OR_BODY.with(Event), AGREEMENT.with(Programme)),
            Relation::Complements => (
                AGREEMENT.union(set(&[Programme, Fund, Project])),
                AGREEMENT.union(set(&[Programme, Fund, Project, Body])),
            ),
            Relation::BasedOn => (
                AGREEMENT.union(set(&[Programme, Fund, Project])),
                AGREEMENT.union(set(&[Event, Programme, Operation])),
            ),
            Relation::Implements => (
                AGREEMENT
                    .union(ACTOR_OR_BODY)
                    .union(set(&[Programme, Project, Fund])),
                AGREEMENT.with(Programme),
            ),
            Relation::Invokes => (ACTOR_OR_BODY, AGREEMENT),
            Relation::Requests => (ACTOR_OR_BODY, set(&[Programme, Project, Event, Fund, Body])),
            Relation::Oversees => (
                set(&[Body, Institution, Organisation]),
                AGREEMENT.union(set(&[Programme, Body, Fund, Project, Area])),
            ),
            Relation::Chairs => (
                set(&[Person, Institution]),
                set(&[Body, Institution, Event]),
            ),
            Relation::Coordinates => (
                set(&[Person, Institution, Body, Organisation]),
                set(&[Programme, Project, Event]),
            ),
            Relation::LiaisesWith => (
                set(&[Body, Institution, Organisation]),
                set(&[Body, Institution, Organisation]),
            ),
            Relation::HoldsOffice => (
                set(&[Person]),
                set(&[State, Organisation, Institution, Body]),
            ),
            Relation::Briefs => (ACTOR_OR_BODY, set(&[Body, Institution, Event])),
            Relation::Hosts => (
                set(&[State, Place, Institution, Organisation, Person, Body]),
                set(&[Event, Operation, Body]),
            ),
            Relation::LocatedIn => (
                set(&[
                    Body,
                    Institution,
                    Organisation,
                    Unit,
                    Event,
                    Operation,
                    Programme,
                    Fund,
                    Project,
                    Place,
                ]),
                set(&[Place, State]),
            ),
            Relation::Organises => (
                set(&[Body, Organisation, Institution, State]),
                set(&[Event, Operation, Programme]),
            ),
            Relation::Supports => (KindSet::ANY.without(Place), KindSet::ANY.without(Place)),
            Relation::Funds => (
                ACTOR.with(Fund),
                set(&[Project, Programme, Fund, Institution]),
            ),
            Relation::Addresses => (
                AGREEMENT.union(set(&[Fund, Programme, Project, Body, Operation])),
                set(&[Area]),
            ),
            Relation::Attends => (ACTOR_OR_BODY, set(&[Event])),
            Relation::Condemns => (ACTOR_OR_BODY, set(&[Event, State, Organisation])),
            Relation::PartyTo => (ACTOR, AGREEMENT.with(Event)),
            Relation::Concerns => (
                AGREEMENT.union(set(&[Event, Body, Programme, Project, Fund])),
                KindSet::ANY,
            ),
            Relation::CallsOn => (
                ACTOR_OR_BODY.with(Event),
                set(&[State, Organisation, Institution]),
            ),
            Relation::SuspendsCooperationWith => {
                (ACTOR_OR_BODY, set(&[State, Organisation, Institution]))
            }
            Relation::Mandates => (
                AGREEMENT.union(set(&[Event, Body])),
                set(&[Body, Programme, Institution]),
            ),
            Relation::Conducts => (
                ACTOR_OR_BODY,
                set(&[Document, Programme, Project, Operation, Event]),
            ),
            Relation::ConsultsWith => (ACTOR_OR_BODY, ACTOR_OR_BODY),
            Relation::CarriesOut => (ACTOR_OR_BODY, set(&[Event])),
        };
        let rule = match self {
            Relation::PartOf => Rule::Containment,
            Relation::SucceededBy => Rule::SameKind,
            _ => Rule::Table,
        };
        Schema {
            subjects,
            objects,
            rule,
        }
    }

    /// Whether a link of this relation may run from a `subject` of one kind to
    /// an `object` of another.
    ///
    /// Most relations follow their [`Schema`] table. Two follow a rule:
    /// `succeeded_by` joins two nodes of the same kind, and `part_of` joins
    /// two nodes of the same [`Family`] or a node and a kind that can contain
    /// it (see [`containers`]).
    pub fn allows(self, subject: Kind, object: Kind) -> bool {
        let schema = self.schema();
        match schema.rule {
            Rule::Table => schema.subjects.contains(subject) && schema.objects.contains(object),
            Rule::SameKind => subject == object,
            Rule::Containment => {
                subject.family() == object.family() || containers(subject).contains(object)
            }
        }
    }
}

/// The kinds outside its own family that a node of `kind` may be `part_of`.
///
/// A project sits under a fund, a body under an organisation, a unit under a
/// body or operation, a place inside a state, and so on. Same-family
/// containment (a body inside a body, an institution inside a state) is always
/// allowed and is not listed here.
pub const fn containers(kind: Kind) -> KindSet {
    use Kind::*;
    match kind {
        Body => set(&[Organisation, Institution, State]),
        Fund => set(&[Programme, Body, Organisation]),
        Project => set(&[Fund, Body, Operation]),
        Programme => set(&[Organisation, Body, Fund]),
        Operation => set(&[Organisation, Programme]),
        Unit => set(&[Body, Operation]),
        Institution | Organisation => set(&[Body]),
        Event => set(&[Operation]),
        Agreement => set(&[Programme]),
        Document => set(&[Programme, Event]),
        Place => set(&[State]),
        State | Person | Area => KindSet::EMPTY,
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Relation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Relation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl Family {
    /// Whether `kind` belongs to this family.
    pub fn contains(self, kind: Kind) -> bool {
        kind.family() == self
    }
}
