#include "sessions/report/reportcss.h"

namespace devzero::report {

QString reportCss()
{
    return QStringLiteral(R"css(
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9dee4; --soft: #f5f7fa; --accent: #2f6fb3;
  --good: #2e7d4f; --bad: #c0392b; --warn: #d9822b; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 32px 64px; }
header.top { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 8px; }
h1 { font-size: 26px; margin: 0 0 4px; line-height: 1.25; }
h2 { font-size: 20px; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 6px; }
p { margin: 6px 0; }
.meta, .muted { color: var(--muted); font-size: 13px; }
nav.toc { font-size: 13px; margin: 8px 0 0; }
nav.toc a { color: var(--accent); text-decoration: none; margin-right: 14px; white-space: nowrap; }
.notice { background: #fff8e1; border-left: 4px solid #d9a40e; padding: 8px 12px; margin: 10px 0; font-size: 14px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 14px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; background: var(--soft); }
.card .question { font-weight: 600; font-size: 16px; margin: 0 0 6px; }
.card .answer { font-size: 22px; font-weight: 700; margin: 2px 0; }
.card .answer.good { color: var(--good); } .card .answer.mixed { color: var(--warn); } .card .answer.bad { color: var(--bad); }
.figures { display: flex; flex-wrap: wrap; gap: 10px 28px; margin: 14px 0 4px; }
.figure .value { font-size: 22px; font-weight: 700; }
.figure .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 13.5px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; font-size: 12.5px; color: #3e4c59; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.ci { color: var(--muted); font-size: 12px; font-weight: 400; }
table.tasks td.task { min-width: 16em; }
table.tasks td:last-child { white-space: nowrap; }
table.pages td:first-child { min-width: 13em; }
tr.page td { border-top: 2px solid var(--line); padding-top: 10px; background: #fbfcfd; }
tr.page .rank { font-weight: 700; color: var(--muted); margin-right: 4px; }
tr.page .path { font-weight: 600; font-size: 13.5px; }
tr.page .title { margin-left: 6px; }
tr.sub td { font-size: 12.5px; color: #3e4c59; border-bottom: 1px dotted var(--line); }
tr.sub td:first-child { padding-left: 24px; }
code, pre, .path { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12.5px; }
.path { overflow-wrap: anywhere; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; white-space: pre-wrap;
  overflow-wrap: anywhere; margin: 6px 0; }
.user { unicode-bidi: isolate; overflow-wrap: anywhere; }
blockquote { margin: 8px 0; padding: 6px 12px; border-left: 4px solid var(--line); background: #fbfcfd; }
blockquote .who { display: block; color: var(--muted); font-size: 12px; margin-top: 2px; }
.sev { display: inline-block; min-width: 18px; padding: 0 5px; border-radius: 3px; color: #fff; font-size: 11px;
  font-weight: 700; text-align: center; }
.sev1 { background: #7b8794; } .sev2 { background: #b7860b; } .sev3 { background: #d9822b; } .sev4 { background: var(--bad); }
.badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 11.5px; font-weight: 600; }
.badge.error { background: #f6d5d1; color: #8e2a1f; } .badge.warning { background: #fbe7c6; color: #8a5100; }
.badge.info { background: #dde7f3; color: #24527f; }
.below { color: var(--bad); font-weight: 600; } .above { color: var(--good); font-weight: 600; }
ol.flags { padding-left: 0; list-style: none; counter-reset: flag; }
ol.flags > li { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
.flag-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.flag-head .rank { font-weight: 700; color: var(--muted); }
.flag-head .message { font-weight: 600; }
.flag-head .score { margin-left: auto; color: var(--muted); font-size: 12.5px; }
.evidence { font-size: 13px; color: #3e4c59; }
.timeline { margin: 14px 0 22px; }
.timeline h3 { margin-bottom: 2px; }
svg.chart { max-width: 100%; height: auto; display: block; margin: 6px 0; font-family: inherit; }
.legend { font-size: 12.5px; color: var(--muted); }
.legend span { display: inline-block; margin-right: 14px; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; vertical-align: -1px; margin-right: 4px; }
footer { margin-top: 48px; color: var(--muted); font-size: 12.5px; border-top: 1px solid var(--line); padding-top: 10px; }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } .card, ol.flags > li, .timeline { break-inside: avoid; } }
)css");
}

} // namespace devzero::report
