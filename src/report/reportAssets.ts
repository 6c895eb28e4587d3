/**
 * The report's inline style sheet and script. They are plain strings because the report is one
 * self-contained file: nothing is fetched, so it opens the same offline, from mail or from disk.
 */

/** Rows of the roles table shown at a time; the rest wait behind the pager. */
export const TABLE_PAGE_SIZE = 50;

export const REPORT_CSS = `
:root{--ink:#1d2433;--muted:#5b6478;--line:#d9dee8;--accent:#2f6fdf;--accent-soft:#c9dafb;--warn:#b4541a;--warn-soft:#fde9dc;--bg:#fff;--band:#f5f7fb}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:24px 24px 64px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:36px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:16px;margin:0;display:inline}h4{font-size:14px;margin:18px 0 6px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
.lede{color:var(--muted);margin:0 0 8px}.note{color:var(--muted);font-size:13px;margin:4px 0}
nav.toc a{margin-right:14px}
table{border-collapse:collapse;width:100%}th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:var(--band);font-weight:600;white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.none{color:var(--muted)}
#roles-table th button{all:unset;cursor:pointer}#roles-table th button::after{content:" \\2195";color:var(--muted);font-size:11px}
#roles-table th[aria-sort=ascending] button::after{content:" \\2191";color:var(--ink)}#roles-table th[aria-sort=descending] button::after{content:" \\2193";color:var(--ink)}
html.js #roles-table:not(.paged) tr.later{display:none}
.pager{display:flex;gap:10px;align-items:center;margin:8px 0}.pager input{padding:4px 8px;border:1px solid var(--line);border-radius:4px;min-width:220px}
.pager button{padding:3px 10px;border:1px solid var(--line);border-radius:4px;background:var(--band);cursor:pointer}
.badge{display:inline-block;padding:0 7px;border-radius:9px;background:var(--warn-soft);color:var(--warn);font-size:12px;font-weight:600}
.scroll{overflow-x:auto}
.pay-chart{max-width:100%;height:auto;font-size:12px}.pay-chart .grid{stroke:var(--line)}.pay-chart .tick,.pay-chart .axis-title{fill:var(--muted)}
.pay-chart .range{fill:var(--accent-soft);stroke:var(--accent)}.pay-chart .mark{stroke:var(--ink);stroke-width:3}.pay-chart .label{fill:var(--accent)}.pay-chart .value{fill:var(--muted)}
.matrix td.pct{background:color-mix(in srgb,var(--accent) var(--shade),white);text-align:center;font-variant-numeric:tabular-nums}
.matrix th.role-col{white-space:normal;min-width:90px;font-size:12px}.matrix td.empty{background:var(--band)}
details.role{border:1px solid var(--line);border-radius:6px;margin:8px 0;background:var(--bg)}
details.role>summary{cursor:pointer;padding:8px 12px;background:var(--band);border-radius:6px}
details.role>summary .sum{color:var(--muted);margin-left:10px}
details.role>.body{padding:4px 14px 14px}
table.facts th{width:220px;font-weight:500;color:var(--muted)}
.ref{display:inline-block;margin-right:4px;padding:0 5px;border:1px solid var(--line);border-radius:4px;font-size:12px}
.disagree{color:var(--warn);font-size:12px;margin-left:6px}
ul.pages{margin:0;padding-left:18px}
.sides{display:flex;gap:12px;flex-wrap:wrap}.side{flex:1 1 200px;border:1px solid var(--warn-soft);border-left:4px solid var(--warn);border-radius:4px;padding:6px 10px}
.side .v{font-weight:600}.side .n{color:var(--muted);font-size:12px}
ul.skills{list-style:none;margin:0;padding:0;max-width:640px}ul.skills li{display:grid;grid-template-columns:210px 1fr 48px;gap:8px;align-items:center;margin:2px 0}
ul.skills i{display:block;height:12px;background:var(--accent);border-radius:2px;min-width:2px;justify-self:start}ul.skills b{font-weight:400;text-align:right;font-variant-numeric:tabular-nums}
.src{margin-left:8px}
.description{white-space:pre-line;max-width:820px}
`;

