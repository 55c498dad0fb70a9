/**
 * The dashboard's HTML, server-rendered with Hono's own JSX. The page script fills the panels from
 * `/_emulator/dashboard/state` and keeps them live; every asset is served by the emulator.
 * @module
 */

import type { FC } from 'hono/jsx';
import { DASHBOARD_STATUSES } from './dashboard-query.js';

/** What the page needs to start. */
export interface DashboardPageProps {
  /** Emulated time at render, ISO 8601. */
  readonly clockIso: string;
  /** Clock mode at render. */
  readonly clockMode: string;
  /** The control key the page sends back (empty on loopback without a key). */
  readonly controlKey: string;
  /** How often the page polls, ms. */
  readonly pollMs: number;
}

const ADVANCES: readonly [string, number][] = [
  ['+10 s', 10_000],
  ['+1 min', 60_000],
  ['+1 h', 3_600_000],
  ['+24 h', 86_400_000],
];

/** The whole page. */
export const DashboardPage: FC<DashboardPageProps> = (props) => {
  const asset = (name: string) =>
    `/_emulator/dashboard/${name}${props.controlKey === '' ? '' : `?key=${encodeURIComponent(props.controlKey)}`}`;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>sora-kit emulator</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={asset('dashboard.css')} />
      </head>
      <body data-key={props.controlKey} data-poll-ms={String(props.pollMs)}>
        <header>
          <h1>sora-kit emulator</h1>
          <span class="muted small">
            OpenAI Sora 2 <code>/v1</code> · Azure Sora 2 <code>/openai/v1</code> · Azure Sora 1{' '}
            <code>/openai/v1/video/generations</code> · control <code>/_emulator</code>
          </span>
          <span id="action-status" class="muted small" role="status"></span>
        </header>
        <main>
          <div>
            <section aria-labelledby="jobs-title">
              <h2 id="jobs-title">Jobs</h2>
              <div class="filters">
                <select id="filter-dialect" aria-label="dialect">
                  <option value="">every dialect</option>
                  <option value="openai-sora2">openai-sora2</option>
                  <option value="azure-sora2">azure-sora2</option>
                  <option value="azure-sora1">azure-sora1</option>
                </select>
                <select id="filter-status" aria-label="status">
                  <option value="">every status</option>
                  {DASHBOARD_STATUSES.map((status) => (
                    <option value={status}>{status}</option>
                  ))}
                </select>
                <select id="filter-partition" aria-label="credential"></select>
                <button id="page-prev" type="button">
                  ‹ newer
                </button>
                <span id="page" class="small muted"></span>
                <button id="page-next" type="button">
                  older ›
                </button>
                <span id="jobs-count" class="small muted"></span>
              </div>
              <table>
                <thead>
                  <tr>
                    <th>id</th>
                    <th>dialect</th>
                    <th>status</th>
                    <th>progress</th>
                    <th>model</th>
                    <th>size</th>
                    <th>s</th>
                    <th>credential</th>
                    <th>created</th>
                    <th>finished</th>
                    <th>expires</th>
                  </tr>
                </thead>
                <tbody id="jobs"></tbody>
              </table>
            </section>
            <section id="detail" aria-live="polite">
              <p class="muted small">Select a job to see its outputs.</p>
            </section>
            <section>
              <h2>Requests</h2>
              <table>
                <thead>
                  <tr>
                    <th>method</th>
                    <th>path</th>
                    <th>status</th>
                    <th>latency</th>
                    <th>request id</th>
                  </tr>
                </thead>
                <tbody id="requests"></tbody>
              </table>
            </section>
            <section>
              <h2>Webhook deliveries</h2>
              <div id="webhooks"></div>
            </section>
          </div>
          <div>
            <section aria-labelledby="clock-title">
              <h2 id="clock-title">Clock</h2>
              <p>
                <span id="clock-now" class="mono">
                  {props.clockIso}
                </span>{' '}
                <span id="clock-mode" class="muted">
                  {props.clockMode}
                </span>
              </p>
              <div class="row">
                {ADVANCES.map(([label, ms]) => (
                  <button type="button" data-advance={String(ms)}>
                    {label}
                  </button>
                ))}
                <button id="clock-toggle" type="button">
                  Switch mode
                </button>
              </div>
              <h2>Clock scopes</h2>
              <div id="scopes"></div>
            </section>
            <section>
              <h2>Faults</h2>
              <ul id="faults" class="small"></ul>
              <form id="fault-route" class="row">
                <input name="route" aria-label="route" value="POST /v1/videos" size={16} />
                <input name="status" aria-label="status" type="number" value="500" min="400" max="599" />
                <input name="count" aria-label="count" type="number" value="1" min="1" />
                <button type="submit">Fail requests</button>
              </form>
              <form id="fault-moderation" class="row">
                <input name="words" aria-label="moderation words" placeholder="word, word" size={16} />
                <button type="submit">Set moderation words</button>
              </form>
              <form id="fault-retire" class="row">
                <input name="model" aria-label="model" value="sora-2" size={10} />
                <input
                  name="status"
                  aria-label="retired status"
                  type="number"
                  value="404"
                  min="400"
                  max="599"
                />
                <button type="submit">Retire model</button>
              </form>
              <div class="row">
                <button id="faults-clear" type="button">
                  Clear every fault
                </button>
              </div>
            </section>
            <section>
              <h2>Quota</h2>
              <div id="quota"></div>
              <form id="quota-policy" class="row">
                <select name="mode" aria-label="quota mode">
                  <option value="concurrent">concurrent</option>
                  <option value="rate">rate</option>
                  <option value="none">none</option>
                </select>
                <input name="limit" aria-label="jobs" type="number" value="2" min="1" size={4} />
                <input
                  name="window_ms"
                  aria-label="rate window ms"
                  type="number"
                  value="60000"
                  min="1"
                  size={7}
                />
                <button type="submit">Set quota</button>
              </form>
            </section>
          </div>
        </main>
        <script src={asset('dashboard.js')} defer></script>
      </body>
    </html>
  );
};
