//! No panic on any input: random strings over an alphabet of hostile
//! characters, under every option, in every matching mode; spans always on
//! character boundaries.
use newsnlp_gazetteer::{CaseMode, Entries, Gazetteer, GazetteerBuilder};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "Assad",
    "al-",
    "Assad’s",
    "'s",
    "’",
    "'",
    "Putin",
    "US",
    "us",
    "Rex ",
    "Tillerson",
    " ",
    "\n",
    "\n\n",
    "-",
    "_",
    "\u{301}",
    "\u{308}",
    "\u{AD}",
    "\u{200D}",
    "é",
    "ß",
    "ΐ",
    "ﬃ",
    "İ",
    "Σ",
    "😀",
    "\u{2029}",
    "\t",
    ".",
    "U.S.",
    "Jabhat al-Nusra",
    "Clinton",
    "May",
    "\0",
    "\u{FEFF}",
    "Erdoğan",
    "ДАМАСК",
    "ς",
    "O'",
    "Secretary of State ",
    "a",
];

fn random_text(rng: &mut Rng) -> String {
    let n = rng.below(40);
    (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect()
}

fn check(g: &Gazetteer, text: &str) {
    let spans = g
        .find(text)
        .chain(g.find_overlapping(text))
        .chain(g.find_in_document(text))
        .flat_map(|m| [Some(m.span()), m.title()]);
    for span in spans.flatten() {
        assert!(
            span.start < span.end && span.end <= text.len(),
            "{span:?} in {text:?}"
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{span:?} in {text:?}"
        );
    }
    let mut last = 0;
    for m in g.find(text) {
        assert!(m.start() >= last, "overlap in {text:?}");
        last = m.end();
    }
}

#[test]
fn random_inputs_never_panic() {
    let mut builders = Vec::new();
    for case in [CaseMode::Smart, CaseMode::Insensitive, CaseMode::Sensitive] {
        for flags in 0..8u8 {
            let mut b = GazetteerBuilder::new();
            b.case(case)
                .unicode_case(flags & 1 != 0)
                .diacritic_insensitive(flags & 2 != 0)
                .separator_insensitive(flags & 4 != 0);
            builders.push(b);
        }
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // The default data plus aliases made of the hostile pieces themselves.
    let mut tsv = String::from("alias\tcanonical\tkind\n");
    for _ in 0..200 {
        let a: String = random_text(&mut rng).replace(['\t', '\n', '\r'], " ");
        let c = format!("E{}", rng.below(50));
        tsv.push_str(&format!("{a}\t{c}\tperson\n"));
    }
    for b in &builders {
        let mut entries = Entries::builtin();
        entries.merge(Entries::from_tsv(&tsv).unwrap());
        let g = b.build(entries).unwrap();
        for _ in 0..150 {
            check(&g, &random_text(&mut rng));
        }
    }
}

#[test]
fn hostile_texts_never_panic() {
    let g = Gazetteer::default();
    let texts = [
        String::new(),
        "a".repeat(100_000),
        ".".repeat(100_000),
        "\n".repeat(100_000),
        "U.S. ".repeat(20_000),
        format!("e{} ", "\u{301}".repeat(50)).repeat(2_000),
        "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} ".repeat(10_000),
        "'".repeat(10_000),
        "’s".repeat(10_000),
        "Assad".repeat(10_000),
        "Assad ".repeat(10_000),
        (0u32..0x3000).filter_map(char::from_u32).collect(),
    ];
    for t in &texts {
        check(&g, t);
    }
}
