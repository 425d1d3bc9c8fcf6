//! Stance triples from sentences written for these tests: holder selection
//! (quote speaker, attitude-verb subject, author), target selection,
//! negation scope, and hedges and boosters reaching certainty.

use newsnlp_gazetteer::Gazetteer;
use newsnlp_quotes::QuoteExtractor;
use newsnlp_stance::{Basis, Polarity, Stance, StanceAnalyzer};
use newsnlp_tokenize::Tokenizer;

fn analyze(text: &str) -> Vec<Stance> {
    let doc = Tokenizer::new().tokenize(text);
    let gaz = Gazetteer::default();
    let mentions = gaz.find_in_document(text);
    let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
    StanceAnalyzer::new().stances(&doc, &gaz, &mentions, &quotes)
}

/// The stance of `holder` whose target text contains `target`.
fn find<'a>(stances: &'a [Stance], holder: &str, target: &str) -> Option<&'a Stance> {
    stances
        .iter()
        .find(|s| s.holder.label() == holder && s.target.text.contains(target))
}

fn dump(stances: &[Stance]) -> String {
    stances
        .iter()
        .map(|s| {
            format!(
                "{} -> {} {:?} ({})",
                s.holder.label(),
                s.polarity,
                s.target.text,
                s.basis.as_str()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

use Polarity::{Negative as Neg, Neutral as Neu, Positive as Pos};

/// (text, holder, target fragment, polarity)
const CASES: &[(&str, &str, &str, Polarity)] = &[
    // Naming verbs: the subject evaluates the object by what it calls it.
    (
        "Germany described the proposal as “reckless and dangerous.”",
        "Germany",
        "the proposal",
        Neg,
    ),
    (
        "The European Union called the ceasefire a welcome step.",
        "European Union",
        "the ceasefire",
        Pos,
    ),
    // Attitude verbs: the subject is the holder, the object the target.
    (
        "Germany strongly condemned the new sanctions on Monday.",
        "Germany",
        "the new sanctions",
        Neg,
    ),
    (
        "The European Union welcomed the ceasefire agreement.",
        "European Union",
        "the ceasefire agreement",
        Pos,
    ),
    (
        "France still supports a negotiated settlement with the rebels.",
        "France",
        "a negotiated settlement",
        Pos,
    ),
    (
        "Several senators criticized the budget proposal.",
        "Several senators",
        "the budget proposal",
        Neg,
    ),
    (
        "Angela Merkel praised Emmanuel Macron for his reforms.",
        "Angela Merkel",
        "Emmanuel Macron",
        Pos,
    ),
    (
        "China called for an immediate halt to the fighting.",
        "China",
        "an immediate halt",
        Pos,
    ),
    ("Iran accused Israel of sabotage.", "Iran", "Israel", Neg),
    // Negation scope: a negator before the verb flips it ...
    (
        "Turkey does not want a new referendum.",
        "Turkey",
        "a new referendum",
        Neg,
    ),
    (
        "Japan never opposed the trade deal.",
        "Japan",
        "the trade deal",
        Pos,
    ),
    // ... but not across a clause: the negator belongs to "liked".
    (
        "Although Canada never liked the plan, Mexico supports the pipeline.",
        "Mexico",
        "the pipeline",
        Pos,
    ),
    // Desire before an infinitive multiplies with the action's polarity.
    (
        "Russia wants to punish the defectors.",
        "Russia",
        "the defectors",
        Neg,
    ),
    (
        "Ukraine refused to recognize the referendum.",
        "Ukraine",
        "the referendum",
        Neg,
    ),
    (
        "India is willing to restore the old treaty.",
        "India",
        "the old treaty",
        Pos,
    ),
    // Evaluative predicates inside a quote: the speaker holds them.
    (
        "Sergey Lavrov said that the talks were constructive.",
        "Sergey Lavrov",
        "the talks",
        Pos,
    ),
    (
        "Rex Tillerson said that the negotiations were a disaster.",
        "Rex Tillerson",
        "the negotiations",
        Neg,
    ),
    (
        "Rex Tillerson said that the negotiations were not a disaster.",
        "Rex Tillerson",
        "the negotiations",
        Pos,
    ),
    (
        "Rex Tillerson said that the summit was not productive.",
        "Rex Tillerson",
        "the summit",
        Neg,
    ),
    // Demanded actions, with negation.
    (
        "“The blockade must be lifted and the ports must be protected,” Angela Merkel said.",
        "Angela Merkel",
        "the ports",
        Pos,
    ),
    (
        "“This violence cannot be tolerated,” Emmanuel Macron said.",
        "Emmanuel Macron",
        "This violence",
        Neg,
    ),
    // Responsibility: "X did it" after an accusation.
    (
        "Boris Johnson said he was sure that Moscow's agents did it.",
        "Boris Johnson",
        "agents",
        Neg,
    ),
    // First person inside a direct quote is the speaker.
    (
        "“We will defeat ISIS,” Rex Tillerson said.",
        "Rex Tillerson",
        "ISIS",
        Neg,
    ),
    (
        "“We want to strengthen the alliance,” Angela Merkel said.",
        "Angela Merkel",
        "the alliance",
        Pos,
    ),
];

#[test]
fn table_of_holders_targets_and_polarities() {
    let mut failures = Vec::new();
    for &(text, holder, target, polarity) in CASES {
        let stances = analyze(text);
        match find(&stances, holder, target) {
            Some(s) if s.polarity == polarity => {}
            other => failures.push(format!(
                "{text}\n  want {holder} -> {polarity} {target:?}, got {:?}\n{}",
                other.map(|s| s.polarity),
                dump(&stances)
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn pronoun_subject_resolves_to_recent_person() {
    let text = "Angela Merkel arrived in Paris. She praised the new climate plan.";
    let stances = analyze(text);
    let s = find(&stances, "Angela Merkel", "the new climate plan").unwrap();
    assert_eq!(s.polarity, Pos);
    assert_eq!(s.basis, Basis::Attitude);
    // The evidence runs from the subject to the end of the target.
    assert_eq!(
        &text[s.evidence.range()],
        "She praised the new climate plan"
    );
}

#[test]
fn quote_speaker_holds_entity_targets() {
    let text = "“Iran is a danger to the whole region,” Benjamin Netanyahu said.";
    let stances = analyze(text);
    let s = find(&stances, "Benjamin Netanyahu", "Iran")
        .unwrap_or_else(|| panic!("{}", dump(&stances)));
    assert_eq!(s.target.span, 3..7);
    assert!(s.target.entity.is_some());
    assert_eq!(s.polarity, Neg, "{}", dump(&stances));
}

#[test]
fn author_holds_unattributed_evaluations() {
    let text = "Climate deal\n\nBy Jane Roe\n\nThe new climate agreement is a disaster.";
    let stances = analyze(text);
    let s = find(&stances, "Jane Roe", "The new climate agreement")
        .unwrap_or_else(|| panic!("{}", dump(&stances)));
    assert_eq!(s.polarity, Neg);
    assert_eq!(s.basis, Basis::Evaluation);
    // Without a byline the author is "author".
    let stances = analyze("The new climate agreement is a disaster.");
    assert!(
        find(&stances, "author", "agreement").is_some(),
        "{}",
        dump(&stances)
    );
}

#[test]
fn attributed_sentences_are_not_the_authors() {
    let text = "By Jane Roe\n\nLavrov said that the talks were constructive.";
    let stances = analyze(text);
    assert!(
        stances.iter().all(|s| s.holder.label() != "Jane Roe"),
        "{}",
        dump(&stances)
    );
}

#[test]
fn questions_are_not_assertions() {
    // "whether X conducted the attack" asserts nothing about X.
    let text = "Russia wants to know whether Assad’s forces conducted the attack.";
    let stances = analyze(text);
    assert!(
        stances.iter().all(|s| s.basis != Basis::Responsibility),
        "{}",
        dump(&stances)
    );
}

#[test]
fn boosters_and_hedges_reach_certainty() {
    let sure = analyze("Rex Tillerson said he was absolutely certain that the regime did it.");
    let s = find(&sure, "Rex Tillerson", "the regime").unwrap_or_else(|| panic!("{}", dump(&sure)));
    assert_eq!(s.polarity, Neg);
    assert!(s.certainty >= 0.8, "{}", s.certainty);

    let unsure = analyze("Rex Tillerson said the regime may possibly have been behind the attack.");
    let s =
        find(&unsure, "Rex Tillerson", "the regime").unwrap_or_else(|| panic!("{}", dump(&unsure)));
    assert!(s.certainty < 0.4, "{}", s.certainty);

    // A negated hedge is a confident assessment.
    let plain = analyze("Sergey Lavrov said that the talks were constructive.");
    let neither = analyze(
        "Sergey Lavrov said that the talks were constructive, and neither scenario seems likely.",
    );
    let p = find(&plain, "Sergey Lavrov", "the talks")
        .unwrap()
        .certainty;
    let n = find(&neither, "Sergey Lavrov", "the talks")
        .unwrap()
        .certainty;
    assert!(n > p, "{n} <= {p}");
}

#[test]
fn builder_drops_neutral_and_author_stances() {
    let text = "By Jane Roe\n\nRex Tillerson said that he met Sergey Lavrov in Moscow. \
                The summit was a disaster for Vladimir Putin.";
    let doc = Tokenizer::new().tokenize(text);
    let gaz = Gazetteer::default();
    let mentions = gaz.find_in_document(text);
    let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
    let all = StanceAnalyzer::builder()
        .author_stances(true)
        .build()
        .stances(&doc, &gaz, &mentions, &quotes);
    assert!(all.iter().any(|s| s.polarity == Neu), "{}", dump(&all));
    assert!(
        all.iter().any(|s| s.holder.label() == "Jane Roe"),
        "{}",
        dump(&all)
    );
    let some = StanceAnalyzer::builder()
        .neutral(false)
        .author_stances(false)
        .build()
        .stances(&doc, &gaz, &mentions, &quotes);
    assert!(some.iter().all(|s| s.polarity != Neu), "{}", dump(&some));
    assert!(
        some.iter()
            .all(|s| s.holder.label() != "Jane Roe" || s.basis != Basis::Model),
        "{}",
        dump(&some)
    );
    assert!(some.len() < all.len());
    // The default leaves the model's author stances out.
    let default = StanceAnalyzer::new().stances(&doc, &gaz, &mentions, &quotes);
    assert!(
        default
            .iter()
            .all(|s| s.holder.label() != "Jane Roe" || s.basis != Basis::Model),
        "{}",
        dump(&default)
    );
}

#[test]
fn empty_and_odd_inputs() {
    assert!(analyze("").is_empty());
    assert!(analyze("   \n\n  ").is_empty());
    let _ = analyze("wants");
    let _ = analyze("did it");
    let _ = analyze("is is is was be been");
    let _ = analyze("“ ” “ wants to deny ” —");
    let _ = analyze("Russia-");
}

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn analyzer_is_send_and_sync() {
    assert_send_sync::<StanceAnalyzer>();
    assert_send_sync::<Stance>();
}
