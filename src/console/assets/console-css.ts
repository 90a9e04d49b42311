/**
 * The console's stylesheet, served from /console/assets/console.css (no CDN, no build step).
 * Plain CSS: readable on a laptop and in Feishu's in-app browser on a phone, visible focus rings.
 */
export const CONSOLE_CSS = `
:root { --fg:#1f2329; --muted:#646a73; --line:#dee0e3; --bg:#f5f6f7; --card:#fff; --accent:#3370ff;
  --ok:#2ea121; --warn:#de7802; --bad:#d83931; --radius:6px;
  font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; }
* { box-sizing: border-box; }
body { margin:0; color:var(--fg); background:var(--bg); font-size:15px; line-height:1.5; }
a { color:var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible
  { outline:3px solid #94b4ff; outline-offset:2px; }
.skip { position:absolute; left:-999px; top:0; background:#fff; padding:.5em; z-index:10; }
.skip:focus { left:.5em; }
header.top { display:flex; flex-wrap:wrap; align-items:center; gap:.5em 1.5em; padding:.6em 1em; background:var(--card); border-bottom:1px solid var(--line); }
header.top .brand { font-weight:600; color:var(--fg); text-decoration:none; }
header.top nav ul { display:flex; flex-wrap:wrap; gap:.25em 1em; list-style:none; margin:0; padding:0; }
header.top nav a[aria-current="page"] { font-weight:600; text-decoration:none; color:var(--fg); border-bottom:2px solid var(--accent); }
header.top .who { margin-left:auto; display:flex; gap:.75em; align-items:center; flex-wrap:wrap; }
main { padding:1em; max-width:1400px; margin:0 auto; }
h1 { font-size:1.35em; margin:.2em 0 .6em; }
h2 { font-size:1.1em; }
.card { background:var(--card); border:1px solid var(--line); border-radius:var(--radius); padding:1em; margin-bottom:1em; }
.message { max-width:40em; margin:3em auto; }
.muted { color:var(--muted); }
button, .button { font:inherit; padding:.35em .9em; border-radius:var(--radius); border:1px solid var(--accent); background:var(--accent); color:#fff; cursor:pointer; text-decoration:none; display:inline-block; }
button.secondary, .button.secondary { background:#fff; color:var(--accent); }
button.link { background:none; border:none; color:var(--accent); padding:0; text-decoration:underline; }
form.filters { display:flex; flex-wrap:wrap; gap:.6em 1em; align-items:flex-end; }
form.filters label { display:flex; flex-direction:column; font-size:.9em; color:var(--muted); }
form.filters label.check { flex-direction:row; align-items:center; gap:.3em; }
input, select, textarea { font:inherit; padding:.3em .4em; border:1px solid var(--line); border-radius:4px; background:#fff; color:var(--fg); }
.table-wrap { overflow-x:auto; background:var(--card); border:1px solid var(--line); border-radius:var(--radius); }
table { border-collapse:collapse; width:100%; }
th, td { padding:.45em .6em; border-bottom:1px solid var(--line); text-align:left; vertical-align:top; white-space:nowrap; }
td.title { white-space:normal; min-width:12em; }
th a { color:var(--fg); text-decoration:none; }
th a:hover, th a:focus { text-decoration:underline; }
th[aria-sort] a::after { content:" ▲"; font-size:.8em; }
th[aria-sort="descending"] a::after { content:" ▼"; }
td.num { text-align:right; }
.tag { display:inline-block; padding:0 .45em; border-radius:3px; font-size:.85em; background:#eff0f1; }
.tag.bad { background:#fde2e2; color:var(--bad); }
.tag.warn { background:#feead2; color:#8f4f00; }
.tag.ok { background:#d9f5d6; color:#186a12; }
.pager { display:flex; gap:1em; align-items:center; margin:.8em 0; flex-wrap:wrap; }
.toolbar { display:flex; gap:1em; align-items:center; flex-wrap:wrap; margin:.6em 0; }
.sr-only { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
@media (max-width: 700px) {
  body { font-size:16px; }
  main { padding:.6em; }
  header.top .who { margin-left:0; }
  table.responsive thead { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
  table.responsive tr { display:block; border-bottom:2px solid var(--line); padding:.4em 0; }
  table.responsive td { display:flex; justify-content:space-between; gap:1em; border:none; white-space:normal; padding:.2em .6em; }
  table.responsive td::before { content:attr(data-label); color:var(--muted); }
}
@media print { header.top, .toolbar, form.filters, .pager { display:none; } body { background:#fff; } }
`;
