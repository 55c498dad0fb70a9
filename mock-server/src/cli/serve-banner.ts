/**
 * What `sora-emulator serve` prints once listening: the base URL of each dialect, the control
 * API, and a request to try.
 * @module
 */

/** What the banner shows. */
export interface ServeBannerInput {
  /** Base URL the server answers on, e.g. `http://127.0.0.1:4000`. */
  readonly url: string;
  /** Clock mode. */
  readonly clock: string;
  /** Timing profile of new jobs (`realistic`, `fast` or `custom`). */
  readonly timing?: string;
  /** Required key, if any (the example uses it). */
  readonly apiKey?: string | undefined;
  /** Key of the dashboard and control API, if any. */
  readonly controlKey?: string | undefined;
  /** Where durable state lives (`--data`), or null/undefined for in-memory state. */
  readonly state?: { readonly file: string; readonly resumed: boolean; readonly jobs: number } | null;
}

function stateLine(state: ServeBannerInput['state']): string {
  if (state === undefined || state === null) return 'State: in memory (lost on exit; --data DIR keeps it)\n';
  return state.resumed
    ? `State: ${state.file} (resumed: ${state.jobs} stored job${state.jobs === 1 ? '' : 's'})\n`
    : `State: ${state.file} (new)\n`;
}

/**
 * Renders the banner.
 * @example
 * io.stdout.write(serveBanner({ url: 'http://127.0.0.1:4000', clock: 'real' }));
 */
export function serveBanner(input: ServeBannerInput): string {
  const { url } = input;
  const key = input.apiKey ?? 'sk-test';
  const guarded = input.controlKey !== undefined;
  const dashboard = guarded ? `${url}/?key=${encodeURIComponent(input.controlKey ?? '')}` : `${url}/`;
  const guard = guarded
    ? '\n  (the dashboard and control API need the key: x-emulator-key header, Bearer, or ?key=)'
    : '';
  const advance = guarded
    ? `  curl -s -X POST ${url}/_emulator/clock/advance -H "x-emulator-key: ${input.controlKey}" -d '{"ms":120000}'\n`
    : `  curl -s -X POST ${url}/_emulator/clock/advance -d '{"ms":120000}'\n`;
  const timing = input.timing === undefined ? '' : `, timing: ${input.timing}`;
  return `sora-kit emulator listening on ${url} (clock: ${input.clock}${timing})
${stateLine(input.state)}
  Dashboard       ${dashboard}${guard}
  OpenAI Sora 2   ${url}/v1
  Azure Sora 2    ${url}/openai/v1
  Azure Sora 1    ${url}/openai/v1/video/generations/jobs?api-version=preview
  Control API     ${url}/_emulator   (OpenAPI: ${url}/_emulator/openapi.json)

Try:
  curl -s ${url}/v1/videos -H "Authorization: Bearer ${key}" -H "Content-Type: application/json" \\
    -d '{"model":"sora-2","prompt":"a red balloon over a lake","seconds":"4","size":"1280x720"}'
  curl -s ${url}/v1/videos/VIDEO_ID -H "Authorization: Bearer ${key}"
${input.clock === 'manual' ? advance : ''}
Press Ctrl+C to stop.
`;
}

/** The host to show in URLs: a wildcard address is shown as the loopback one. */
export function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
