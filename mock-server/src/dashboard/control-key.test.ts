import { describe, expect, it } from 'vitest';
import { serveBanner } from '../cli/serve-banner.js';
import { parseServeArgs } from '../cli/serve-options.js';
import { createEmulatorCore } from '../emulator-core.js';

describe('control key', () => {
  const emulator = createEmulatorCore({ clock: 'manual', controlKey: 'k3y', logLevel: 'silent' });

  it('guards the control API and the dashboard, and leaves the dialects alone', async () => {
    expect((await emulator.app.request('/_emulator/clock')).status).toBe(401);
    expect(
      (await emulator.app.request('/_emulator/clock', { headers: { 'x-emulator-key': 'nope' } })).status,
    ).toBe(401);
    expect(
      (await emulator.app.request('/_emulator/clock', { headers: { 'x-emulator-key': 'k3y' } })).status,
    ).toBe(200);
    expect(
      (await emulator.app.request('/_emulator/clock', { headers: { authorization: 'Bearer k3y' } })).status,
    ).toBe(200);
    expect((await emulator.app.request('/_emulator/dashboard/state?key=k3y')).status).toBe(200);
    const page = await emulator.app.request('/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('?key=KEY');
    const open = await emulator.app.request('/?key=k3y', { headers: { accept: 'text/html' } });
    expect(open.status).toBe(200);
    expect(await open.text()).toContain('data-key="k3y"');
    const api = await emulator.app.request('/v1/videos', { headers: { authorization: 'Bearer sk-any' } });
    expect(api.status).toBe(200);
  });

  it('is required by serve beyond loopback and taken from --api-key, and the banner says so', () => {
    expect(parseServeArgs(['--host', '127.0.0.1']).emulator.controlKey).toBeUndefined();
    expect(parseServeArgs(['--host', '0.0.0.0', '--api-key', 'sk-a']).emulator.controlKey).toBe('sk-a');
    expect(parseServeArgs(['--host', '::', '--control-key', 'c']).emulator.controlKey).toBe('c');
    expect(() => parseServeArgs(['--host', '192.168.1.5'])).toThrow(/not a loopback address/);
    const banner = serveBanner({ url: 'http://127.0.0.1:4000', clock: 'manual', controlKey: 'c' });
    expect(banner).toContain('Dashboard       http://127.0.0.1:4000/?key=c');
    expect(banner).toContain('need the key');
    expect(serveBanner({ url: 'http://127.0.0.1:4000', clock: 'real' })).toContain(
      'Dashboard       http://127.0.0.1:4000/\n',
    );
  });
});
