#!/usr/bin/env bash
# Renders the seed article's `analyze --html` page in headless Chromium and
# checks the rendered DOM: the article's paragraphs, highlighted quotes and
# entities, underlined sources, and the side list of who said what.
# Installs Debian's chromium when it is missing and we are root (CI).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "check-html: chromium is not installed (apt-get install chromium)" >&2
    exit 1
  fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --release --quiet -p newsnlp-cli -- analyze --html "$work/seed.html"
quotes=$(cargo run --release --quiet -p newsnlp-cli -- quotes --count seeds/000_1561a38bbdfba1e1.txt | awk '/^quotes/ {print $2}')
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --dump-dom "file://$work/seed.html" > "$work/dom.html" 2>/dev/null
python3 - "$work/dom.html" "$quotes" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
n = int(sys.argv[2])
fail = []
def need(cond, what):
    if not cond:
        fail.append(what)
need("Tillerson Meeting With Putin in Moscow" in re.sub(r"<[^>]+>", "", dom), "the headline text")
need(dom.count("<p>") >= 12, "one <p> per paragraph (12)")
side = dom[dom.find("<aside"):]
items = re.findall(r'<li data-quote="(\d+)">', side)
need(len(items) == n and n > 0, "%d quotes listed at the side, got %d" % (n, len(items)))
for i in range(n):
    need(re.search(r'<span class="[^"]*quote[^"]*"[^>]*data-quote="%d"' % i, dom), "quote %d highlighted" % i)
need('data-entity="Rex Tillerson"' in dom, "Rex Tillerson highlighted as an entity")
need('<span class="who">Rex Tillerson</span>' in side, "Rex Tillerson in who-said-what")
need(re.search(r'class="[^"]*src', dom), "a source underlined")
if fail:
    print("check-html: " + "; ".join(fail))
    sys.exit(1)
print("check-html: the page renders with %d highlighted quotes and speakers" % n)
PY
