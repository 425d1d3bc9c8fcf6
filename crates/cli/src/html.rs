//! `newsnlp analyze --html FILE`: one self-contained page (no scripts or
//! styles from the network) that shows the article with its entities,
//! quotes and sources highlighted, and at the side who said what, the
//! stances (holder → target, polarity as a colour and a word, certainty)
//! and the entities.
//!
//! Hovering over or focusing a stance highlights its evidence and target in
//! the article; clicking its button keeps them highlighted (`aria-pressed`)
//! until clicked again. A small inline script does this: the text carries
//! each stance's number in `data-evidence` / `data-target` lists, since
//! several stances may share a sentence.

use std::fmt::Write;

use newsnlp::Document;

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

const STYLE: &str = "body{font-family:Georgia,serif;margin:0;display:flex;gap:2em;color:#222}\
main{flex:3;padding:1.5em 2em;line-height:1.6;max-width:48em}\
aside{flex:2;padding:1.5em;background:#f6f6f6;border-left:1px solid #ddd;font-family:sans-serif;font-size:90%}\
p{margin:0 0 1em}.ent{background:#dbeafe;border-radius:3px}\
.quote{background:#fef3c7}.src{font-weight:bold;text-decoration:underline}\
.cue{font-style:italic;color:#7c2d12}\
aside li{margin-bottom:.8em}aside .who{font-weight:bold}\
aside .conf{color:#777;font-size:85%}\
.stances li{border-left:4px solid #6b7280;padding-left:.5em}\
.stances .pol{font-weight:bold;color:#4b5563}\
.stances .pol-negative{border-color:#b91c1c}.pol-negative .pol{color:#b91c1c}\
.stances .pol-positive{border-color:#15803d}.pol-positive .pol{color:#15803d}\
.stances button{font:inherit;text-align:left;cursor:pointer;background:#fff;\
border:1px solid #bbb;border-radius:3px;padding:.1em .4em}\
.stances button[aria-pressed=true]{background:#fde68a;border-color:#b45309}\
aside .evtext{color:#555;font-size:85%}\
.ev.lit{background:#fde68a;box-shadow:0 0 0 2px #f59e0b}\
.tgt.lit-target{border-bottom:3px solid #1d4ed8}";

/// Lights the evidence (`lit`) and target (`lit-target`) of the stances
/// hovered over, focused or pressed: repaints all on every change, as
/// stances may share spans.
const SCRIPT: &str = "(function(){\
var items=document.querySelectorAll('.stances li[data-stance]'),hot={};\
function paint(){\
document.querySelectorAll('.lit,.lit-target').forEach(function(e){\
e.classList.remove('lit','lit-target');});\
items.forEach(function(li){var i=li.getAttribute('data-stance'),\
b=li.querySelector('button');\
if(hot[i]||b.getAttribute('aria-pressed')==='true'){\
document.querySelectorAll('[data-evidence~=\"'+i+'\"]')\
.forEach(function(e){e.classList.add('lit');});\
document.querySelectorAll('[data-target~=\"'+i+'\"]')\
.forEach(function(e){e.classList.add('lit-target');});}});}\
items.forEach(function(li){var i=li.getAttribute('data-stance'),\
b=li.querySelector('button');\
function set(on){return function(){hot[i]=on;paint();};}\
li.addEventListener('mouseenter',set(true));li.addEventListener('mouseleave',set(false));\
b.addEventListener('focus',set(true));b.addEventListener('blur',set(false));\
b.addEventListener('click',function(){\
var on=b.getAttribute('aria-pressed')!=='true';\
b.setAttribute('aria-pressed',String(on));paint();\
var ev=document.querySelector('[data-evidence~=\"'+i+'\"]');\
if(on&&ev){ev.scrollIntoView({block:'nearest'});}});});})();";

/// Spans swept left to right: those that have started and not yet ended.
struct Sweep {
    spans: Vec<(std::ops::Range<usize>, usize)>,
    next: usize,
    active: Vec<usize>,
}

