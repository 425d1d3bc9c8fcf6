//! Quantities of people as sources: shares ("About four in 10 voters"),
//! counts ("two", "42") and the words that bound a quantity ("**at
//! least** a dozen residents").

use newsnlp_tokenize::TokenKind;

use super::Ctx;

impl<'a, 't> Ctx<'a, 't> {
    /// Where a share of people whose first count is at `a` starts, past
    /// the words that modify it ("**Only about** 4 in 10").
    pub(super) fn share_start(&self, mut a: usize, lo: usize) -> usize {
        while a > lo && self.share_modifier(a - 1) {
            a -= 1;
        }
        a
    }

    /// Whether token `i` modifies a count ("**about** 4 in 10", "**nearly**
    /// 3 in 10").
    pub(super) fn share_modifier(&self, i: usize) -> bool {
        matches!(
            self.lw(i),
            "about" | "nearly" | "almost" | "roughly" | "only"
        )
    }

    /// Where a phrase starting at `k` with a quantity starts with the words
    /// that bound it: "**about** half of voters", "**at least** a dozen
    /// residents", "**Less than** a third", "**Not** everyone", "**only
    /// about** 40 percent". `k` when the phrase holds no quantity or
    /// nothing bounds it.
    pub(super) fn quantity_start(&self, k: usize, end: usize, lo: usize) -> usize {
        let quantity = self.is_count(k)
            || matches!(self.lw(k), "half" | "everyone" | "everybody")
            || (k + 1 < end
                && self.lw(k) == "a"
                && matches!(
                    self.lw(k + 1),
                    "third" | "quarter" | "fifth" | "dozen" | "majority" | "handful"
                ));
        if !quantity {
            return k;
        }
        let mut a = k;
        for _ in 0..2 {
            if a <= lo || !self.toks[a - 1].kind.is_wordlike() {
                break;
            }
            let w = self.lw(a - 1);
            let two = a > lo + 1
                && self.toks[a - 2].kind.is_wordlike()
                && matches!(
                    (self.lw(a - 2), w),
                    ("at", "least" | "most") | ("more" | "less" | "fewer", "than")
                );
            if two {
                a -= 2;
            } else if matches!(
                w,
                "about" | "nearly" | "almost" | "roughly" | "only" | "approximately"
            ) || (w == "not" && matches!(self.lw(k), "everyone" | "everybody"))
            {
                a -= 1;
            } else {
                break;
            }
        }
        a
    }

    /// Whether token `i` is a count: a number or a number word ("three").
    pub(super) fn is_count(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == TokenKind::Number
            || (t.kind == TokenKind::Word && (3..=5).contains(&t.text.len()))
                && matches!(
                    self.lw(i),
                    "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                )
    }
}
