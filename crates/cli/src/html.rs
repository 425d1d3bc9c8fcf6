//! `newsnlp analyze --html FILE`: one self-contained page (no scripts or
//! styles from the network) that shows the article with its entities,
//! quotes and sources highlighted, and a side list of who said what.

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
aside .conf{color:#777;font-size:85%}";

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

    /// The id of the shortest span holding `a..b`; segments come in order.
    fn innermost(&mut self, a: usize, b: usize) -> Option<usize> {
        while self.next < self.spans.len() && self.spans[self.next].0.start <= a {
            self.active.push(self.next);
            self.next += 1;
        }
        let spans = &self.spans;
        self.active.retain(|&k| spans[k].0.end > a);
        self.active
            .iter()
            .filter(|&&k| b <= spans[k].0.end)
            .min_by_key(|&&k| spans[k].0.len())
            .map(|&k| spans[k].1)
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
        "</title><style>{STYLE}</style></head>\n<body><main>\n{body}\n</main>\n<aside>\n{side}\n</aside></body></html>\n"
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
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// The article as paragraphs, its entities, quotes, sources and cues in
/// spans.
fn body(doc: &Document<'_>) -> String {
    let text = doc.text();
    let quotes = doc.quotes();
    let mut body = String::with_capacity(text.len() * 2);
    body.push_str("<p>");
    // Entity spans are ordered and disjoint: one pointer sweeps them.
    // Quote contents, sources and cues may nest: each kind keeps the spans
    // that have started and not ended, so the sweep stays linear in the
    // text plus the spans (times the nesting depth).
    let entities = doc.mentions();
    let mut ei = 0;
    let mut contents = Sweep::new(
        quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.content.range(), i)),
    );
    let mut sources = Sweep::new(
        quotes
            .iter()
            .enumerate()
            .filter_map(|(i, q)| q.source.map(|r| (r.range(), i))),
    );
    let mut cues = Sweep::new(
        quotes
            .iter()
            .enumerate()
            .filter_map(|(i, q)| q.cue.map(|r| (r.range(), i))),
    );
    for w in cuts(doc).windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut classes = Vec::new();
        let mut attrs = String::new();
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
        // The innermost quote: a direct phrase inside a reported clause.
        if let Some(i) = contents.innermost(a, b) {
            classes.push("quote");
            let _ = write!(attrs, " data-quote=\"{i}\" title=\"");
            escape(
                quotes[i].speaker_name().unwrap_or("unattributed"),
                &mut attrs,
            );
            attrs.push('"');
        }
        if let Some(i) = sources.innermost(a, b) {
            classes.push("src");
            let _ = write!(attrs, " data-source-of=\"{i}\"");
        }
        if cues.innermost(a, b).is_some() {
            classes.push("cue");
        }
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

/// The side list: who said what, and the entities with their counts.
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
    side.push_str("</ol>\n<h2>Entities</h2>\n<ul>");
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
        assert!(html.contains("<span class=\"who\">Rex Tillerson</span>"));
        assert_eq!(html.matches("<p>").count(), html.matches("</p>").count());
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
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
    }
}
