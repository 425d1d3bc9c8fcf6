#!/usr/bin/env bash
# Renders the seed article's `analyze --html` page in headless Chromium and
# checks the rendered DOM: the article's paragraphs, highlighted quotes and
# entities, underlined sources, the side list of who said what, and the
# stances: each listed with holder, target and polarity (colour and word),
# its evidence marked in the text; a copy of the page with a test script
# appended hovers over, leaves and presses every stance and records whether
# exactly its evidence and target light up (and the background changes).
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
stances=$(cargo run --release --quiet -p newsnlp-cli -- analyze --json seeds/000_1561a38bbdfba1e1.txt \
  | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["stances"]))')
# The test script: for every stance, the lit elements after hovering over
# its item, leaving it, pressing its button, leaving, and pressing again.
python3 - "$work/seed.html" "$work/probe.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
probe = r"""<script>(function(){
function has(e,a,i){return (e.getAttribute(a)||'').split(' ').indexOf(i)>=0;}
function lit(i){var mine=0,other=0;
 document.querySelectorAll('.lit,.lit-target').forEach(function(e){
  var ev=e.classList.contains('lit'),tg=e.classList.contains('lit-target');
  if((!ev||has(e,'data-evidence',i))&&(!tg||has(e,'data-target',i))){mine++;}else{other++;}});
 return [mine,other];}
function ev(el,type){el.dispatchEvent(new MouseEvent(type,{bubbles:type==='click'}));}
var out=[];
document.querySelectorAll('.stances li[data-stance]').forEach(function(li){
 var i=li.getAttribute('data-stance'),b=li.querySelector('button');
 var first=document.querySelector('[data-evidence~="'+i+'"]');
 var tgt=document.querySelector('[data-target~="'+i+'"]');
 function line(){return tgt?getComputedStyle(tgt).borderBottomStyle:'';}
 var r={i:i,cls:li.className,holder:li.querySelector('.holder').textContent,
  target:li.querySelector('.target').textContent,pol:li.querySelector('.pol').textContent,
  border:getComputedStyle(li).borderLeftColor,
  marked:document.querySelectorAll('[data-evidence~="'+i+'"]').length,
  targets:document.querySelectorAll('[data-target~="'+i+'"]').length,
  own:document.querySelectorAll('[data-evidence~="'+i+'"],[data-target~="'+i+'"]').length,
  before:lit(i),bg0:first?getComputedStyle(first).backgroundColor:'',line0:line()};
 ev(li,'mouseenter');r.hover=lit(i);r.bg1=first?getComputedStyle(first).backgroundColor:'';r.line1=line();
 ev(li,'mouseleave');r.left=lit(i);
 ev(b,'click');r.pressed=lit(i);r.aria=b.getAttribute('aria-pressed');
 ev(li,'mouseleave');r.kept=lit(i);
 ev(b,'click');r.released=lit(i);r.aria2=b.getAttribute('aria-pressed');
 out.push(r);});
var pre=document.createElement('pre');pre.id='stance-probe';pre.textContent=JSON.stringify(out);
document.body.appendChild(pre);})();</script>"""
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", probe + "</body>", 1))
PY
for name in seed probe; do
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --dump-dom "file://$work/$name.html" > "$work/$name.dom.html" 2>/dev/null
done
python3 - "$work/seed.dom.html" "$quotes" "$work/probe.dom.html" "$stances" <<'PY'
import html, json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
n = int(sys.argv[2])
probe = open(sys.argv[3], encoding="utf-8").read()
ns = int(sys.argv[4])
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
# Stances: listed, marked in the text, lit by hover and by pressing.
m = re.search(r'<pre id="stance-probe">(.*?)</pre>', probe, re.S)
need(m, "the stance probe ran")
rows = json.loads(html.unescape(m.group(1))) if m else []
need(len(rows) == ns and ns > 0, "%d stances listed, got %d" % (ns, len(rows)))
need(any(r["holder"] == "James Mattis" and "Assad" in r["target"] and r["cls"] == "pol-negative"
         and r["pol"] == "negative" for r in rows), "James Mattis → Assad listed as negative")
colour = {}
for r in rows:
    i = r["i"]
    pol = r["cls"].replace("pol-", "")
    need(pol in ("negative", "neutral", "positive") and r["pol"] == pol, "stance %s: polarity word" % i)
    colour.setdefault(pol, set()).add(r["border"])
    need(r["holder"] and r["target"], "stance %s: holder and target shown" % i)
    need(r["marked"] > 0 and r["targets"] > 0, "stance %s: evidence and target marked in the text" % i)
    need(r["before"] == [0, 0], "stance %s: nothing lit at first" % i)
    need(r["hover"][0] == r["own"], "stance %s: hover lights its evidence and target" % i)
    need(r["hover"][1] == 0, "stance %s: hover lights only its own marks" % i)
    need(r["bg1"] != r["bg0"], "stance %s: the lit evidence changes colour" % i)
    need(r["line0"] == "none" and r["line1"] == "solid", "stance %s: the lit target is underlined" % i)
    need(r["left"] == [0, 0], "stance %s: leaving clears the light" % i)
    need(r["pressed"] == [r["own"], 0] and r["aria"] == "true",
         "stance %s: pressing lights it (aria-pressed)" % i)
    need(r["kept"] == r["pressed"], "stance %s: a pressed stance stays lit" % i)
    need(r["released"] == [0, 0] and r["aria2"] == "false", "stance %s: pressing again clears it" % i)
# Each polarity has one colour, and the colours differ between polarities.
need(all(len(c) == 1 for c in colour.values()), "one colour per polarity")
need(len({next(iter(c)) for c in colour.values()}) == len(colour), "polarities in different colours")
if fail:
    print("check-html: " + "; ".join(fail))
    sys.exit(1)
print("check-html: the page renders with %d highlighted quotes and speakers, "
      "%d stances lit on hover and press" % (n, ns))
PY