impl Sweep {
    fn new(spans: impl Iterator<Item = (std::ops::Range<usize>, usize)>) -> Sweep {
        let mut spans: Vec<_> = spans.filter(|(r, _)| r.start < r.end).collect();
        spans.sort_by_key(|(r, _)| r.start);
        Sweep {
            spans,
            next: 0,
            active: Vec::new(),
        }
    }

    /// Moves to the segment starting at `a`: the spans that started by
    /// then become active, those that ended leave.
    fn advance(&mut self, a: usize) {
        while self.next < self.spans.len() && self.spans[self.next].0.start <= a {
            self.active.push(self.next);
            self.next += 1;
        }
        let spans = &self.spans;
        self.active.retain(|&k| spans[k].0.end > a);
    }

    /// The id of the shortest span holding `a..b`; segments come in order.
    fn innermost(&mut self, a: usize, b: usize) -> Option<usize> {
        self.advance(a);
        let spans = &self.spans;
        self.active
            .iter()
            .filter(|&&k| b <= spans[k].0.end)
            .min_by_key(|&&k| spans[k].0.len())
            .map(|&k| spans[k].1)
    }

    /// The ids of every span holding `a..b`, ascending and space-separated
    /// (an HTML token list), or `None`; segments come in order.
    fn covering(&mut self, a: usize, b: usize) -> Option<String> {
        self.advance(a);
        let spans = &self.spans;
        let mut ids: Vec<usize> = self
            .active
            .iter()
            .filter(|&&k| b <= spans[k].0.end)
            .map(|&k| spans[k].1)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let list: Vec<String> = ids.iter().map(usize::to_string).collect();
        (!list.is_empty()).then(|| list.join(" "))
    }
}

/// The page for one analyzed document.
pub fn page(doc: &Document<'_>, title: &str) -> String {
    let body = body(doc);
    let side = side(doc);
    let mut page = String::with_capacity(body.len() + side.len() + 1024);
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
    escape(title, &mut page);
    let _ = write!(
        page,
        "</title><style>{STYLE}</style></head>\n<body><main>\n{body}\n</main>\n<aside>\n{side}\n</aside>\n<script>{SCRIPT}</script></body></html>\n"
    );
    page
}

