/**
 * The explorer's look: a quiet page of paper and ink, set in an old-style serif, with a small
 * palette of muted colours, one per phase of a life, that every chart and map shares. Kept as a
 * string in TypeScript so the build ships it with no copy step (src/web/assets.ts serves it).
 */

export const STYLE_CSS = String.raw`
:root {
  --paper: #f5f0e6;
  --paper-deep: #ece4d4;
  --paper-edge: #e2d8c4;
  --ink: #2e2a25;
  --ink-soft: #4a443c;
  --muted: #675e52;
  --rule: #d6cab5;
  --link: #6d3b2b;
  --link-hover: #9a5238;
  --focus: #b7793f;
  --student: #8da17b;
  --resident: #c7a35e;
  --carer: #6f8ba5;
  --donor: #b9766a;
  --completed: #a59d92;
  --school: #7f9670;
  --home: #9aa98a;
  --residence: #c29a52;
  --centre: #b06e62;
  --other: #8d8579;
  --serif: "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", "URW Palladio L", Georgia, "DejaVu Serif", serif;
  --measure: 68ch;
  color-scheme: light;
}

* { box-sizing: border-box; }

html { background: var(--paper); }

body {
  margin: 0 auto;
  max-width: 1080px;
  padding: 0 2rem 3rem;
  color: var(--ink);
  font-family: var(--serif);
  font-size: 17px;
  line-height: 1.55;
  font-variant-numeric: oldstyle-nums proportional-nums;
  -webkit-font-smoothing: antialiased;
  text-rendering: optimizeLegibility;
}

a { color: var(--link); text-decoration: none; border-bottom: 1px solid transparent; }
/* Links in running text are underlined lightly, so colour is not all that marks them. */
main p a, main li a, main dd a, main td a, main figcaption a, main .kicker a, .colophon a {
  text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 0.18em;
  text-decoration-color: rgba(109, 59, 43, 0.35);
}
a:hover { color: var(--link-hover); border-bottom-color: currentColor; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible {
  outline: 2px solid var(--focus); outline-offset: 2px;
}
svg a { border: 0; }

/* The masthead: the name in spaced small capitals, the sections beside it. */
.masthead {
  display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.4rem 1.4rem;
  padding: 1.6rem 0 0.9rem; border-bottom: 1px solid var(--rule); margin-bottom: 2.2rem;
}
.brand {
  font-size: 1.05rem; letter-spacing: 0.28em; text-transform: uppercase; color: var(--ink);
  font-weight: 600;
}
.brand:hover { color: var(--ink); border-bottom-color: transparent; }
.world-name { color: var(--muted); font-style: italic; }
.nav { margin-left: auto; display: flex; gap: 1.3rem; }
.nav a { color: var(--ink-soft); font-variant: small-caps; letter-spacing: 0.06em; font-size: 1.05rem; }
.nav a[aria-current="page"] { color: var(--link); border-bottom-color: var(--link); }

main { min-height: 60vh; outline: none; }

h1, h2, h3 { font-weight: 500; line-height: 1.2; color: var(--ink); }
h1 { font-size: 2.25rem; margin: 0 0 0.35rem; letter-spacing: -0.005em; }
h2 {
  font-size: 1.05rem; margin: 2.6rem 0 0.9rem; text-transform: uppercase; letter-spacing: 0.16em;
  color: var(--ink-soft); font-weight: 600;
}
h3 { font-size: 1.1rem; margin: 1.4rem 0 0.4rem; font-style: italic; }
p { max-width: var(--measure); }
.lede { font-size: 1.18rem; color: var(--ink-soft); max-width: 60ch; margin: 0.4rem 0 1.8rem; }
.subtitle { color: var(--muted); font-style: italic; margin: 0 0 1.4rem; }
.note { color: var(--muted); font-style: italic; }
.loading { color: var(--muted); font-style: italic; }
.kicker {
  font-variant: small-caps; letter-spacing: 0.1em; color: var(--muted); font-size: 0.95rem; margin: 0;
}
code { font-size: 0.9em; background: var(--paper-deep); padding: 0.05em 0.3em; border-radius: 2px; }
a.address { white-space: nowrap; }

/* Figures: numbers large and quiet in a row, with their labels under them. */
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(135px, 1fr)); gap: 0.8rem 1.6rem; margin: 1.4rem 0 0.6rem; padding: 0; list-style: none; }
.figures li { display: flex; flex-direction: column; }
.figures .n { font-size: 1.75rem; line-height: 1.1; font-variant-numeric: lining-nums tabular-nums; }
.figures .label { color: var(--muted); font-size: 0.92rem; }

/* Two columns of panels where the page is wide enough. */
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 0 2.6rem; }
.panel { min-width: 0; }
figure { margin: 0 0 1.6rem; }
figcaption { color: var(--muted); font-size: 0.92rem; margin-top: 0.35rem; max-width: 60ch; }

.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(290px, 1fr)); gap: 1.4rem 2rem; }
.small-multiple h3 { margin: 0 0 0.3rem; font-size: 1rem; }
.small-multiple .legend { font-size: 0.85rem; }

/* Charts */
svg.chart { width: 100%; height: auto; display: block; overflow: visible; }
.chart text { fill: var(--muted); font-family: var(--serif); font-size: 11px; font-variant-numeric: lining-nums tabular-nums; }
.chart .axis line, .chart .axis path { stroke: var(--rule); }
.chart .gridline { stroke: var(--paper-edge); stroke-width: 1; }
.chart .bar { transition: opacity 0.12s; }
.chart a:hover .bar, .chart a:focus .bar { opacity: 0.75; }
.chart .hot { fill: transparent; cursor: pointer; }
.chart a:hover .hot { fill: rgba(46, 42, 37, 0.06); }
.chart .line { fill: none; stroke-width: 1.8; }
.chart .dot { stroke: var(--paper); stroke-width: 1.2; }
.chart a:hover .dot { r: 5; }
.chart .value { fill: var(--ink-soft); font-size: 11px; }
.chart .cursor { stroke: var(--ink-soft); stroke-width: 1; stroke-dasharray: 2 3; }
.legend { display: flex; flex-wrap: wrap; gap: 0.2rem 1.1rem; padding: 0; margin: 0.5rem 0 0; list-style: none; font-size: 0.92rem; color: var(--ink-soft); }
.legend li { display: flex; align-items: center; gap: 0.4rem; }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px; }
.swatch.round { border-radius: 50%; }
.fill-student { fill: var(--student); background: var(--student); }
.fill-resident { fill: var(--resident); background: var(--resident); }
.fill-carer { fill: var(--carer); background: var(--carer); }
.fill-donor { fill: var(--donor); background: var(--donor); }
.fill-completed { fill: var(--completed); background: var(--completed); }
.fill-k-school { background: var(--school); } .fill-k-home { background: var(--home); }
.fill-k-residence { background: var(--residence); } .fill-k-recovery-centre { background: var(--centre); }
.fill-k-town, .fill-k-landmark, .fill-k-home-of-madame { background: var(--other); }
.stroke-0 { stroke: var(--ink-soft); } .fill-0 { fill: var(--ink-soft); background: var(--ink-soft); }
.stroke-1 { stroke: var(--carer); } .fill-1 { fill: var(--carer); background: var(--carer); }
.stroke-2 { stroke: var(--donor); } .fill-2 { fill: var(--donor); background: var(--donor); }
.stroke-3 { stroke: var(--student); } .fill-3 { fill: var(--student); background: var(--student); }
.stroke-4 { stroke: var(--resident); } .fill-4 { fill: var(--resident); background: var(--resident); }

/* Lists of people and events */
table.list { width: 100%; border-collapse: collapse; font-variant-numeric: lining-nums tabular-nums; }
table.list th {
  text-align: left; font-weight: 600; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.12em;
  color: var(--muted); border-bottom: 1px solid var(--rule); padding: 0.4rem 0.8rem 0.4rem 0;
}
table.list td { border-bottom: 1px solid var(--paper-edge); padding: 0.42rem 0.8rem 0.42rem 0; vertical-align: baseline; }
table.list tr:hover td { background: rgba(236, 228, 212, 0.55); }
table.list .num { text-align: right; }
table.list .date { white-space: nowrap; color: var(--ink-soft); }
.muted { color: var(--muted); }
.phase { display: inline-flex; align-items: center; gap: 0.35rem; }
.phase::before { content: ""; width: 0.55rem; height: 0.55rem; border-radius: 50%; background: var(--completed); }
.phase.student::before { background: var(--student); }
.phase.resident::before { background: var(--resident); }
.phase.carer::before { background: var(--carer); }
.phase.donor::before { background: var(--donor); }

/* Forms: quiet fields on the paper, no boxes heavier than a rule. */
form.filters { display: flex; flex-wrap: wrap; gap: 0.8rem 1.2rem; align-items: flex-end; margin: 0.6rem 0 1.6rem;
  padding: 1rem 1.2rem; background: var(--paper-deep); border-radius: 3px; }
form.filters label { display: flex; flex-direction: column; font-size: 0.82rem; color: var(--muted);
  text-transform: uppercase; letter-spacing: 0.1em; gap: 0.2rem; }
input, select, button {
  font: inherit; font-size: 1rem; color: var(--ink); background: var(--paper);
  border: 1px solid var(--rule); border-radius: 2px; padding: 0.3rem 0.5rem;
  text-transform: none; letter-spacing: normal;
}
input[type="search"] { min-width: 15rem; }
input[type="number"] { width: 6.5rem; }
button { cursor: pointer; background: var(--ink); color: var(--paper); border-color: var(--ink); padding: 0.3rem 0.9rem; }
button:hover { background: var(--ink-soft); }
button.quiet { background: transparent; color: var(--link); border-color: var(--rule); }
button.quiet:hover { border-color: var(--link); }
button:disabled { opacity: 0.45; cursor: default; }
.pager { display: flex; gap: 1rem; align-items: baseline; margin: 1rem 0; color: var(--muted); }
.pager .spacer { flex: 1; }

/* A person */
h2 .count { font-weight: 400; letter-spacing: 0.05em; color: var(--muted); }
dl.pairs { display: grid; grid-template-columns: repeat(auto-fill, minmax(215px, 1fr)); gap: 0 1.8rem; margin: 0; }
dl.pairs div { display: flex; justify-content: space-between; gap: 0.8rem; border-bottom: 1px solid var(--paper-edge); padding: 0.22rem 0; }
dl.pairs dt { color: var(--muted); font-variant: small-caps; letter-spacing: 0.05em; }
dl.pairs dd { margin: 0; text-align: right; font-variant-numeric: lining-nums tabular-nums; }
.table-wrap { overflow-x: auto; }
table.list.compact { font-size: 0.92rem; }
table.list.compact td, table.list.compact th { padding-top: 0.28rem; padding-bottom: 0.28rem; }
details > summary { cursor: pointer; color: var(--link); margin: 0.6rem 0; list-style: none; }
details > summary::before { content: "▸ "; color: var(--muted); }
details[open] > summary::before { content: "▾ "; }
.lifeline { margin: 1.2rem 0 0.4rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.4rem; margin: 0.8rem 0 0; }
.facts dt { color: var(--muted); font-variant: small-caps; letter-spacing: 0.06em; }
.facts dd { margin: 0; }
ol.timeline { list-style: none; padding: 0; margin: 0; border-left: 1px solid var(--rule); }
ol.timeline li { position: relative; padding: 0.25rem 0 0.45rem 1.3rem; display: grid; grid-template-columns: 9.2rem 1fr auto; gap: 0.8rem; }
ol.timeline li::before { content: ""; position: absolute; left: -4px; top: 0.78rem; width: 7px; height: 7px; border-radius: 50%; background: var(--paper); border: 1px solid var(--muted); }
ol.timeline li.t-completed::before { background: var(--ink-soft); border-color: var(--ink-soft); }
ol.timeline li.t-donated::before { background: var(--donor); border-color: var(--donor); }
ol.timeline li.t-born::before { background: var(--student); border-color: var(--student); }
ol.timeline .date { white-space: nowrap; color: var(--muted); font-variant-numeric: lining-nums tabular-nums; font-size: 0.95rem; }
ol.timeline .id { font-size: 0.85rem; color: var(--muted); }
ol.timeline .id a { color: var(--muted); }
ol.timeline.causes li.here::before { background: var(--link); border-color: var(--link); }
ol.timeline.causes li.here { font-weight: 600; }

.gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 1.2rem; margin: 0.8rem 0; }
.gallery figure { margin: 0; background: #fbf8f1; padding: 0.55rem; box-shadow: 0 1px 2px rgba(46,42,37,0.18), 0 4px 14px rgba(46,42,37,0.07); }
.gallery img { width: 100%; height: auto; display: block; aspect-ratio: 1; background: var(--paper-deep); }
.gallery figcaption { font-size: 0.85rem; font-style: italic; }

/* The map */
.map-wrap { display: grid; grid-template-columns: minmax(300px, 520px) 1fr; gap: 2rem; align-items: start; }
@media (max-width: 860px) { .map-wrap { grid-template-columns: 1fr; } }
svg.map { width: 100%; height: auto; display: block; }
svg.map.whole { overflow: visible; }
.map .land { fill: var(--paper-deep); stroke: #b9ad97; stroke-width: 0.9; stroke-linejoin: round; }
.map .sea-line { fill: none; stroke: var(--paper-edge); stroke-width: 5; stroke-linejoin: round; }
.map .marker { stroke: var(--paper); stroke-width: 1; cursor: pointer; }
.map a:hover .marker, .map a:focus .marker { stroke: var(--ink); stroke-width: 1.6; }
.map .k-school { fill: var(--school); }
.map .k-home { fill: var(--home); }
.map .k-residence { fill: var(--residence); }
.map .k-recovery-centre { fill: var(--centre); }
.map .k-other { fill: var(--other); }
.map .label { font-family: var(--serif); font-size: 14px; fill: var(--ink-soft); paint-order: stroke; stroke: var(--paper-deep); stroke-width: 3px; stroke-linejoin: round; pointer-events: none; }
.map .label.small { font-size: 12.5px; fill: var(--muted); }
.self { font-weight: 600; }
.map .bubble { fill-opacity: 0.55; stroke-width: 1; }
.map .bubble.b-students { fill: var(--student); stroke: #6f8560; }
.map .bubble.b-residents { fill: var(--resident); stroke: #a7843f; }
.map .bubble.b-donors { fill: var(--donor); stroke: #99584d; }
.map .here { fill: none; stroke: var(--link); stroke-width: 1.5; }

ul.place-list { list-style: none; padding: 0; margin: 0; columns: 2 11rem; column-gap: 1.8rem; }
ul.place-list li { display: flex; justify-content: space-between; gap: 0.6rem; break-inside: avoid; padding: 0.12rem 0; border-bottom: 1px solid var(--paper-edge); font-size: 0.95rem; }
ul.place-list .num { color: var(--muted); font-variant-numeric: lining-nums tabular-nums; }
.sticky { position: sticky; top: 1rem; }
@media (max-width: 860px) { .sticky { position: static; } }

/* Time */
.scrubber { display: flex; align-items: center; gap: 1rem; margin: 0.4rem 0 1.4rem; flex-wrap: wrap; }
.scrubber input[type="range"] { flex: 1; min-width: 260px; accent-color: var(--ink-soft); border: 0; background: transparent; padding: 0; }
.scrubber .when { font-size: 1.6rem; min-width: 8ch; font-variant-numeric: lining-nums tabular-nums; }
.bars { list-style: none; padding: 0; margin: 0; }
.bars li { display: grid; grid-template-columns: 6.5rem 1fr 5.5rem; gap: 0.7rem; align-items: center; padding: 0.18rem 0; }
.bars .track { height: 0.7rem; background: var(--paper-deep); border-radius: 1px; overflow: hidden; }
.bars .fill { height: 100%; }
.bars .num { text-align: right; font-variant-numeric: lining-nums tabular-nums; }
.bars progress { width: 100%; height: 0.7rem; appearance: none; -webkit-appearance: none; border: 0; background: var(--paper-deep); }
.bars progress::-webkit-progress-bar { background: var(--paper-deep); }
.bars progress.p-student::-webkit-progress-value { background: var(--student); }
.bars progress.p-resident::-webkit-progress-value { background: var(--resident); }
.bars progress.p-carer::-webkit-progress-value { background: var(--carer); }
.bars progress.p-donor::-webkit-progress-value { background: var(--donor); }
.bars progress.p-completed::-webkit-progress-value { background: var(--completed); }

/* Canon */
ol.beats { list-style: none; padding: 0; margin: 0; }
ol.beats li { display: grid; grid-template-columns: 10rem 1fr; gap: 1.2rem; padding: 0.9rem 0; border-bottom: 1px solid var(--paper-edge); }
ol.beats .date { color: var(--muted); font-variant-numeric: lining-nums; white-space: nowrap; }
.beat-strip { margin: 0.5rem 0 1.5rem; }
ol.beats h3 { margin: 0 0 0.2rem; }

/* The chronicle: prose set for reading, every sentence a quiet link to its events. */
.chronicle .prose p, .chronicle details.prose p { max-width: var(--measure); text-align: justify; hyphens: auto; margin: 0 0 1em; font-size: 1.06rem; line-height: 1.68; }
.chronicle h3 { font-style: normal; font-variant: small-caps; letter-spacing: 0.08em; color: var(--ink-soft); font-size: 1.05rem; margin: 1.8rem 0 0.6rem; }
.chronicle a.s { color: inherit; border-bottom: 0; border-radius: 2px; transition: background-color 0.12s; }
.chronicle a.s:hover, .chronicle a.s:focus { background: var(--paper-deep); color: var(--ink); }
.chronicle a.s.cited { background: #ecdcb4; box-shadow: 0 0 0 2px #ecdcb4; }
.chronicle sup.ev { display: none; font-size: 0.62em; line-height: 1; color: var(--muted); margin-left: 0.15em; font-variant-numeric: lining-nums; }
.chronicle sup.ev a { color: var(--muted); }
.chronicle.with-ids sup.ev { display: inline; }
.chronicle .controls { font-size: 0.88rem; color: var(--muted); margin: 0 0 1rem; }
.chronicle .controls input { margin: 0 0.3rem 0 0; vertical-align: -1px; }
.chronicle details.prose > summary { margin: 0.2rem 0 1rem; }
.ev-anchor { scroll-margin-top: 40vh; }
.chronicle-title { color: var(--muted); font-style: italic; margin: -0.3rem 0 0.6rem; }
.chronicle-title .title { font-style: normal; color: var(--ink-soft); }
p.kinds { font-variant: small-caps; letter-spacing: 0.06em; margin: 0 0 1rem; color: var(--muted); }
p.kinds .current { color: var(--ink); border-bottom: 1px solid var(--ink-soft); }
article.reading { max-width: 44rem; }
article.reading .chronicle .prose p { font-size: 1.12rem; }
.scene-links { font-size: 0.92rem; margin: 0.25rem 0 0; }

/* A carer's roads, and the year's busiest on the map. */
.map .route { stroke: var(--carer); stroke-opacity: 0.72; stroke-linecap: round; }
.map a:hover .route, .map g:hover > .route { stroke: var(--link); stroke-opacity: 0.95; }
.routes-wrap { display: grid; grid-template-columns: minmax(220px, 340px) 1fr; gap: 1.6rem; align-items: start; }
@media (max-width: 760px) { .routes-wrap { grid-template-columns: 1fr; } }
.route-map { margin: 0; background: var(--paper); border: 1px solid var(--paper-edge); border-radius: 3px; overflow: hidden; }
.route-map svg.map { overflow: hidden; }
.routes-wrap table.list { margin-top: 1rem; }
.route-controls { margin-top: 0.8rem; font-size: 0.95rem; }
.route-picker { color: var(--ink-soft); }
.route-picker select { margin-left: 0.3rem; }
.routes-note { font-size: 0.9rem; margin: 0.5rem 0 0; }

/* Two worlds side by side. */
.world-tag { font-variant: small-caps; letter-spacing: 0.08em; font-size: 0.9rem; color: var(--paper); background: var(--ink-soft); padding: 0 0.45rem; border-radius: 2px; }
.nav a.compare-link { color: var(--link); }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 0 2.2rem; }
.side-by-side figure { margin-bottom: 0.6rem; }
.side-by-side h3 { margin: 0.2rem 0 0.4rem; font-size: 1rem; }
table.compare-figures td.diff { color: var(--ink-soft); }
table.compare-figures td.diff.same { color: var(--muted); }
table.diverged td { font-size: 0.95rem; }
table.diverged .phase { margin-right: 0.35rem; vertical-align: 1px; }
form.filters fieldset.checks { border: 0; padding: 0; margin: 0; display: flex; gap: 0.4rem 1rem; flex-wrap: wrap; align-items: center; }
form.filters fieldset.checks legend { float: left; font-size: 0.82rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.1em; margin-right: 0.4rem; }
form.filters fieldset.checks label { flex-direction: row; align-items: center; text-transform: none; letter-spacing: normal; font-size: 0.95rem; color: var(--ink-soft); gap: 0.3rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }

.colophon { margin-top: 4rem; padding-top: 1rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.9rem; }
.tip {
  position: fixed; pointer-events: none; background: var(--ink); color: var(--paper); font-size: 0.85rem;
  padding: 0.25rem 0.55rem; border-radius: 2px; white-space: nowrap; z-index: 10; opacity: 0; transition: opacity 0.08s;
}
.tip.on { opacity: 0.94; }
@media (max-width: 640px) {
  body { padding: 0 1rem 2rem; font-size: 16px; }
  .nav { margin-left: 0; }
  .grid { grid-template-columns: 1fr; }
  ol.timeline li { grid-template-columns: 1fr; gap: 0; }
}

/* Observable Plot's own rules, which its inline style element would have set. */
svg.plot { display: block; width: 100%; height: auto; max-width: 100%; }
svg.plot text, svg.plot tspan { white-space: pre; }
svg.plot a:focus-visible { outline: 2px solid var(--focus); }
svg.plot a:hover rect, svg.plot a:focus rect, svg.plot a:hover path, svg.plot a:focus path { opacity: 0.75; }
figure.plot-figure { margin: 0; }
.plot-swatches { font-size: 0.9rem; color: var(--ink-soft); margin-bottom: 0.3rem; }
.plot-swatch > svg { margin-right: 0.45em; overflow: visible; }
.plot-swatches-wrap { display: flex; align-items: center; flex-wrap: wrap; min-height: 1.6rem; }
.plot-swatches-wrap .plot-swatch { display: inline-flex; align-items: center; margin-right: 1em; }
svg.plot text { font-family: var(--serif); fill: var(--ink-soft); }

/* Relationships: the network, its year control, the kinds of tie. */
.network-figure { margin: 0; }
svg.network { width: 100%; height: auto; max-height: 78vh; display: block; background: var(--paper); border: 1px solid var(--paper-edge); border-radius: 3px; }
.network .tie { stroke-width: 1.6; stroke-linecap: round; }
.network .tie-friends { stroke: #6f8ba5; }
.network .tie-couple { stroke: #a8413a; stroke-width: 3; }
.network .tie-clique { stroke: #8a6fa5; stroke-dasharray: 4 3; }
.network .tie-carer { stroke: #5f8a52; stroke-dasharray: 1.5 3; stroke-width: 2; }
.network a.off { display: none; }
.network a:hover .tie, .network a:focus .tie { stroke-width: 4; }
.network .person circle { fill: var(--ink-soft); stroke: var(--paper); stroke-width: 1.5; }
.network .person.outsider circle { fill: var(--paper); stroke: var(--ink-soft); stroke-width: 1.4; }
.network .person.focus circle { fill: var(--link); }
.network .person.alone circle { opacity: 0.55; }
.network .person.gone circle { fill: var(--completed); opacity: 0.35; }
.network .person.gone text { opacity: 0.4; }
.network .person text { font-family: var(--serif); font-size: 11px; fill: var(--ink-soft); paint-order: stroke; stroke: var(--paper); stroke-width: 3px; }
.network a:hover circle, .network a:focus circle { stroke: var(--focus); stroke-width: 3; }
.network a:focus { outline: none; }
.year-control { display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem 1.2rem; margin: 0 0 0.7rem; }
.year-control input[type="range"] { width: min(420px, 60vw); vertical-align: middle; accent-color: var(--link); }
.year-control .year-value { font-size: 1.4rem; min-width: 5ch; font-variant-numeric: lining-nums; }
.year-control .check { font-size: 0.92rem; color: var(--ink-soft); }
.tie-swatch { width: 1.2rem; height: 0.25rem; border-radius: 0; }
.tie-swatch.tie-friends { background: #6f8ba5; }
.tie-swatch.tie-couple { background: #a8413a; height: 0.35rem; }
.tie-swatch.tie-clique { background: repeating-linear-gradient(90deg, #8a6fa5 0 4px, transparent 4px 7px); }
.tie-swatch.tie-carer { background: repeating-linear-gradient(90deg, #5f8a52 0 2px, transparent 2px 5px); }
.tie-list { columns: 2 24rem; font-size: 0.92rem; padding-left: 1rem; }
.tie-list li { break-inside: avoid; list-style: none; }
.triangles { margin: 0 0 1rem; }

/* A life, year by year: the year in the margin, the story's events, the routine folded. */
.life-year { display: grid; grid-template-columns: 4.5rem 1fr; gap: 0 1rem; border-top: 1px solid var(--paper-edge); padding: 0.35rem 0; }
.life-year h3.year { margin: 0.2rem 0 0; font-size: 1.05rem; color: var(--ink-soft); font-variant-numeric: lining-nums; }
.life-year ol.timeline { margin: 0; }
details.routine { margin: 0.15rem 0; font-size: 0.95rem; }
details.routine > summary { color: var(--ink-soft); cursor: pointer; }
details.routine[open] > summary { margin-bottom: 0.3rem; }
figure.lifeline, figure.record-picture, figure.ties-years { margin: 0.4rem 0 0.8rem; }
.circle-wrap { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
@media (max-width: 860px) { .circle-wrap { grid-template-columns: 1fr; } }
.records { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 0 2rem; }
.records > .panel { min-width: 0; }
.records .gallery img { width: 120px; height: 120px; }
`;

/** The icon: a small open book in ink on paper. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="5" fill="#f5f0e6"/><path d="M5 9c4-1.6 7.5-1.3 11 1 3.5-2.3 7-2.6 11-1v15c-4-1.4-7.5-1.1-11 1-3.5-2.1-7-2.4-11-1z" fill="none" stroke="#2e2a25" stroke-width="1.8" stroke-linejoin="round"/><path d="M16 10v15" stroke="#2e2a25" stroke-width="1.4"/></svg>`;
