/**
 * The dashboard's browser script. Written as one self-contained function (no imports, no
 * closure over module scope) so it type-checks here and is served as its own source text at
 * `/_emulator/dashboard/dashboard.js`. It polls `/_emulator/dashboard/state` and changes state
 * only through the control API (`/_emulator/clock/...`, `/_emulator/faults`).
 * @module
 */

/** The page script; runs in the browser once the DOM is parsed. */
export function dashboardClient(): void {
  // biome-ignore lint/suspicious/noExplicitAny: the page reads its own JSON (dashboard-state.ts)
  type Json = Record<string, any>;
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const esc = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const time = (ms: number | null | undefined) =>
    ms === null || ms === undefined ? '' : new Date(ms).toISOString().replace('T', ' ').replace('.000Z', 'Z');
  const key = document.body.dataset.key ?? '';
  const headers = (extra: Record<string, string> = {}) =>
    key === '' ? extra : { ...extra, 'x-emulator-key': key };
  const withKey = (url: string) =>
    key === '' ? url : `${url}${url.includes('?') ? '&' : '?'}key=${encodeURIComponent(key)}`;
  const view = { dialect: '', status: '', partition: '', offset: 0, limit: 50, selected: '' };
  let last: Json | null = null;
  const LINEAGE: Record<string, string> = { remix: 'remix of', edit: 'edit of', extension: 'extension of' };
  const lineage = (job: Json) =>
    job.lineage
      ? `<span class="lineage" data-lineage="${esc(job.lineage.kind)}">${esc(LINEAGE[job.lineage.kind] ?? job.lineage.kind)} <span class="mono">${esc(job.lineage.source_id)}</span>${
          job.lineage.extension_count ? ` (extension ${esc(job.lineage.extension_count)})` : ''
        }</span>`
      : '';
  let shownDetail = '';

  async function control(method: string, path: string, body?: unknown): Promise<Json> {
    const res = await fetch(`/_emulator${path}`, {
      method,
      headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as Json;
    $('action-status').textContent = res.ok
      ? `${method} /_emulator${path}: ${res.status}`
      : `${method} /_emulator${path}: ${res.status} ${json.error?.message ?? ''}`;
    await refresh();
    return json;
  }

  function renderClock(state: Json): void {
    $('clock-now').textContent = state.clock.iso;
    $('clock-mode').textContent = state.clock.mode;
    $('clock-toggle').textContent = state.clock.mode === 'manual' ? 'Switch to real' : 'Switch to manual';
    const scopes = state.scopes as Json[];
    $('scopes').innerHTML =
      scopes.length === 0
        ? '<p class="muted small">No clock scopes.</p>'
        : `<table><tr><th>scope</th><th>time</th><th></th></tr>${scopes
            .map(
              (s) =>
                `<tr><td class="mono">${esc(s.scope)}</td><td class="mono">${esc(s.iso)}</td><td>${[
                  10_000, 60_000, 3_600_000,
                ]
                  .map(
                    (ms) =>
                      `<button data-advance="${ms}" data-scope="${esc(s.scope)}">+${ms >= 3_600_000 ? '1 h' : ms >= 60_000 ? '1 min' : '10 s'}</button>`,
                  )
                  .join(' ')}</td></tr>`,
            )
            .join('')}</table>`;
  }

  function outputsHtml(job: Json): string {
    if (!job.outputs) return '<p class="muted small">No output yet.</p>';
    return (job.outputs as Json[])
      .map(
        (o, i) => `<div class="outputs">
          <div><video controls preload="metadata" src="${esc(withKey(o.video))}" data-job="${esc(job.id)}"></video>
          <div class="small">${o.generation ? `variant ${i + 1}: <span class="mono">${esc(o.generation)}</span> · ` : ''}
          <a href="${esc(withKey(o.video))}" download>MP4</a> · <a href="${esc(withKey(o.thumbnail))}" download>thumbnail</a>${
            o.spritesheet ? ` · <a href="${esc(withKey(o.spritesheet))}" download>spritesheet</a>` : ''
          }</div></div>
          <img alt="thumbnail" src="${esc(withKey(o.thumbnail))}">
          ${o.spritesheet ? `<img alt="spritesheet" src="${esc(withKey(o.spritesheet))}">` : ''}
        </div>`,
      )
      .join('');
  }

  function renderDetail(state: Json): void {
    const job = (state.jobs.data as Json[]).find((j) => j.id === view.selected);
    if (job === undefined) {
      if (view.selected === '')
        $('detail').innerHTML = '<p class="muted small">Select a job to see its outputs.</p>';
      return;
    }
    const signature = `${job.id}:${job.status}`;
    if (signature === shownDetail) return; // keep a playing <video> as it is
    shownDetail = signature;
    $('detail').innerHTML =
      `<h2>Job <span class="mono">${esc(job.id)}</span> <span class="status-${esc(job.status)}">${esc(job.status)}</span></h2>
      <p class="small">${esc(job.prompt)}</p>
      <p class="small muted">${esc(job.dialect)} · ${esc(job.model)} · ${esc(job.size)} · ${esc(job.seconds)} s · ${esc(job.partition_label)}${job.lineage ? ` · ${lineage(job)}` : ''}${job.failure ? ` · failure: ${esc(job.failure.code)} ${esc(job.failure.message)}` : ''}</p>
      ${outputsHtml(job)}`;
  }

  function renderJobs(state: Json): void {
    const jobs = state.jobs;
    const select = $('filter-partition') as unknown as HTMLSelectElement;
    const options = [`<option value="">every credential</option>`]
      .concat(
        (jobs.partitions as Json[]).map(
          (p) =>
            `<option value="${esc(p.partition)}"${p.partition === view.partition ? ' selected' : ''}>${esc(p.label)}</option>`,
        ),
      )
      .join('');
    if (select.dataset.options !== options) {
      select.innerHTML = options;
      select.dataset.options = options;
    }
    $('jobs-count').textContent = `${jobs.matching} of ${jobs.total} jobs · ${Object.entries(
      jobs.statuses as Record<string, number>,
    )
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}`;
    $('page').textContent =
      jobs.matching === 0
        ? ''
        : `${jobs.offset + 1}-${Math.min(jobs.offset + jobs.limit, jobs.matching)} of ${jobs.matching}`;
    $('jobs').innerHTML = (jobs.data as Json[])
      .map(
        (j) => `<tr data-id="${esc(j.id)}" data-status="${esc(j.status)}" style="cursor:pointer">
        <td class="mono">${esc(j.id)}${j.variants > 1 ? ` <span class="muted">×${j.variants}</span>` : ''}${
          j.lineage ? `<br><span class="small muted">${lineage(j)}</span>` : ''
        }</td>
        <td>${esc(j.dialect)}</td>
        <td class="status-${esc(j.status)}">${esc(j.status)}</td>
        <td><div class="bar"><span style="width:${Number(j.progress ?? (j.status === 'succeeded' ? 100 : 0))}%"></span></div></td>
        <td>${esc(j.model)}</td><td class="num">${esc(j.size)}</td><td class="num">${esc(j.seconds)}</td>
        <td class="mono small">${esc(j.partition_label)}</td>
        <td class="mono small">${time(j.created_at_ms)}</td><td class="mono small">${time(j.finished_at_ms)}</td>
        <td class="mono small">${time(j.expires_at_ms)}</td></tr>`,
      )
      .join('');
  }

  function renderFaults(state: Json): void {
    const f = state.faults;
    const items: string[] = [];
    for (const r of f.routes as Json[])
      items.push(
        `route <code>${esc(r.route)}</code> → ${esc(r.status)} (${esc(r.remaining ?? r.count)} left)`,
      );
    for (const l of f.latency as Json[])
      items.push(`latency ${esc(l.latency_ms)} ms on <code>${esc(l.route ?? '*')}</code>`);
    for (const j of f.job_failures as Json[])
      items.push(`jobs fail at ${esc(j.progress)}% (${esc(j.code ?? '')})`);
    if ((f.moderation_words as string[]).length > 0)
      items.push(`moderation words: <code>${esc(f.moderation_words.join(', '))}</code>`);
    for (const m of f.retired_models as Json[])
      items.push(`retired <code>${esc(m.model)}</code> (${esc(m.status)})`);
    $('faults').innerHTML =
      items.length === 0 ? '<li class="muted">none</li>' : items.map((i) => `<li>${i}</li>`).join('');
    const q = state.quota;
    const policy =
      q.policy.mode === 'concurrent'
        ? `concurrent:${q.policy.maxConcurrent}`
        : q.policy.mode === 'rate'
          ? `rate:${q.policy.limit}/${q.policy.windowMs} ms`
          : 'none';
    $('quota').innerHTML = `<p class="small">policy <code>${esc(policy)}</code></p>${
      (q.partitions as Json[]).length === 0
        ? '<p class="muted small">No running jobs.</p>'
        : `<table><tr><th>credential</th><th>family</th><th>running</th></tr>${(q.partitions as Json[])
            .map(
              (p) =>
                `<tr><td class="mono small">${esc(p.partition_label)}</td><td>${esc(p.family)}</td><td class="num">${esc(p.running)}${p.limit === null ? '' : ` / ${esc(p.limit)}`}</td></tr>`,
            )
            .join('')}</table>`
    }`;
  }

  function renderLogs(state: Json): void {
    $('requests').innerHTML = (state.requests as Json[])
      .slice(0, 50)
      .map(
        (r) => `<tr><td class="mono small">${esc(r.method)}</td><td class="mono small">${esc(r.path)}</td>
        <td class="num ${r.status >= 400 ? 'status-failed' : ''}">${esc(r.status)}</td><td class="num small">${esc(r.latency_ms)} ms</td>
        <td class="mono small">${esc(r.request_id ?? '')}</td></tr>`,
      )
      .join('');
    const w = state.webhooks;
    $('webhooks').innerHTML = !w.enabled
      ? '<p class="muted small">Webhooks are off (start with --webhook-url and --webhook-secret).</p>'
      : `<table><tr><th>event</th><th>video</th><th>outcome</th><th>attempts</th><th>last</th></tr>${(
          w.deliveries as Json[]
        )
          .map(
            (d) =>
              `<tr><td class="small">${esc(d.type)}</td><td class="mono small">${esc(d.video_id)}</td><td>${esc(d.outcome)}</td><td class="num">${esc(d.attempts)}</td><td class="small">${esc(d.last_status ?? d.last_error ?? '')}</td></tr>`,
          )
          .join('')}</table>`;
  }

  async function refresh(): Promise<void> {
    const query = new URLSearchParams({ offset: String(view.offset), limit: String(view.limit) });
    if (view.dialect) query.set('dialect', view.dialect);
    if (view.status) query.set('status', view.status);
    if (view.partition) query.set('partition', view.partition);
    const res = await fetch(`/_emulator/dashboard/state?${query}`, { headers: headers() });
    if (!res.ok) {
      $('action-status').textContent = `state: HTTP ${res.status}`;
      return;
    }
    last = (await res.json()) as Json;
    renderClock(last);
    renderJobs(last);
    renderDetail(last);
    renderFaults(last);
    renderLogs(last);
    document.body.dataset.ready = 'true';
  }

  document.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    const advance = target.closest<HTMLElement>('[data-advance]');
    if (advance) {
      const scope = advance.dataset.scope;
      void control('POST', '/clock/advance', {
        ms: Number(advance.dataset.advance),
        ...(scope ? { scope } : {}),
      });
      return;
    }
    const row = target.closest<HTMLElement>('tr[data-id]');
    if (row) {
      view.selected = row.dataset.id ?? '';
      shownDetail = '';
      if (last) renderDetail(last);
    }
  });
  $('clock-toggle').addEventListener(
    'click',
    () => void control('POST', '/clock/set', { mode: last?.clock.mode === 'manual' ? 'real' : 'manual' }),
  );
  for (const name of ['dialect', 'status', 'partition'] as const) {
    $(`filter-${name}`).addEventListener('change', (event) => {
      view[name] = (event.target as HTMLSelectElement).value;
      view.offset = 0;
      void refresh();
    });
  }
  $('page-prev').addEventListener('click', () => {
    view.offset = Math.max(0, view.offset - view.limit);
    void refresh();
  });
  $('page-next').addEventListener('click', () => {
    if (last && view.offset + view.limit < last.jobs.matching) view.offset += view.limit;
    void refresh();
  });
  const form = (id: string, body: (data: FormData) => unknown, path = '/faults') =>
    $(id).addEventListener('submit', (event) => {
      event.preventDefault();
      void control('POST', path, body(new FormData(event.target as HTMLFormElement)));
    });
  form('fault-route', (d) => ({
    type: 'route',
    route: d.get('route'),
    status: Number(d.get('status')),
    count: Number(d.get('count')),
  }));
  form('fault-moderation', (d) => ({
    type: 'moderation',
    words: String(d.get('words') ?? '')
      .split(',')
      .map((w) => w.trim())
      .filter((w) => w !== ''),
  }));
  form('fault-retire', (d) => ({
    type: 'retired_model',
    model: d.get('model'),
    status: Number(d.get('status')),
  }));
  form(
    'quota-policy',
    (d) => {
      const mode = String(d.get('mode'));
      const limit = Number(d.get('limit'));
      return mode === 'concurrent'
        ? { mode, max_concurrent: limit }
        : mode === 'rate'
          ? { mode, limit, window_ms: Number(d.get('window_ms')) }
          : { mode };
    },
    '/quota',
  );
  $('faults-clear').addEventListener('click', () => void control('DELETE', '/faults'));

  const interval = Number(document.body.dataset.pollMs ?? '1000');
  void refresh();
  setInterval(
    () => void refresh().catch((error) => ($('action-status').textContent = String(error))),
    interval,
  );
}
