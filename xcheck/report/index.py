"""The corpus index (index.html): totals, one row per pair with pass or fail, columns that
sort on a click, readable at phone width. Self-contained like the reports."""

from __future__ import annotations

from xcheck.report.html import e, page

# Sorts the table by a clicked column header (numbers as numbers), toggling the direction.
SORT_JS = """
(function(){
var d=document,t=d.getElementById('pairs');if(!t)return;
d.documentElement.setAttribute('data-js','ready');
var heads=[].slice.call(t.querySelectorAll('thead th'));
heads.forEach(function(th,col){
  var b=th.querySelector('button');if(!b)return;
  b.addEventListener('click',function(){
    var asc=th.getAttribute('aria-sort')!=='ascending';
    heads.forEach(function(h){h.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',asc?'ascending':'descending');
    var body=t.tBodies[0],rows=[].slice.call(body.rows);
    rows.sort(function(a,b){
      var x=a.cells[col].getAttribute('data-v'),y=b.cells[col].getAttribute('data-v');
      var nx=parseFloat(x),ny=parseFloat(y),c;
      c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);
      return asc?c:-c;});
    rows.forEach(function(r){body.appendChild(r);});
  });});
})();
"""

COLUMNS = (("pair", "id"), ("result", "result"), ("errors", "errors"),
           ("warnings", "warnings"), ("info", "info"), ("suppressed", "suppressed"),
           ("seconds", "seconds"))


def _result(r: dict[str, object]) -> str:
    if r.get("error"):
        return "failed to check"
    return "fail" if r.get("failing") else "pass"


def index_page(rows: list[dict[str, object]], title: str = "xcheck corpus",
               fail_on: str = "error") -> str:
    """One row per pair, linking to its report; totals above the table."""
    failed = sum(1 for r in rows if r.get("error"))
    failing = sum(1 for r in rows if not r.get("error") and r.get("failing"))
    passing = len(rows) - failed - failing
    totals = {k: sum(int(str(r.get(k, 0) or 0)) for r in rows if not r.get("error"))
              for k in ("errors", "warnings", "info", "suppressed")}
    out = [f"<header><h1>{e(title)}</h1>",
           "<div class=\"summary\">"
           f"<span class=\"stat\"><b>{len(rows)}</b>pairs</span>"
           f"<span class=\"stat\"><b>{passing}</b>pass</span>"
           f"<span class=\"stat error\"><b>{failing}</b>fail</span>"
           + (f"<span class=\"stat error\"><b>{failed}</b>could not be checked</span>"
              if failed else "")
           + "".join(f"<span class=\"stat\"><b>{n}</b>{k}</span>" for k, n in totals.items())
           + "</div>",
           f"<p class=\"files\">A pair fails with a finding at or above {e(fail_on)}. Click a "
           "column heading to sort.</p></header>",
           "<main><div class=\"scroll\"><table class=\"index\" id=\"pairs\"><thead><tr>"]
    out += [f"<th scope=\"col\"><button type=\"button\">{label}</button></th>"
            for label, _ in COLUMNS]
    out.append("</tr></thead><tbody>")
    for r in rows:
        link = r.get("html")
        name = e(r["id"])
        cell = f"<a href=\"{e(link)}\">{name}</a>" if link else name
        result = _result(r)
        cells = [f"<td data-label=\"pair\" data-v=\"{name}\">{cell}</td>",
                 f"<td data-label=\"result\" data-v=\"{e(result)}\" "
                 f"class=\"r-{e(result.split()[0])}\">{e(result)}</td>"]
        if r.get("error"):
            cells += [f"<td class=\"n\" data-label=\"{k}\" data-v=\"-1\"></td>"
                      for k in ("errors", "warnings", "info", "suppressed")]
            cells.append(f"<td data-label=\"error\" data-v=\"-1\" class=\"err\">"
                         f"{e(r['error'])}</td>")
        else:
            cells += [f"<td class=\"n\" data-label=\"{k}\" data-v=\"{e(r.get(k, 0))}\">"
                      f"{e(r.get(k, 0))}</td>"
                      for k in ("errors", "warnings", "info", "suppressed")]
            seconds = float(str(r.get("seconds", 0)))
            cells.append(f"<td class=\"n\" data-label=\"seconds\" data-v=\"{seconds:.3f}\">"
                         f"{seconds:.2f}</td>")
        out.append(f"<tr>{''.join(cells)}</tr>")
    out.append("</tbody></table></div></main>")
    return page(title, "\n".join(out), scripts=(SORT_JS,))
