"""The report's one stylesheet, inlined so the file stands alone (no fonts, scripts or images
fetched). Colours are paired with an icon and an underline style, so they are never the only
signal; text colours reach WCAG AA (4.5:1) on their backgrounds."""

CSS = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --paper: #ffffff;
  --ok: #1d6b30; --ok-bg: #d9f0de; --bad: #a3121f; --bad-bg: #fbd9dc;
  --none: #4d4d4d; --none-bg: #e9e9e9; --err: #a3121f; --warn: #7a4a00; --info: #1f4e8c; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; color: var(--ink);
  background: var(--paper); font: 1rem/1.6 Georgia, "Times New Roman", serif; }
h1, h2, h3, h4, h5, nav, .meta, .coverage, .legend, .card, .kind, .where, footer {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 .25rem; border-top: 2px solid #888; padding-top: 1rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: .95rem; margin: 0; font-weight: normal; }
h5 { font-size: .9rem; margin: .75rem 0 .25rem; }
a { color: #1a4f9c; }
.meta, .where, .kind, footer { color: var(--muted); font-size: .9rem; }
.coverage { font-weight: 600; }
.article { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: isolate;
  border-left: 4px solid #ccc; padding: .25rem 0 .25rem 1rem; }
.hl { color: var(--ink); text-decoration: none; border-bottom: 2px solid; }
.hl.v-supported { background: var(--ok-bg); border-bottom-color: var(--ok); }
.hl.v-contradicted { background: var(--bad-bg); border-bottom: 3px double var(--bad); }
.hl.v-not_checked { background: var(--none-bg); border-bottom: 2px dotted var(--none); }
.tag { font: bold .75rem/1 system-ui, Arial, sans-serif; vertical-align: super;
  text-decoration: none; padding: 0 1px; }
.tag.v-supported, .badge.v-supported { color: var(--ok); }
.tag.v-contradicted, .badge.v-contradicted { color: var(--bad); }
.tag.v-not_checked, .badge.v-not_checked { color: var(--none); }
.fx { text-decoration: underline wavy; text-decoration-skip-ink: none;
  text-underline-offset: 4px; }
.fx.sev-error { text-decoration-color: var(--err); }
.fx.sev-warning { text-decoration-color: var(--warn); }
.fx.sev-info { text-decoration-color: var(--info); }
.rule { font: .75rem/1 ui-monospace, Menlo, Consolas, monospace; vertical-align: super;
  text-decoration: none; }
.sev-error .badge, .badge.sev-error, .rule.sev-error { color: var(--err); }
.badge.sev-warning, .rule.sev-warning { color: var(--warn); }
.badge.sev-info, .rule.sev-info { color: var(--info); }
.badge { font-weight: 700; white-space: nowrap; }
.ctl { font: .75rem ui-monospace, monospace; color: var(--bad); background: #fff3c4; }
.card { border: 1px solid #bbb; border-left: 6px solid var(--none); border-radius: 4px;
  margin: .4rem 0; padding: .35rem .6rem; scroll-margin-top: 1rem; }
.card.v-supported { border-left-color: var(--ok); }
.card.v-contradicted, .card.sev-error { border-left-color: var(--bad); }
.card.sev-warning { border-left-color: var(--warn); }
.card .open { color: inherit; text-decoration: none; }
.card .body { display: none; font-size: .92rem; }
.card:target { outline: 3px solid #1a4f9c; }
.card:target .body { display: block; }
.back { font-size: .8rem; margin-left: .5rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: .5rem 0; }
dt { font-weight: 600; color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
.evidence { padding-left: 1.2rem; margin: 0; }
.source { font-weight: 600; }
.legend span { margin-right: 1rem; white-space: nowrap; }
nav ol { padding-left: 1.5rem; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.summary { border: 2px solid #888; border-radius: 6px; padding: .5rem 1rem; margin: 0 0 1.5rem;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.summary h2 { border: 0; margin: .25rem 0 .5rem; padding: 0; }
.summary h3 { margin: 1rem 0 .25rem; }
.attention { padding-left: 1.5rem; margin: .25rem 0; }
.attention li { margin: .35rem 0; }
.attention .fix { color: var(--ink); }
.right { color: var(--ok); margin: .25rem 0; }
.quiet-note, .toggle { color: var(--muted); margin: .25rem 0; }
.code { font: .72rem ui-monospace, Menlo, Consolas, monospace; color: var(--muted); }
details.internals { margin: .5rem 0 .25rem; }
details.internals summary { cursor: pointer; color: var(--muted); font-size: .85rem; }
.article .md-heading { font-size: 1.25rem; }
.article .headline { font: 600 1.25rem/1.4 system-ui, -apple-system, "Segoe UI", Arial,
  sans-serif; }
.article h1, .article h2, .article h3, .article h4, .article h5, .article h6 {
  border: 0; padding: 0; margin: 1rem 0 .5rem; }
.article.md { white-space: normal; }
.article.md p, .article.md ul, .article.md ol, .article.md blockquote, .article.md table {
  margin: 0 0 .8rem; }
.article.md pre { white-space: pre-wrap; background: #f4f4f4; padding: .5rem; }
.article.md blockquote { border-left: 3px solid #ccc; padding-left: .75rem; color: var(--muted); }
.article.md td, .article.md th { border: 1px solid #ccc; padding: .15rem .4rem; }
/* Claims no source could check: marked, but shown only when the reader asks (the checkbox in
   the summary), so the claims that need attention stand out. */
.hl.quiet { background: none; border-bottom: none; }
.tag.quiet, .card.quiet { display: none; }
body:has(#show-all:checked) .hl.quiet { background: var(--none-bg);
  border-bottom: 2px dotted var(--none); }
body:has(#show-all:checked) .tag.quiet { display: inline; }
body:has(#show-all:checked) .card.quiet, .card.quiet:target { display: block; }
@media print {
  .card.quiet { display: block; }
  .toggle { display: none; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .card .body { display: block; }
  .card { break-inside: avoid; outline: none; }
  .back, .legend-note { display: none; }
  a.ext::after { content: " <" attr(href) ">"; font-size: .8em; overflow-wrap: anywhere; }
  section.doc { break-before: page; }
  section.doc:first-of-type { break-before: auto; }
}
"""