/**
 * Sorts and pages the roles table, opens a collapsed section when a link points into it, and
 * fills a large report's sections from their JSON when they are opened.
 */
export const REPORT_SCRIPT = `
(function () {
  "use strict";
  var bodies = null;
  function fill(section) {
    var i = section.getAttribute("data-body");
    if (i === null) return;
    if (bodies === null) bodies = JSON.parse(document.getElementById("deferred-bodies").textContent);
    section.removeAttribute("data-body");
    section.insertAdjacentHTML("beforeend", bodies[Number(i)]);
  }
  document.addEventListener("toggle", function (e) {
    var d = e.target;
    if (d && d.open && d.hasAttribute && d.hasAttribute("data-body")) fill(d);
  }, true);
  function openTo(id) {
    var el = id ? document.getElementById(id) : null;
    for (var n = el; n; n = n.parentElement) {
      if (n.tagName === "DETAILS") { fill(n); n.open = true; }
    }
    return el;
  }
  // A fragment typed or pasted by hand may not decode ("#%E0"); it is then looked up as written.
  function idOf(fragment) {
    try { return decodeURIComponent(fragment); } catch (e) { return fragment; }
  }
  document.addEventListener("click", function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (a) openTo(idOf(a.getAttribute("href").slice(1)));
  });
  function openHash() {
    var el = openTo(idOf(location.hash.slice(1)));
    if (el) el.scrollIntoView();
  }
  window.addEventListener("hashchange", openHash);
  if (location.hash) openHash();

  var table = document.getElementById("roles-table");
  if (!table) return;
  var size = ${TABLE_PAGE_SIZE};
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var shown = rows;
  var page = 0;
  var controls = document.getElementById("roles-pager");
  var info = document.getElementById("roles-page-info");
  var filter = document.getElementById("roles-filter");
  controls.hidden = false;

  function render() {
    var pages = Math.max(1, Math.ceil(shown.length / size));
    page = Math.min(Math.max(page, 0), pages - 1);
    var from = page * size, to = from + size;
    for (var i = 0; i < rows.length; i++) rows[i].hidden = true;
    for (var j = from; j < Math.min(to, shown.length); j++) shown[j].hidden = false;
    info.textContent = shown.length === 0 ? "No role matches." :
      "Roles " + (from + 1) + "–" + Math.min(to, shown.length) + " of " + shown.length + " · page " + (page + 1) + " of " + pages;
    table.classList.add("paged");
  }
  function applyFilter() {
    var q = filter.value.trim().toLowerCase();
    shown = q ? rows.filter(function (r) { return r.getAttribute("data-title").indexOf(q) >= 0; }) : rows;
    page = 0;
    render();
  }
  function sortBy(th) {
    var col = th.cellIndex;
    var numeric = th.getAttribute("data-type") === "num";
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    var heads = table.tHead.rows[0].cells;
    for (var h = 0; h < heads.length; h++) heads[h].removeAttribute("aria-sort");
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    function key(r) {
      var c = r.cells[col];
      if (!numeric) return c.textContent.toLowerCase();
      var v = c.getAttribute("data-v");
      return v === null || v === "" ? null : Number(v);
    }
    var keyed = rows.map(function (r, i) { return { r: r, k: key(r), i: i }; });
    keyed.sort(function (a, b) {
      if (a.k === b.k) return a.i - b.i;
      if (a.k === null) return 1;
      if (b.k === null) return -1;
      return (a.k < b.k ? -1 : 1) * dir;
    });
    rows = keyed.map(function (x) { return x.r; });
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(r); });
    body.appendChild(frag);
    applyFilter();
  }
  table.tHead.addEventListener("click", function (e) {
    var th = e.target.closest ? e.target.closest("th") : null;
    if (th && th.querySelector("button")) sortBy(th);
  });
  document.getElementById("roles-prev").addEventListener("click", function () { page--; render(); });
  document.getElementById("roles-next").addEventListener("click", function () { page++; render(); });
  filter.addEventListener("input", applyFilter);
  render();
})();
`;
