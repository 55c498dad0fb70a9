import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createClockScopes } from '../clock/clock-scopes.js';
import { createManualClock } from '../clock/controllable-clock.js';
import { createHttpFaultStore } from '../control/http-fault-store.js';
import { createEmulator } from '../emulator.js';
import { createFaultController } from '../engine/faults.js';
import { createIdSource } from '../engine/id-source.js';
import type { JsonValue } from '../engine/job-record.js';
import { runEmulatorProcess } from '../test-support/emulator-process.js';
import { testJobInput } from '../test-support/engine-fixtures.js';
import { DATABASE_FILE, type EmulatorData, EmulatorDataError, openEmulatorData } from './emulator-data.js';
import { emulatorStateSource, restoreEmulatorState } from './emulator-state.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema.js';

const dirs: string[] = [];
const open: EmulatorData[] = [];
afterEach(() => {
  for (const data of open.splice(0)) data.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sora-data-'));
  dirs.push(dir);
  return dir;
};
const openData = (dir: string, options: Parameters<typeof openEmulatorData>[1] = {}) => {
  const data = openEmulatorData(dir, options);
  open.push(data);
  return data;
};
const close = (data: EmulatorData) => {
  data.close();
  open.splice(open.indexOf(data), 1);
};
const KEY = 'sk-data';
const post = (emulator: ReturnType<typeof createEmulator>, path: string, body: unknown | FormData) =>
  emulator.app.request(path, {
    method: 'POST',
    headers:
      body instanceof FormData
        ? { authorization: `Bearer ${KEY}` }
        : { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: body instanceof FormData ? body : JSON.stringify(body),
  });

function refusal(run: () => unknown): EmulatorDataError {
  try {
    run();
  } catch (error) {
    if (error instanceof EmulatorDataError) return error;
    throw error;
  }
  throw new Error('expected an EmulatorDataError');
}

describe('openEmulatorData', () => {
  it('refuses a database of a newer schema with a clear message and leaves it untouched', () => {
    const dir = tempDir();
    close(openData(dir));
    const file = join(dir, DATABASE_FILE);
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(file);
    const error = refusal(() => openData(dir));
    expect(error.reason).toBe('newer-schema');
    expect(error.message).toContain(file);
    expect(error.message).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('names a corrupt file and never resets it silently; --reset deletes it', async () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    writeFileSync(file, 'this is not an sqlite database at all, just text that fills a page '.repeat(80));
    const error = refusal(() => openData(dir));
    expect(error.reason).toBe('corrupt');
    expect(error.message).toContain(file);
    expect(readFileSync(file, 'utf8')).toMatch(/^this is not an sqlite database/);
    // The real process prints the same and exits 1.
    const run = await runEmulatorProcess(['--data', dir, '--port', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file} is not a readable emulator database`);
    const reset = openData(dir, { reset: true });
    expect(reset.resumed).toBe(false);
  });

  it('refuses an SQLite file of another application', () => {
    const dir = tempDir();
    const db = new Database(join(dir, DATABASE_FILE));
    db.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY)');
    db.close();
    expect(refusal(() => openData(dir)).reason).toBe('foreign');
  });

  it('lets one process at a time use a directory; the second gets a locked error naming the file', async () => {
    const dir = tempDir();
    const holder = openData(dir);
    const error = refusal(() => openData(dir, { lockTimeoutMs: 50 }));
    expect(error.reason).toBe('locked');
    expect(error.message).toContain(join(dir, DATABASE_FILE));
    const run = await runEmulatorProcess(['--data', dir, '--port', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is in use by another emulator process');
    close(holder);
    close(openData(dir));
  });

  it('migrates a schema 1 database (inputs inline) to the current schema', () => {
    const dir = tempDir();
    const db = new Database(join(dir, DATABASE_FILE));
    db.exec(MIGRATIONS[0] as string);
    db.pragma('user_version = 1');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    const source = createEmulator({ clock: 'manual', seed: 'v1' });
    const view = source.engine.createJob({
      partition: 'openai:k',
      kind: 'sora2',
      prompt: 'old',
      model: 'sora-2',
      width: 720,
      height: 1280,
      seconds: 4,
      inputs: [{ kind: 'image', mediaType: 'image/png', bytes: new Uint8Array([1, 2, 3]) }],
    });
    const { inputs, ...rest } = view.job;
    const stored = { ...rest, inputs: [{ kind: 'image', mediaType: 'image/png', bytesBase64: 'AQID' }] };
    db.prepare('INSERT INTO jobs (partition, id, record) VALUES (?, ?, ?)').run(
      'openai:k',
      view.job.id,
      JSON.stringify(stored),
    );
    db.close();
    expect(inputs).toHaveLength(1);

    const data = openData(dir);
    expect(data.openedVersion).toBe(1);
    const record = data.store.get('openai:k', view.job.id);
    expect(record?.prompt).toBe('old');
    expect([...(record?.inputs[0]?.bytes ?? [])]).toEqual([1, 2, 3]);
    close(data);
    const check = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
  });

  it('stores uploaded inputs once as blobs and drops them with their last job', async () => {
    const dir = tempDir();
    const data = openData(dir);
    const emulator = createEmulator({ clock: 'manual', seed: 'blobs', quota: 'none', persistence: data });
    const bytes = new Uint8Array(64).fill(7);
    const job = (prompt: string) =>
      emulator.engine.createJob({
        ...testJobInput('openai:k', 'sora2'),
        prompt,
        inputs: [{ kind: 'image', mediaType: 'image/png', bytes }],
      });
    const a = job('a');
    const b = job('b');
    const db = () => new Database(join(dir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    close(data);
    let check = db();
    expect(check.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(1);
    expect(check.prepare('SELECT count(*) FROM job_blobs').pluck().get()).toBe(2);
    check.close();

    const reopened = openData(dir);
    expect([...(reopened.store.get('openai:k', a.job.id)?.inputs[0]?.bytes ?? [])]).toEqual([...bytes]);
    reopened.store.delete('openai:k', a.job.id);
    reopened.store.delete('openai:k', b.job.id);
    close(reopened);
    check = db();
    expect(check.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(0);
    check.close();
  });

  it('keeps a quota policy set through the control API across a restart; reset restores the configured one', async () => {
    const dir = tempDir();
    const start = (persistence: EmulatorData) =>
      createEmulator({ clock: 'manual', seed: 'quota', quota: 'concurrent:2', persistence });
    const data = openData(dir);
    const emulator = start(data);
    expect(
      (await post(emulator, '/_emulator/quota', { mode: 'rate', limit: 3, window_ms: 60_000 })).status,
    ).toBe(200);
    close(data);
    const reopened = openData(dir);
    const again = start(reopened);
    expect(await (await again.app.request('/_emulator/quota')).json()).toEqual({
      mode: 'rate',
      limit: 3,
      window_ms: 60_000,
    });
    expect((await post(again, '/_emulator/reset', {})).status).toBe(200);
    expect(await (await again.app.request('/_emulator/quota')).json()).toEqual({
      mode: 'concurrent',
      max_concurrent: 2,
    });
    close(reopened);
  });

  it('POST /_emulator/reset clears the durable state; --reset starts empty', async () => {
    const dir = tempDir();
    const data = openData(dir);
    const emulator = createEmulator({ clock: 'manual', seed: 'reset', persistence: data });
    expect((await post(emulator, '/v1/videos', { prompt: 'kept?' })).status).toBe(200);
    await post(emulator, '/_emulator/faults', { type: 'moderation', words: ['nope'] });
    expect((await post(emulator, '/_emulator/reset', {})).status).toBe(200);
    close(data);
    const after = openData(dir);
    expect(after.store.partitions()).toEqual([]);
    expect(after.readState('faults')).toMatchObject({ moderationWords: [] });
    const again = createEmulator({ clock: 'manual', seed: 'reset', persistence: after });
    expect((await post(again, '/v1/videos', { prompt: 'stays' })).status).toBe(200);
    close(after);
    const wiped = openData(dir, { reset: true });
    expect(wiped.store.partitions()).toEqual([]);
    expect(wiped.readState('clock')).toBeUndefined();
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
  });

  it('keeps clock scopes across a restart', () => {
    const dir = tempDir();
    const data = openData(dir);
    const first = createEmulator({ clock: 'manual', seed: 'scopes', persistence: data });
    first.control.joinClockScope('suite', ['openai:sk-a']);
    first.control.advanceClock(5_000, 'suite');
    first.control.advanceClock(7_000, 'azure:sk-b');
    const global = first.clock.now();
    close(data);
    const again = createEmulator({ clock: 'manual', seed: 'scopes', persistence: openData(dir) });
    expect(again.clockScopes.now('openai:sk-a')).toBe(global + 5_000);
    expect(again.clockScopes.now('azure:sk-b')).toBe(global + 7_000);
    expect(again.clockScopes.now('openai:other')).toBe(global);
  });

  it('persists a DurableStatePart with every checkpoint and restores it at start', () => {
    const dir = tempDir();
    const data = openData(dir);
    let characters: JsonValue = { ch_1: { name: 'Mossy' } };
    const part = {
      key: 'characters',
      save: () => characters,
      restore: (value: JsonValue) => (characters = value),
    };
    const parts = {
      clock: createManualClock(0),
      ids: createIdSource(),
      faults: createFaultController(),
      httpFaults: createHttpFaultStore(),
      webhooks: null,
      wallNow: () => 0,
      parts: [part],
    };
    data.setStateSource(emulatorStateSource({ ...parts, scopes: createClockScopes(parts.clock) }));
    characters = { ch_1: { name: 'Mossy' }, ch_2: { name: 'Fern' } };
    data.checkpoint();
    close(data);
    characters = null;
    const again = openData(dir);
    restoreEmulatorState(again, { ...parts, scopes: createClockScopes(parts.clock) });
    expect(characters).toEqual({ ch_1: { name: 'Mossy' }, ch_2: { name: 'Fern' } });
  });
});
