/**
 * The dashboard's stylesheet: small, system fonts, light or dark by the browser's preference.
 * @module
 */

/** CSS served at `/_emulator/dashboard/dashboard.css`. */
export const DASHBOARD_CSS = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1d1f23; --muted: #5f6670; --line: #d9dde3;
  --panel: #f5f7f9; --accent: #2f6fde; --ok: #1f8a4c; --bad: #c8372d; --warn: #b57600; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #15171a; --fg: #e6e8eb; --muted: #9aa3ad; --line: #30353b; --panel: #1e2125;
    --accent: #6ea0ff; --ok: #4cc27d; --bad: #ff6b5e; --warn: #e0a63a; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; background: var(--bg); color: var(--fg); }
header { display: flex; gap: 1rem; align-items: baseline; padding: .75rem 1.25rem; border-bottom: 1px solid var(--line); }
header h1 { font-size: 1.1rem; margin: 0; }
header .muted { color: var(--muted); }
main { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; gap: 1rem; padding: 1rem 1.25rem; }
@media (max-width: 1000px) { main { grid-template-columns: 1fr; } }
section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; margin-bottom: 1rem; }
section h2 { font-size: .95rem; margin: 0 0 .5rem; }
button, select, input { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 5px; padding: .2rem .55rem; }
button { cursor: pointer; }
button:hover { border-color: var(--accent); }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: .8rem; }
td.num { font-variant-numeric: tabular-nums; }
code, .mono { font-family: ui-monospace, monospace; font-size: .85em; }
.bar { width: 6rem; height: .5rem; background: var(--line); border-radius: 3px; overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--accent); }
.status-succeeded, .status-completed { color: var(--ok); }
.status-failed, .status-gone { color: var(--bad); }
.status-queued, .status-running, .status-in_progress { color: var(--warn); }
.filters { display: flex; flex-wrap: wrap; gap: .5rem; margin-bottom: .5rem; align-items: center; }
.row { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .3rem 0; }
.outputs { display: flex; flex-wrap: wrap; gap: .75rem; margin: .4rem 0; }
.outputs video { width: 320px; max-width: 100%; background: #000; border-radius: 4px; }
.outputs img { height: 90px; border-radius: 4px; border: 1px solid var(--line); }
.muted { color: var(--muted); }
.small { font-size: .8rem; }
`;
