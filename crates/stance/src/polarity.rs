//! Polarity labels and classifier output.

use std::fmt;
use std::str::FromStr;

/// How a sentence presents its target.
///
/// Its string form is lowercase, as in the CLI's JSON:
///
/// ```
/// use newsnlp_stance::Polarity;
///
/// assert_eq!(Polarity::Negative.as_str(), "negative");
/// assert_eq!(Polarity::Positive.to_string(), "positive");
/// assert_eq!("neutral".parse::<Polarity>(), Ok(Polarity::Neutral));
/// assert!("meh".parse::<Polarity>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Polarity {
    /// The target is criticized, blamed, mocked or shown in a bad light.
    Negative,
    /// Neither, or balanced.
    Neutral,
    /// The target is praised, supported or shown in a good light.
    Positive,
}

impl Polarity {
    /// The three polarities in the order of [`Scores::as_array`].
    ///
    /// ```
    /// use newsnlp_stance::Polarity;
    /// assert_eq!(Polarity::ALL[2], Polarity::Positive);
    /// ```
    pub const ALL: [Polarity; 3] = [Polarity::Negative, Polarity::Neutral, Polarity::Positive];

    /// The lowercase name: `"negative"`, `"neutral"` or `"positive"`.
    ///
    /// ```
    /// assert_eq!(newsnlp_stance::Polarity::Neutral.as_str(), "neutral");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Negative => "negative",
            Polarity::Neutral => "neutral",
            Polarity::Positive => "positive",
        }
    }

    /// The position of this polarity in [`Polarity::ALL`] (0, 1 or 2).
    ///
    /// ```
    /// assert_eq!(newsnlp_stance::Polarity::Positive.index(), 2);
    /// ```
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Polarity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Polarity`] from a string that names none.
///
/// ```
/// let err = "good".parse::<newsnlp_stance::Polarity>().unwrap_err();
/// assert!(err.to_string().contains("good"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown polarity {0:?} (expected negative, neutral or positive)")]
pub struct ParsePolarityError(String);

impl FromStr for Polarity {
    type Err = ParsePolarityError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "negative" => Ok(Polarity::Negative),
            "neutral" => Ok(Polarity::Neutral),
            "positive" => Ok(Polarity::Positive),
            _ => Err(ParsePolarityError(s.to_string())),
        }
    }
}

/// Probabilities of the three polarities; they sum to 1.
///
/// ```
/// use newsnlp_stance::{Polarity, Scores};
///
/// let s = Scores { negative: 0.7, neutral: 0.2, positive: 0.1 };
/// assert_eq!(s.get(Polarity::Negative), 0.7);
/// assert_eq!(s.best(), Polarity::Negative);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Scores {
    /// Probability that the target is presented negatively.
    pub negative: f32,
    /// Probability that it is presented neutrally.
    pub neutral: f32,
    /// Probability that it is presented positively.
    pub positive: f32,
}

impl Scores {
    /// The probabilities in the order of [`Polarity::ALL`].
    ///
    /// ```
    /// use newsnlp_stance::Scores;
    /// let s = Scores { negative: 0.5, neutral: 0.3, positive: 0.2 };
    /// assert_eq!(s.as_array(), [0.5, 0.3, 0.2]);
    /// ```
    pub fn as_array(&self) -> [f32; 3] {
        [self.negative, self.neutral, self.positive]
    }

    /// Builds scores from an array in the order of [`Polarity::ALL`].
    ///
    /// ```
    /// use newsnlp_stance::Scores;
    /// assert_eq!(Scores::from_array([0.1, 0.8, 0.1]).neutral, 0.8);
    /// ```
    pub fn from_array(p: [f32; 3]) -> Self {
        Scores {
            negative: p[0],
            neutral: p[1],
            positive: p[2],
        }
    }

    /// The probability of one polarity.
    ///
    /// ```
    /// use newsnlp_stance::{Polarity, Scores};
    /// assert_eq!(Scores::from_array([0.1, 0.8, 0.1]).get(Polarity::Neutral), 0.8);
    /// ```
    pub fn get(&self, p: Polarity) -> f32 {
        self.as_array()[p.index()]
    }

    /// The most probable polarity; ties go to neutral, then negative.
    ///
    /// ```
    /// use newsnlp_stance::{Polarity, Scores};
    /// assert_eq!(Scores::from_array([0.4, 0.4, 0.2]).best(), Polarity::Neutral);
    /// ```
    pub fn best(&self) -> Polarity {
        let [n, z, p] = self.as_array();
        if z >= n && z >= p {
            Polarity::Neutral
        } else if n >= p {
            Polarity::Negative
        } else {
            Polarity::Positive
        }
    }
}

/// The answer of a classifier: the polarity and the probabilities behind it.
///
/// ```
/// use newsnlp_stance::{Polarity, TargetSentiment};
///
/// let s = TargetSentiment::new().classify("Critics slammed Smith's disastrous plan.", 16..21);
/// assert_eq!(s.polarity, Polarity::Negative);
/// assert_eq!(s.polarity, s.scores.best());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Sentiment {
    /// The most probable polarity.
    pub polarity: Polarity,
    /// The probability of each polarity.
    pub scores: Scores,
}

impl Sentiment {
    pub(crate) fn from_probs(p: [f32; 3]) -> Self {
        let scores = Scores::from_array(p);
        Sentiment {
            polarity: scores.best(),
            scores,
        }
    }
}
