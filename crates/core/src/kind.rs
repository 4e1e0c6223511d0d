//! Node kinds and the families they belong to.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::ParseNameError;

/// The broad family a [`Kind`] belongs to.
///
/// Families group kinds that play the same part in the relationship: actors
/// act, bodies are joint or NATO structures, funds pay, agreements bind,
/// operations deploy, and context kinds (programmes, projects, events, places
/// and areas) describe where and on what the others work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// States, organisations, national institutions, persons and units.
    Actor,
    /// NATO and joint bodies: commissions, councils, agencies, offices.
    Body,
    /// Trust funds and other pooled money.
    Fund,
    /// Agreements and national documents.
    Agreement,
    /// Operations, missions, forces and exercises.
    Operation,
    /// Programmes, projects, events, places and areas.
    Context,
}

impl Family {
    /// Every family, in declaration order.
    pub const ALL: [Family; 6] = [
        Family::Actor,
        Family::Body,
        Family::Fund,
        Family::Agreement,
        Family::Operation,
        Family::Context,
    ];

    /// The lower-case name used in documentation and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Actor => "actor",
            Family::Body => "body",
            Family::Fund => "fund",
            Family::Agreement => "agreement",
            Family::Operation => "operation",
            Family::Context => "context",
        }
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! kinds {
    ($($(#[$doc:meta])* $variant:ident = $name:literal => $family:ident,)*) => {
        /// What a node is. Every node has exactly one kind.
        ///
        /// The JSON spelling is the lower-case name (`"state"`, `"fund"`, ...);
        /// [`Kind::family`] gives the family it belongs to.
        ///
        /// ```
        /// use partnership::model::{Family, Kind};
        /// let kind: Kind = "fund".parse().unwrap();
        /// assert_eq!(kind, Kind::Fund);
        /// assert_eq!(Kind::Person.family(), Family::Actor);
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind {
            $($(#[$doc])* $variant,)*
        }

        impl Kind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            /// The JSON spelling of this kind.
            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$variant => $name,)* }
            }

            /// The family this kind belongs to.
            pub fn family(self) -> Family {
                match self { $(Kind::$variant => Family::$family,)* }
            }
        }

        impl FromStr for Kind {
            type Err = ParseNameError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($name => Ok(Kind::$variant),)*
                    _ => Err(ParseNameError { what: "kind", value: s.to_owned() }),
                }
            }
        }
    };
}

kinds! {
    /// A sovereign state: Ukraine, Canada, Russia.
    State = "state" => Actor,
    /// An international or non-governmental organisation: NATO, the EU, the OSCE.
    Organisation = "organisation" => Actor,
    /// A national institution: a ministry, a service, a parliament.
    Institution = "institution" => Actor,
    /// A named person.
    Person = "person" => Actor,
    /// A military formation or team.
    Unit = "unit" => Actor,
    /// A NATO or joint body: a commission, council, agency, office or school.
    Body = "body" => Body,
    /// A trust fund or other pooled money.
    Fund = "fund" => Fund,
    /// An agreement, memorandum, declaration, package, plan or roadmap.
    Agreement = "agreement" => Agreement,
    /// A national law, strategy, doctrine, bulletin or report.
    Document = "document" => Agreement,
    /// An operation, mission, force or named exercise.
    Operation = "operation" => Operation,
    /// A programme or initiative.
    Programme = "programme" => Context,
    /// A project, usually under a fund or programme.
    Project = "project" => Context,
    /// A dated event: a summit, meeting, visit or signing.
    Event = "event" => Context,
    /// A place: a city, region or sea.
    Place = "place" => Context,
    /// An area of consultation and cooperation.
    Area = "area" => Context,
}

impl Kind {
    /// Whether the kind is one of the actor kinds (state, organisation,
    /// institution, person, unit).
    pub fn is_actor(self) -> bool {
        self.family() == Family::Actor
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &k in Kind::ALL {
            assert!(seen.insert(k.as_str()));
            assert_eq!(k.as_str().parse::<Kind>(), Ok(k));
        }
        assert_eq!(Kind::ALL.len(), 15);
    }

    #[test]
    fn unknown_kind_is_an_error_naming_the_value() {
        let err = "ministry".parse::<Kind>().unwrap_err();
        assert_eq!(err.to_string(), "unknown kind \"ministry\"");
    }

    #[test]
    fn families_follow_the_model() {
        use Family::*;
        let expect = [
            (Kind::State, Actor),
            (Kind::Unit, Actor),
            (Kind::Body, Body),
            (Kind::Fund, Fund),
            (Kind::Document, Agreement),
            (Kind::Operation, Operation),
            (Kind::Area, Context),
            (Kind::Event, Context),
        ];
        for (k, f) in expect {
            assert_eq!(k.family(), f, "{k}");
        }
    }
}