/// The boundaries where the set of highlighted layers may change.
fn cuts(doc: &Document<'_>) -> Vec<usize> {
    let text = doc.text();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for e in doc.mentions() {
        cuts.extend([e.span.start, e.span.end]);
    }
    for q in doc.quotes() {
        cuts.extend([q.content.start, q.content.end]);
        for r in [&q.source, &q.cue].into_iter().flatten() {
            cuts.extend([r.start, r.end]);
        }
    }
    for s in doc.stances() {
        cuts.extend([s.evidence.start, s.evidence.end]);
        cuts.extend([s.target.span.start, s.target.span.end]);
    }
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// The quote and stance spans of a document, swept with the text.
struct Layers {
    contents: Sweep,
    sources: Sweep,
    cues: Sweep,
    evidence: Sweep,
    targets: Sweep,
}

impl Layers {
    fn new(doc: &Document<'_>) -> Layers {
        let quotes = doc.quotes().iter().enumerate();
        let stances = doc.stances().iter().enumerate();
        Layers {
            contents: Sweep::new(quotes.clone().map(|(i, q)| (q.content.range(), i))),
            sources: Sweep::new(
                quotes
                    .clone()
                    .filter_map(|(i, q)| q.source.map(|r| (r.range(), i))),
            ),
            cues: Sweep::new(quotes.filter_map(|(i, q)| q.cue.map(|r| (r.range(), i)))),
            evidence: Sweep::new(stances.clone().map(|(i, s)| (s.evidence.range(), i))),
            targets: Sweep::new(stances.map(|(i, s)| (s.target.span.range(), i))),
        }
    }

    /// The classes and attributes of the segment `a..b`.
    fn mark(
        &mut self,
        doc: &Document<'_>,
        (a, b): (usize, usize),
        classes: &mut Vec<&str>,
        attrs: &mut String,
    ) {
        // The innermost quote: a direct phrase inside a reported clause.
        if let Some(i) = self.contents.innermost(a, b) {
            classes.push("quote");
            let _ = write!(attrs, " data-quote=\"{i}\" title=\"");
            escape(
                doc.quotes()[i].speaker_name().unwrap_or("unattributed"),
                attrs,
            );
            attrs.push('"');
        }
        if let Some(i) = self.sources.innermost(a, b) {
            classes.push("src");
            let _ = write!(attrs, " data-source-of=\"{i}\"");
        }
        if self.cues.innermost(a, b).is_some() {
            classes.push("cue");
        }
        // Stances may share evidence and targets: every one is listed.
        if let Some(ids) = self.evidence.covering(a, b) {
            classes.push("ev");
            let _ = write!(attrs, " data-evidence=\"{ids}\"");
        }
        if let Some(ids) = self.targets.covering(a, b) {
            classes.push("tgt");
            let _ = write!(attrs, " data-target=\"{ids}\"");
        }
    }
}

/// The article as paragraphs, its entities, quotes, sources, cues and
/// stances' evidence and targets in spans.
fn body(doc: &Document<'_>) -> String {
    let text = doc.text();
    let mut body = String::with_capacity(text.len() * 2);
    body.push_str("<p>");
    // Entity spans are ordered and disjoint: one pointer sweeps them.
    // Quote contents, sources, cues, evidence and targets may nest: each
    // kind keeps the spans that have started and not ended, so the sweep
    // stays linear in the text plus the spans (times the nesting depth).
    let entities = doc.mentions();
    let mut ei = 0;
    let mut layers = Layers::new(doc);
    let (mut classes, mut attrs) = (Vec::new(), String::new());
    for w in cuts(doc).windows(2) {
        let (a, b) = (w[0], w[1]);
        classes.clear();
        attrs.clear();
        while ei < entities.len() && entities[ei].span.end <= a {
            ei += 1;
        }
        if let Some(e) = entities
            .get(ei)
            .filter(|e| e.span.start <= a && b <= e.span.end)
        {
            classes.push("ent");
            attrs.push_str(" data-entity=\"");
            escape(e.name().unwrap_or("ambiguous"), &mut attrs);
            attrs.push('"');
        }
        layers.mark(doc, (a, b), &mut classes, &mut attrs);
        segment(&text[a..b], &classes, &attrs, &mut body);
    }
    body.push_str("</p>");
    body
}

/// One segment of the text with the same highlights: paragraph breaks
/// become paragraphs; other text is escaped as is.
fn segment(seg: &str, classes: &[&str], attrs: &str, body: &mut String) {
    let mut pieces = seg.split("\n\n").peekable();
    while let Some(piece) = pieces.next() {
        if !piece.is_empty() {
            if classes.is_empty() {
                escape(piece, body);
            } else {
                let _ = write!(body, "<span class=\"{}\"{attrs}>", classes.join(" "));
                escape(piece, body);
                body.push_str("</span>");
            }
        }
        if pieces.peek().is_some() {
            body.push_str("</p>\n<p>");
        }
    }
}

/// The side list: who said what, the stances, and the entities with
/// their counts.
fn side(doc: &Document<'_>) -> String {
    let text = doc.text();
    let mut side = String::from("<h2>Who said what</h2>\n<ol>");
    for (i, q) in doc.quotes().iter().enumerate() {
        let _ = write!(side, "<li data-quote=\"{i}\"><span class=\"who\">");
        escape(q.speaker_name().unwrap_or("(unattributed)"), &mut side);
        side.push_str("</span> ");
        if let Some(c) = &q.cue {
            side.push_str("<span class=\"cue\">");
            escape(&text[c.range()], &mut side);
            side.push_str("</span> ");
        }
        let _ = write!(
            side,
            "<span class=\"conf\">({}, confidence {:.2})</span><br>",
            q.kind.as_str(),
            q.confidence
        );
        let words: Vec<&str> = text[q.content.range()].split_whitespace().collect();
        escape(&words.join(" "), &mut side);
        side.push_str("</li>\n");
    }
    side.push_str("</ol>\n");
    stances(doc, &mut side);
    side.push_str("<h2>Entities</h2>\n<ul>");
    let mut names: Vec<&str> = doc.mentions().iter().filter_map(|e| e.name()).collect();
    names.sort_unstable();
    names.dedup();
    for n in names {
        let count = doc.mentions_of(n).count();
        side.push_str("<li>");
        escape(n, &mut side);
        let _ = write!(side, " ({count})</li>");
    }
    side.push_str("</ul>");
    side
}

/// The stances, one item each: a button naming holder → target (hover,
/// focus or press it to light the evidence), the polarity as a word (its
/// colour repeats it), the certainty and basis, and the evidence's words.
fn stances(doc: &Document<'_>, side: &mut String) {
    let text = doc.text();
    side.push_str("<h2>Stances</h2>\n");
    if doc.stances().is_empty() {
        side.push_str("<p>No stances found.</p>\n");
        return;
    }
    side.push_str(
        "<p class=\"conf\">Hover over or focus a stance to highlight its evidence \
         in the text; press it to keep the highlight.</p>\n<ol class=\"stances\">",
    );
    for (i, s) in doc.stances().iter().enumerate() {
        let polarity = s.polarity.as_str();
        let _ = write!(
            side,
            "<li class=\"pol-{polarity}\" data-stance=\"{i}\"><button type=\"button\" \
             aria-pressed=\"false\"><span class=\"holder\">"
        );
        escape(s.holder.label(), side);
        side.push_str("</span> → <span class=\"target\">");
        escape(&s.target.text, side);
        let _ = write!(
            side,
            "</span></button> <span class=\"pol\">{polarity}</span> \
             <span class=\"conf\">(certainty {:.2}, {})</span><br><span class=\"evtext\">",
            s.certainty,
            s.basis.as_str()
        );
        let words: Vec<&str> = text
            .get(s.evidence.range())
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        escape(&words.join(" "), side);
        side.push_str("</span></li>\n");
    }
    side.push_str("</ol>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_page_structure() {
        let pipeline = newsnlp::Pipeline::new();
        let doc = pipeline.analyze(newsnlp::SEED_ARTICLE);
        let html = page(&doc, "seed <article>");
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<title>seed &lt;article&gt;</title>"));
        assert!(!html.contains("http://") && !html.contains("https://"));
        // Every quote is highlighted in the text and listed at the side.
        for i in 0..doc.quotes().len() {
            assert!(
                html.contains(&format!("data-quote=\"{i}\" title=")),
                "quote {i} not highlighted"
            );
            assert!(html.contains(&format!("<li data-quote=\"{i}\">")));
        }
        assert!(html.contains("data-entity=\"Rex Tillerson\""));
        // Every stance is listed, its evidence marked in the text.
        assert!(!doc.stances().is_empty());
        for i in 0..doc.stances().len() {
            assert!(html.contains(&format!("data-stance=\"{i}\"><button")));
            let listed = |s: &str| s.split(' ').any(|id| id == i.to_string());
            assert!(
                html.split("data-evidence=\"")
                    .skip(1)
                    .any(|rest| listed(rest.split('"').next().unwrap_or_default())),
                "stance {i}: evidence not marked"
            );
        }
        assert!(html.contains("<span class=\"who\">Rex Tillerson</span>"));
        let opened = html.matches("<p>").count() + html.matches("<p ").count();
        assert_eq!(opened, html.matches("</p>").count());
        assert_eq!(
            html.matches("<span").count(),
            html.matches("</span>").count()
        );
    }

    #[test]
    fn escapes_markup_in_text() {
        let pipeline = newsnlp::Pipeline::new();
        let doc = pipeline.analyze("<script>alert(1)</script> & “Fine,” Putin said.");
        let html = page(&doc, "t");
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // The page's own script is the only one.
        assert_eq!(html.matches("<script>").count(), 1);
    }

    /// (text, holder, target as written, polarity) of its first stance.
    const STANCES: &[(&str, &str, &str, &str)] = &[
        (
            "Vladimir Putin criticized the sanctions.",
            "Vladimir Putin",
            "the sanctions",
            "negative",
        ),
        (
            "Angela Merkel welcomed the agreement.",
            "Angela Merkel",
            "the agreement",
            "positive",
        ),
        (
            "Putin condemned the AT&T <deal>.",
            "Vladimir Putin",
            "the AT&T",
            "negative",
        ),
    ];

    #[test]
    fn stances_are_listed_and_marked_in_the_text() {
        let pipeline = newsnlp::Pipeline::new();
        for &(text, holder, target, polarity) in STANCES {
            let doc = pipeline.analyze(text);
            let st = doc.stances().first().expect("a stance");
            assert_eq!(
                (
                    st.holder.label(),
                    st.target.text.as_str(),
                    st.polarity.as_str()
                ),
                (holder, target, polarity),
                "{text}"
            );
            let html = page(&doc, "t");
            let mut target_html = String::new();
            escape(target, &mut target_html);
            let item = format!(
                "<li class=\"pol-{polarity}\" data-stance=\"0\"><button type=\"button\" \
                 aria-pressed=\"false\"><span class=\"holder\">{holder}</span> → \
                 <span class=\"target\">{target_html}</span></button> \
                 <span class=\"pol\">{polarity}</span>"
            );
            assert!(html.contains(&item), "{text}: no item {item}\n{html}");
            // The target lies inside the evidence: both marks on its words.
            let mark = format!("data-evidence=\"0\" data-target=\"0\">{target_html}</span>");
            assert!(html.contains(&mark), "{text}: target not marked\n{html}");
            assert_eq!(
                html.matches("<li class=\"pol-").count(),
                doc.stances().len()
            );
        }
    }

    #[test]
    fn a_text_without_stances_says_so() {
        let pipeline = newsnlp::Pipeline::new();
        let doc = pipeline.analyze("The weather was mild on Monday.");
        assert!(doc.stances().is_empty());
        let html = page(&doc, "t");
        assert!(html.contains("<h2>Stances</h2>\n<p>No stances found.</p>"));
        assert!(!html.contains("data-evidence="));
    }

    /// Spans as (start, end, id), segments in order, the expected lists.
    type CoveringCase<'a> = (
        &'a [(usize, usize, usize)],
        &'a [(usize, usize)],
        &'a [Option<&'a str>],
    );

    #[test]
    fn covering_lists_every_span_holding_a_segment() {
        let cases: &[CoveringCase] = &[
            (
                &[(0, 10, 0)],
                &[(0, 5), (5, 10), (10, 12)],
                &[Some("0"), Some("0"), None],
            ),
            (
                &[(0, 36, 0), (23, 69, 1)],
                &[(0, 23), (23, 36), (36, 69)],
                &[Some("0"), Some("0 1"), Some("1")],
            ),
            (
                &[(5, 9, 2), (0, 20, 1), (5, 9, 0)],
                &[(0, 5), (5, 9), (9, 20)],
                &[Some("1"), Some("0 1 2"), Some("1")],
            ),
            (&[(3, 3, 0)], &[(0, 3), (3, 6)], &[None, None]),
        ];
        for &(spans, segments, want) in cases {
            let mut sweep = Sweep::new(spans.iter().map(|&(a, b, i)| (a..b, i)));
            let got: Vec<Option<String>> = segments
                .iter()
                .map(|&(a, b)| sweep.covering(a, b))
                .collect();
            let want: Vec<Option<String>> = want.iter().map(|w| w.map(str::to_owned)).collect();
            assert_eq!(got, want, "{spans:?}");
        }
    }
}
