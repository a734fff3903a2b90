"""The HTML report: one self-contained file, the two articles side by side bead by bead.

No network: CSS and JS are inline and allowed by a strict Content-Security-Policy (meta tag)
through their SHA-256 hashes; nothing else may load. All article text is HTML-escaped; the
script only ever sets ``textContent`` and classes.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from html import escape

from xcheck.model import Document, Finding, FindingType, Report, Span
from xcheck.report import RenderOptions, register
from xcheck.report.common import CATEGORIES, SEVERITIES, Locator, pieces
from xcheck.report.text import signature

CSS = """
:root{--err:#b3261e;--warn:#8a5a00;--info:#1d5fa8;--bg:#fff;--fg:#1b1b1b;--mut:#5f6368;
--line:#e3e3e3;--errbg:#fde2df;--warnbg:#fff0c2;--infobg:#dcebfb}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",
"Noto Sans CJK TC","PingFang TC","Microsoft JhengHei",sans-serif;color:var(--fg);
background:var(--bg)}
header,nav,main,footer{max-width:1200px;margin:0 auto;padding:0 16px}
header{padding-top:12px}
h1{font-size:1.35rem;margin:.4rem 0}
h2{font-size:1.1rem;margin:1.2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:4px}
.files{color:var(--mut);margin:.2rem 0;overflow-wrap:anywhere}
.summary{display:flex;flex-wrap:wrap;gap:8px;margin:.6rem 0}
.stat{border:1px solid var(--line);border-radius:8px;padding:4px 10px;background:#fafafa}
.stat b{font-size:1.1rem;margin-right:4px}
.stat.error b{color:var(--err)}.stat.warning b{color:var(--warn)}.stat.info b{color:var(--info)}
.ignored{color:var(--mut);font-size:.9rem}
nav.filters{position:sticky;top:0;background:rgba(255,255,255,.96);z-index:2;
border-bottom:1px solid var(--line);padding-top:6px;padding-bottom:6px}
.filters fieldset{border:0;margin:0;padding:2px 0;display:flex;flex-wrap:wrap;gap:4px 12px;
align-items:center}
.filters legend{float:left;font-weight:600;margin-right:6px}
.filters label{white-space:nowrap;cursor:pointer}
.shown{color:var(--mut);font-size:.9rem}
ol.findings{list-style:none;padding:0;margin:0;display:grid;gap:6px}
@media (min-width:1000px){ol.findings{grid-template-columns:1fr 1fr}}
li.finding{border:1px solid var(--line);border-left:5px solid var(--info);border-radius:6px;
padding:5px 10px;background:#fff;min-width:0;cursor:pointer}
li.finding.sev-error{border-left-color:var(--err)}
li.finding.sev-warning{border-left-color:#e0a100}
li.finding.active{box-shadow:0 0 0 3px #7aa7e8}
.fhead{display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
.badge{font-size:.75rem;font-weight:700;text-transform:uppercase;border-radius:4px;
padding:1px 6px;color:#fff;background:var(--info)}
.badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}
.kind{font-weight:600}
code{font-size:.85em;color:var(--mut)}
.msg{margin:.15rem 0;overflow-wrap:anywhere}
.ev{margin:.1rem 0;color:var(--mut);font-size:.85rem;overflow-wrap:anywhere;display:inline}
a.goto{font-size:.85rem;margin-left:6px;white-space:nowrap}
code.fp{display:none}
li.finding.active code.fp{display:inline}
.cols,.bead{display:grid;grid-template-columns:1fr 1fr;gap:0 16px}
.cols{font-weight:700;color:var(--mut)}
.bead{border-top:1px solid var(--line);padding:8px 0;scroll-margin-top:90px}
.bead:target{background:#f3f8ff}
.bead .score{grid-column:1/-1;font-size:.75rem;color:var(--mut)}
.side .mt{display:block;margin-top:4px;font-size:.8rem;color:var(--mut)}
.order{font-size:.85rem}.order .note{color:var(--mut)}
.side{min-width:0;overflow-wrap:anywhere}
.side.empty{color:var(--mut);font-style:italic}
.side .lab{display:none}
.sent .idx{font-size:.7rem;color:var(--mut);vertical-align:super;margin-right:2px}
mark{background:var(--infobg);color:inherit;border-bottom:2px solid var(--info);cursor:pointer;
border-radius:2px}
mark.sev-warning{background:var(--warnbg);border-bottom-color:#e0a100}
mark.sev-error{background:var(--errbg);border-bottom-color:var(--err)}
mark.off{background:none;border-bottom:0;cursor:auto}
mark.active{outline:2px solid #1a73e8}
.sent.flag{background:var(--warnbg);cursor:pointer}
.sent.flag.sev-error{background:var(--errbg)}.sent.flag.sev-info{background:var(--infobg)}
.sent.flag.off{background:none}
#tip{position:fixed;left:8px;right:8px;bottom:8px;max-width:640px;margin:0 auto;z-index:3;
background:#202124;color:#fff;border-radius:8px;padding:8px 36px 8px 12px;
box-shadow:0 4px 16px rgba(0,0,0,.3);font-size:.95rem}
#tip p{margin:.25rem 0}
#tip button{position:absolute;top:4px;right:6px;background:none;border:0;color:#fff;
font-size:1.2rem;cursor:pointer}
footer{color:var(--mut);font-size:.75rem;margin:24px auto;overflow-wrap:anywhere}
table.index{border-collapse:collapse;width:100%}
table.index th,table.index td{border-bottom:1px solid var(--line);padding:4px 6px;
text-align:left}
table.index td.n{text-align:right}
table.index th button{font:inherit;font-weight:700;background:none;border:0;padding:0;
cursor:pointer;color:inherit}
table.index th[aria-sort=ascending] button::after{content:" \\25B2"}
table.index th[aria-sort=descending] button::after{content:" \\25BC"}
td.r-fail,td.r-failed{color:var(--err);font-weight:700}td.r-pass{color:#1e7b34}
td.err{overflow-wrap:anywhere}
.scroll{max-width:100%;overflow-x:auto}
details.infos>summary,details.settings>summary{cursor:pointer;color:var(--mut);margin:.4rem 0}
details.settings pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.75rem}
.review{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:center;margin-top:4px;
font-size:.85rem}
.review input[type=text]{flex:1 1 12rem;min-width:0;font:inherit}
li.finding.accepted{opacity:.7;border-left-color:#1e7b34}
li.finding.tofix{box-shadow:inset 0 0 0 1px var(--err)}
#review-bar{display:flex;flex-wrap:wrap;gap:6px 12px;align-items:center;margin:.5rem 0}
#review-bar button{font:inherit;cursor:pointer}
.about{color:var(--mut);font-size:.85rem}
@media (max-width:700px){
body{font-size:14px}
nav.filters{position:static}
.cols{display:none}
.bead{grid-template-columns:1fr;gap:4px}
.side .lab{display:inline-block;font-size:.7rem;font-weight:700;color:var(--mut);
margin-right:4px}
.side.zh{padding-bottom:4px;border-bottom:1px dashed var(--line)}
.filters legend{float:none}
table.index,table.index tbody,table.index tr,table.index td{display:block;width:100%}
table.index thead tr{display:flex;flex-wrap:wrap;gap:4px}
table.index thead th{border:1px solid var(--line);border-radius:6px}
table.index tbody tr{border-bottom:1px solid var(--line);padding:6px 0}
table.index td{border:0;padding:1px 0;text-align:left}
table.index td.n{text-align:left}
table.index td[data-label]::before{content:attr(data-label) ": ";color:var(--mut)}
}
"""

JS = """
(function(){
var d=document;
d.documentElement.setAttribute('data-js','ready');
var boxes=[].slice.call(d.querySelectorAll('input[data-filter]'));
var tip=d.getElementById('tip'),tipBody=d.getElementById('tip-body');
function visible(){
  var on={severity:{},category:{}},vis={},n=0;
  boxes.forEach(function(b){on[b.getAttribute('data-filter')][b.value]=b.checked;});
  [].forEach.call(d.querySelectorAll('li.finding'),function(li){
    var v=on.severity[li.getAttribute('data-severity')]!==false&&
          on.category[li.getAttribute('data-category')]!==false;
    li.hidden=!v;vis[li.id]=v;if(v)n++;});
  [].forEach.call(d.querySelectorAll('[data-f]'),function(m){
    var any=m.getAttribute('data-f').split(' ').some(function(i){return vis[i];});
    m.classList.toggle('off',!any);});
  d.getElementById('shown').textContent=String(n);
  return vis;
}
function clear(){
  [].forEach.call(d.querySelectorAll('.active'),function(x){x.classList.remove('active');});
}
function explain(m){
  var vis=visible(),ids=m.getAttribute('data-f').split(' ').filter(function(i){return vis[i];});
  if(!ids.length)return;
  clear();tipBody.textContent='';m.classList.add('active');
  ids.forEach(function(i){
    var li=d.getElementById(i);if(!li)return;li.classList.add('active');
    var p=d.createElement('p'),b=d.createElement('b');
    b.textContent=li.querySelector('.badge').textContent+' \\u00b7 '+
      li.querySelector('.kind').textContent+': ';
    p.appendChild(b);p.appendChild(d.createTextNode(li.querySelector('.msg').textContent));
    var a=d.createElement('a');a.href='#'+i;a.textContent=' (details)';
    a.style.color='#8ab4f8';p.appendChild(a);tipBody.appendChild(p);});
  tip.hidden=false;
}
d.addEventListener('click',function(e){
  var t=e.target;
  if(t.closest('#tip button')){tip.hidden=true;clear();return;}
  if(t.closest('#tip'))return;
  var m=t.closest('mark[data-f],.sent[data-f]');
  if(m&&!m.classList.contains('off')){explain(m);return;}
  var li=t.closest('li.finding');
  clear();tip.hidden=true;
  if(li){li.classList.add('active');
    [].forEach.call(d.querySelectorAll('[data-f]'),function(x){
      if(x.getAttribute('data-f').split(' ').indexOf(li.id)>=0)x.classList.add('active');});}
});
d.addEventListener('keydown',function(e){
  var m=e.target.closest&&e.target.closest('mark[data-f],.sent[data-f]');
  if(m&&(e.key==='Enter'||e.key===' ')){e.preventDefault();explain(m);}
  if(e.key==='Escape'){tip.hidden=true;clear();}
});
boxes.forEach(function(b){b.addEventListener('change',visible);});
var least=d.getElementById('least'),list=d.getElementById('beads');
if(least&&list)least.addEventListener('change',function(){
  var key=least.checked?'data-sim':'data-k';
  [].slice.call(list.children).sort(function(a,b){
    return parseFloat(a.getAttribute(key))-parseFloat(b.getAttribute(key))||
      parseFloat(a.getAttribute('data-k'))-parseFloat(b.getAttribute('data-k'));
  }).forEach(function(x){list.appendChild(x);});});
if(least&&location.hash==='#least'){least.checked=true;least.dispatchEvent(new Event('change'));}
visible();
})();
"""

# The review: a decision per finding, counted; the download builds a baseline file (the
# format of xcheck/baseline.py) from the accepted findings and the kept suppressions.
REVIEW_JS = """
(function(){
var d=document,items=[].slice.call(d.querySelectorAll('li.finding[data-fp]'));
function decision(li){var r=li.querySelector('.review input:checked');return r?r.value:'';}
function update(){
  var n={accept:0,fix:0,'':0};
  items.forEach(function(li){
    var v=decision(li),reason=li.querySelector('.reason');n[v]++;
    li.classList.toggle('accepted',v==='accept');li.classList.toggle('tofix',v==='fix');
    reason.hidden=v!=='accept';});
  d.getElementById('n-accept').textContent=String(n.accept);
  d.getElementById('n-fix').textContent=String(n.fix);
  d.getElementById('n-open').textContent=String(n['']);
}
items.forEach(function(li){
  [].forEach.call(li.querySelectorAll('.review input'),function(x){
    x.addEventListener('change',update);x.addEventListener('click',function(ev){
      ev.stopPropagation();});});});
d.getElementById('download').addEventListener('click',function(){
  var out=[],seen={};
  items.forEach(function(li){
    if(decision(li)!=='accept')return;
    var fp=li.getAttribute('data-fp');seen[fp]=1;
    out.push({fingerprint:fp,rule:li.getAttribute('data-rule'),
      reason:li.querySelector('.reason').value.trim()||'accepted in review',
      message:li.querySelector('.msg').textContent});});
  [].forEach.call(d.querySelectorAll('#kept li'),function(k){
    var fp=k.getAttribute('data-fp');if(seen[fp])return;seen[fp]=1;
    out.push({fingerprint:fp,rule:k.getAttribute('data-rule'),
      reason:k.getAttribute('data-reason'),message:k.getAttribute('data-message')});});
  var blob=new Blob([JSON.stringify({version:1,suppressions:out},null,2)+'\\n'],
    {type:'application/json'});
  var a=d.createElement('a');a.href=URL.createObjectURL(blob);
  a.download='xcheck-baseline.json';d.body.appendChild(a);a.click();
  setTimeout(function(){URL.revokeObjectURL(a.href);a.remove();},1000);
});
update();
})();
"""


def _sha(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def csp(scripts: tuple[str, ...] = (JS,), style: str = CSS) -> str:
    script_src = " ".join(f"'sha256-{_sha(x)}'" for x in scripts) or "'none'"
    return (f"default-src 'none'; script-src {script_src}; style-src 'sha256-{_sha(style)}'; "
            "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; "
            "form-action 'none'")


def e(text: object) -> str:
    return escape(str(text), quote=True)


def page(title: str, body: str, scripts: tuple[str, ...] = (JS,)) -> str:
    """A self-contained page: inline style and scripts, allowed by their hashes only."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" "
        f"content=\"{e(csp(scripts))}\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n"
        + "".join(f"<script>{x}</script>\n" for x in scripts)
        + "</body>\n</html>\n")


def _marks_for(f: Finding, side: str) -> tuple[Span, ...]:
    return f.zh.spans if side == "zh" else f.en.spans


def _sentence_html(doc: Document, side: str, index: int, report: Report,
                   ids: dict[int, str]) -> str:
    marks: list[tuple[Span, str]] = []
    flags: list[int] = []
    for k, f in enumerate(report.findings):
        spans = _marks_for(f, side)
        if spans:
            marks += [(sp, str(k)) for sp in spans]
        elif not f.zh.spans and not f.en.spans and f.type is not FindingType.DOCUMENT and \
                index in (f.zh.sentences if side == "zh" else f.en.sentences):
            flags.append(k)
    out = []
    for text, keys in pieces(doc, index, marks):
        if not keys:
            out.append(e(text))
            continue
        fs = [report.findings[int(k)] for k in keys]
        sev = max(fs, key=lambda f: f.severity.rank).severity.value
        title = " | ".join(f"{f.severity.value}: {f.message}" for f in fs)
        out.append(f"<mark class=\"sev-{sev}\" tabindex=\"0\" "
                   f"data-f=\"{' '.join(ids[int(k)] for k in keys)}\" title=\"{e(title)}\">"
                   f"{e(text)}</mark>")
    attrs = f" id=\"{side}-{index}\""
    cls = "sent"
    if flags:
        fs = [report.findings[k] for k in flags]
        sev = max(fs, key=lambda f: f.severity.rank).severity.value
        cls += f" flag sev-{sev}"
        attrs += (f" tabindex=\"0\" data-f=\"{' '.join(ids[k] for k in flags)}\" "
                  f"title=\"{e(' | '.join(f.message for f in fs))}\"")
    return (f"<span class=\"{cls}\"{attrs}><span class=\"idx\">{index}</span>"
            f"{''.join(out)}</span> ")


def _file_places(f: Finding, locator: Locator | None) -> str:
    """Where the finding is in the files as given (HTML, Markdown, DOCX, XLIFF, TMX input:
    the article shown here is their text without markup)."""
    if locator is None:
        return ""
    places = [f"{loc.side}: {loc.path} line {loc.start_line}, column {loc.start_col}"
              + (f"–{loc.end_col - 1}" if loc.end_line == loc.start_line
                 else f" to line {loc.end_line}, column {loc.end_col - 1}")
              for loc in locator.locations(f)[:4]]
    return f"<p class=\"ev\">In the file: {e('; '.join(places))}</p>" if places else ""


def _finding_html(f: Finding, fid: str, bead: int | None, report: Report,
                  locator: Locator | None = None) -> str:
    where = []
    if f.zh.sentences:
        where.append("zh " + ", ".join(map(str, f.zh.sentences[:4])))
    if f.en.sentences:
        where.append("en " + ", ".join(map(str, f.en.sentences[:4])))
    goto = (f"<a class=\"goto\" href=\"#b-{bead}\">{e(' · '.join(where))}</a>"
            if bead is not None and f.type is not FindingType.DOCUMENT else "")
    return (
        f"<li class=\"finding sev-{f.severity.value}\" id=\"{fid}\" "
        f"data-severity=\"{f.severity.value}\" data-category=\"{e(f.category.value)}\" "
        f"data-fp=\"{e(f.fingerprint)}\" data-rule=\"{e(f.rule)}\">"
        f"<div class=\"fhead\"><span class=\"badge sev-{f.severity.value}\">"
        f"{f.severity.value}</span> <span class=\"kind\">{e(f.category.value)}/"
        f"{e(f.type.value)}</span> <code>{e(f.rule)}</code> <code class=\"fp\">"
        f"{e(f.fingerprint)}</code>"
        f"</div><p class=\"msg\">{e(f.message)}</p>"
        + (f"<p class=\"ev\">{e(f.evidence)}</p>" if f.evidence else "")
        + _file_places(f, locator)
        + " " + goto + _review_html(fid) + "</li>")


def _review_html(fid: str) -> str:
    """The editor's decision on one finding: accepted (with a reason) or to fix."""
    return (f"<div class=\"review\" role=\"group\" aria-label=\"Decision\">"
            f"<label><input type=\"radio\" name=\"d-{fid}\" value=\"accept\"> accept</label>"
            f"<label><input type=\"radio\" name=\"d-{fid}\" value=\"fix\"> to fix</label>"
            f"<input type=\"text\" class=\"reason\" placeholder=\"why it is acceptable\" "
            f"aria-label=\"Reason\" hidden></div>")


SIMILARITY_NOTE = {
    "lexical": "how much the two sides of a bead have in common, from 0 to 1: the "
               "dictionary evidence (words, names and numbers linked across the two languages) "
               "the aligner found, with the sentences' meaning (multilingual sentence "
               "embeddings). Low values point to free translation, an omission or an "
               "addition; they are not findings by themselves.",
    "mt": "chrF++ (0 to 1) of the English against the machine translation of the Chinese: "
          "how much of the English the MT also says. Low values point to free translation, "
          "an omission or an addition; they are not findings by themselves.",
}


def _review_bar(report: Report) -> str:
    """The review tools: counts, and the baseline download (suppressions kept from the
    baseline this report was checked with ride along, so nothing accepted before is lost)."""
    kept = "".join(
        f"<li data-fp=\"{e(entry.fingerprint)}\" data-rule=\"{e(entry.rule)}\" "
        f"data-reason=\"{e(entry.reason)}\" data-message=\"{e(entry.message)}\"></li>"
        for _, entry in report.suppressions)
    return ("<div id=\"review-bar\"><b>Review</b> <span><span id=\"n-accept\">0</span> "
            "accepted · <span id=\"n-fix\">0</span> to fix · <span id=\"n-open\">"
            f"{len(report.findings)}</span> undecided</span> <button type=\"button\" "
            "id=\"download\">Download baseline</button> <span class=\"about\">(a file for "
            "<code>xcheck check --baseline FILE</code>: the accepted findings, with their "
            f"reasons, and the {report.suppressed} already suppressed)</span></div>"
            f"<ul id=\"kept\" hidden>{kept}</ul>")


def report_body(report: Report, options: RenderOptions = RenderOptions()) -> str:
    al = report.alignment
    s = report.summary()
    ids = {k: f"f-{k}" for k in range(len(report.findings))}
    zh_bead = {i: k for k, b in enumerate(al.beads) for i in b.zh}
    en_bead = {j: k for k, b in enumerate(al.beads) for j in b.en}

    # Input read from a structured format: each finding also says where it is in the file.
    locator = Locator(report) if al.zh.source is not None or al.en.source is not None \
        else None

    def bead_of(f: Finding) -> int | None:
        if f.en.sentences and f.en.sentences[0] in en_bead:
            return en_bead[f.en.sentences[0]]
        if f.zh.sentences and f.zh.sentences[0] in zh_bead:
            return zh_bead[f.zh.sentences[0]]
        return None

    title = options.id or (al.zh.path if al.zh.path == al.en.path
                           else f"{al.zh.path or '<text>'} ↔ {al.en.path or '<text>'}")
    parts = ["<header>", f"<h1>xcheck: {e(title)}</h1>",
             f"<p class=\"files\">zh: {e(al.zh.path or '<text>')} ({e(al.zh.script.value)}, "
             f"{len(al.zh.sentences)} sentences) · en: {e(al.en.path or '<text>')} "
             f"({len(al.en.sentences)} sentences)</p>",
             "<div class=\"summary\">"]
    for sev in SEVERITIES:
        parts.append(f"<span class=\"stat {sev}\"><b>{s[sev]}</b>{sev}</span>")
    parts.append(f"<span class=\"stat\"><b>{report.suppressed}</b>suppressed</span>")
    parts.append(f"<span class=\"stat\"><b>{al.score:.2f}</b><a href=\"#about-similarity\" "
                 f"title=\"document similarity: the evidence the aligner found that the two "
                 f"articles translate each other, from 0 to 1\">similarity</a></span>")
    parts.append(f"<span class=\"stat\"><b>{len(al.beads)}</b>beads</span></div>")
    if al.zh.ignored:
        parts.append("<p class=\"ignored\">Ignored lines (neither language): "
                     + ", ".join(f"{li.line}: “{e(li.text)}”" for li in al.zh.ignored)
                     + "</p>")
    if al.mt is not None:
        state = "used" if al.mt.used else "not used"
        parts.append(f"<p class=\"ignored\">Machine translation: {e(al.mt.path or '<mt>')} "
                     f"({e(al.mt.mode)}, {state})</p>")
    parts += [f"<p class=\"ignored\">Warning: {e(w)}</p>" for w in report.warnings]
    parts.append("</header>")
    cats = Counter(f.category.value for f in report.findings)
    sevs = Counter(f.severity.value for f in report.findings)
    parts.append("<nav class=\"filters\" aria-label=\"Filters\"><fieldset><legend>Severity"
                 "</legend>")
    for sev in SEVERITIES:
        parts.append(f"<label><input type=\"checkbox\" data-filter=\"severity\" value=\"{sev}\""
                     f" checked> {sev} ({sevs[sev]})</label>")
    parts.append("</fieldset><fieldset><legend>Category</legend>")
    for cat in [c for c in CATEGORIES if cats[c]] + sorted(set(cats) - set(CATEGORIES)):
        parts.append(f"<label><input type=\"checkbox\" data-filter=\"category\" "
                     f"value=\"{e(cat)}\" checked> {e(cat)} ({cats[cat]})</label>")
    parts.append(f"<span class=\"shown\">showing <span id=\"shown\">{len(report.findings)}"
                 f"</span> of {len(report.findings)}</span></fieldset></nav>")
    parts.append("<main><section id=\"findings\"><h2>Findings, most important first</h2>")
    parts.append(_review_bar(report))
    if report.findings:
        # Infos (weak evidence) are folded away: errors and warnings are what needs a look.
        main = [k for k, f in enumerate(report.findings) if f.severity.value != "info"]
        infos = [k for k, f in enumerate(report.findings) if f.severity.value == "info"]
        if main:
            parts.append("<ol class=\"findings\">")
            parts += [_finding_html(report.findings[k], ids[k], bead_of(report.findings[k]),
                                    report, locator) for k in main]
            parts.append("</ol>")
        if infos:
            parts.append(f"<details class=\"infos\"><summary>{len(infos)} info finding"
                         f"{'s' if len(infos) != 1 else ''} (weak evidence; click to show)"
                         "</summary><ol class=\"findings\">")
            parts += [_finding_html(report.findings[k], ids[k], bead_of(report.findings[k]),
                                    report, locator) for k in infos]
            parts.append("</ol></details>")
    else:
        parts.append("<p>No findings.</p>")
    parts.append("</section><section id=\"articles\"><h2>The two articles, bead by bead</h2>"
                 "<div class=\"cols\"><div>中文</div><div>English</div></div>")
    mt = al.mt if al.mt is not None and al.mt.used else None
    parts.append("<p class=\"order\"><label><input type=\"checkbox\" id=\"least\"> least "
                 "similar first</label></p><p class=\"about\" id=\"about-similarity\">"
                 "<b>Similarity</b> (under each bead) is "
                 + e(SIMILARITY_NOTE["mt" if mt else "lexical"]) + "</p><div id=\"beads\">")
    for k, b in enumerate(al.beads):
        zh = "".join(_sentence_html(al.zh, "zh", i, report, ids) for i in b.zh)
        en = "".join(_sentence_html(al.en, "en", j, report, ids) for j in b.en)
        mt_text = mt.for_bead(b) if mt is not None else ""
        # Beads with a side missing sort first: nothing on the other side is least similar.
        sim = b.similarity if b.zh and b.en else -1.0
        label = (f"similarity {b.similarity:.2f}" + (" (chrF++ vs MT)" if b.mt_chrf is not None
                                                      else "")) if b.zh and b.en else "one side"
        parts.append(
            f"<div class=\"bead\" id=\"b-{k}\" data-k=\"{k}\" data-sim=\"{sim:.4f}\">"
            f"<div class=\"side zh{'' if zh else ' empty'}\" lang=\"zh\">"
            f"<span class=\"lab\">中文</span>{zh or '(no Chinese)'}"
            + (f"<span class=\"mt\" lang=\"en\">MT: {e(mt_text)}</span>" if mt_text else "")
            + "</div>"
            f"<div class=\"side en{'' if en else ' empty'}\" lang=\"en\">"
            f"<span class=\"lab\">EN</span>{en or '(no English)'}</div>"
            f"<div class=\"score\"><a href=\"#about-similarity\">{label}</a></div></div>")
    parts.append("</div>")
    parts.append("</section></main>")
    parts.append("<div id=\"tip\" role=\"status\" hidden><button type=\"button\" "
                 "aria-label=\"Close\">×</button><div id=\"tip-body\"></div></div>")
    parts.append("<footer><details class=\"settings\"><summary>Settings behind this report"
                 f"</summary><pre>{e(signature(report))}\n\n"
                 f"{e(json.dumps(report.settings, ensure_ascii=False, indent=1, default=str))}"
                 "</pre></details></footer>")
    return "\n".join(parts)


@register("html")
def render_html(report: Report, options: RenderOptions = RenderOptions()) -> str:
    al = report.alignment
    name = options.id or al.en.path or al.zh.path or "report"
    return page(f"xcheck: {name}", report_body(report, options), scripts=(JS + REVIEW_JS,))
