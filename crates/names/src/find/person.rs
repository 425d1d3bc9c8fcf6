//! A person whose given name the gazetteer holds as something else
//! ("Georgia Kemmerly, the firm's founder, said": the gazetteer's
//! "Georgia" is the state).

use newsnlp_text::table::Flags;

use super::Scan;
use crate::shape::{all_caps, demonym};

impl Scan<'_, '_> {
    /// Whether the person's name starting at token `s` takes the word
    /// before it as its given name: that word is a known span alone,
    /// capitalized, right before it on the same line, and opens its
    /// sentence or follows a comma or a quotation mark ("Chad Rowntree
    /// told", "In March, Georgia Kemmerly said"; not "in Georgia Kemmerly
    /// said", nor a plural after it: "Iowa Democrats said").
    pub(super) fn known_given(&self, s: usize) -> bool {
        let Some(g) = s.checked_sub(1) else {
            return false;
        };
        let span = self.table.span(g);
        let token = self.table.token(g);
        let tight_known = self
            .known
            .binary_search_by_key(&(span.start, span.end), |k| (k.start, k.end))
            .is_ok();
        let opens = self.table.opens_sentence(g)
            || matches!(self.table.token(g - 1), "," | "\"" | "“" | "‘" | "'");
        let surname = self.table.token(s);
        let plural = surname.ends_with('s') && !surname.ends_with("ss") || demonym(surname);
        tight_known
            && opens
            && !demonym(token)
            && !plural
            && !all_caps(token)
            && self.table.flags(g).contains(Flags::CAPITALIZED)
            && self.table.flags(g).contains(Flags::WORDLIKE)
            && !self.table.flags(s).contains(Flags::LINE_BREAK)
            && self.table.sentence(g) == self.table.sentence(s)
    }
}
