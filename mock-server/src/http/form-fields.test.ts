/**
 * Field names are untrusted: the shared form reader builds prototype-less objects and refuses
 * reserved names, and no name sent to any dialect (multipart or JSON) changes what a later,
 * unrelated request gets. The dialect cases run over real HTTP.
 */
import { sora1WrappedErrorSchema, sora2ErrorResponseSchema } from '@sora-kit/core/wire';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, type EmulatorServer } from '../emulator.js';
import { BodyError } from './body-error.js';
import { checkFieldName, formToObject, parseFieldName } from './form-fields.js';

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
const CLEAN_PROTOTYPE = prototypeNames();

/** Undoes any pollution so one failing case cannot break the rest of the worker. */
function restorePrototype(): void {
  for (const name of Object.getOwnPropertyNames(Object.prototype)) {
    if (!CLEAN_PROTOTYPE.includes(name)) delete (Object.prototype as Record<string, unknown>)[name];
  }
}

const formOf = (entries: readonly [string, string | File][]): FormData => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
};

describe('parseFieldName / formToObject', () => {
  it('splits bracketed names and builds prototype-less objects and arrays', () => {
    expect(parseFieldName('a')).toEqual(['a']);
    expect(parseFieldName('video[id]')).toEqual(['video', 'id']);
    expect(parseFieldName('a[b][c]')).toEqual(['a', 'b', 'c']);
    expect(parseFieldName('files[]')).toEqual(['files', '']);
    expect(parseFieldName('a[b')).toEqual(['a[b']);
    const body = formToObject([
      ['prompt', 'p'],
      ['video[id]', 'video_1'],
      ['a[b][c]', 'deep'],
      ['tags[]', 'x'],
      ['tags[]', 'y'],
    ]);
    expect(Object.getPrototypeOf(body)).toBeNull();
    expect(Object.getPrototypeOf(body.video)).toBeNull();
    expect(JSON.parse(JSON.stringify(body))).toEqual({
      prompt: 'p',
      video: { id: 'video_1' },
      a: { b: { c: 'deep' } },
      tags: ['x', 'y'],
    });
  });

  it('reads the SDK encoding of arrays of objects (characters[][id]) and keeps odd names literal', () => {
    const body = formToObject([
      ['characters[][id]', 'char_1'],
      ['characters[][id]', 'char_2'],
      ['items[][a]', '1'],
      ['items[][b]', '2'],
      ['items[][a]', '3'],
      ['odd[][]', 'x'],
    ]);
    expect(Object.getPrototypeOf((body.characters as object[])[0])).toBeNull();
    expect(JSON.parse(JSON.stringify(body))).toEqual({
      characters: [{ id: 'char_1' }, { id: 'char_2' }],
      items: [{ a: '1', b: '2' }, { a: '3' }],
      'odd[][]': 'x',
    });
  });

  it.each([
    '__proto__',
    '__proto__[prompt]',
    'constructor[prototype][prompt]',
    'input_reference[__proto__]',
    'prototype',
    'a[b][c][d][e][f][g][h][i]',
  ])('refuses %s with a BodyError naming it', (name) => {
    const error = (() => {
      try {
        checkFieldName(name);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(BodyError.isInstance(error) && error.kind).toBe('invalid_field_name');
    expect(BodyError.isInstance(error) && error.field).toBe(name);
    expect(() => formToObject([[name, 'x']])).toThrow(/Invalid parameter name/);
    expect(prototypeNames()).toEqual(CLEAN_PROTOTYPE);
  });
});

describe('field names over HTTP', () => {
  let emulator: Emulator;
  let server: EmulatorServer;
  let keys = 0;
  beforeAll(async () => {
    emulator = createEmulator({ clock: 'manual', seed: 'field-names', quota: 'none' });
    server = await emulator.listen(0);
  });
  afterAll(() => emulator.close());
  afterEach(restorePrototype);

  const sora2Path = '/v1/videos';
  const sora1Path = '/openai/v1/video/generations/jobs?api-version=preview';
  const azureSora2Path = '/openai/v1/videos';
  const headersFor = (path: string, key: string): Record<string, string> =>
    path === sora2Path ? { authorization: `Bearer sk-${key}` } : { 'api-key': key };
  const send = (path: string, key: string, body: FormData | object) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        ...headersFor(path, key),
        ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }),
      },
      body: body instanceof FormData ? body : JSON.stringify(body),
    });

  /** Three unrelated creates by a fresh credential, reduced to what must never change. */
  async function unrelatedAnswers(): Promise<unknown[]> {
    const key = `bystander-${keys++}`;
    const answers = [
      await send(sora2Path, key, { prompt: 'a bystander balloon', seconds: '4' }),
      await send(sora1Path, key, { model: 'sora', prompt: 'a bystander lake', width: 480, height: 480 }),
      await send(
        azureSora2Path,
        key,
        formOf([
          ['prompt', 'a bystander form'],
          ['model', 'sora-2'],
        ]),
      ),
    ];
    return Promise.all(
      answers.map(async (res) => {
        const body = (await res.json()) as Record<string, unknown>;
        const { id: _id, created_at: _c, createdAt: _c1, ...stable } = body;
        return { status: res.status, body: stable };
      }),
    );
  }

  it('refuses __proto__[prompt] on Sora 2 with a 400 naming the field; later requests are unaffected', async () => {
    const before = await unrelatedAnswers();
    const res = await send(sora2Path, 'attacker', formOf([['__proto__[prompt]', 'pwned']]));
    expect(res.status).toBe(400);
    const body = sora2ErrorResponseSchema.parse(await res.json());
    expect(body.error).toMatchObject({ param: '__proto__[prompt]', type: 'invalid_request_error' });
    expect(({} as Record<string, unknown>).prompt).toBeUndefined();
    expect(await unrelatedAnswers()).toEqual(before);
  });

  it('refuses a file part named __proto__[file_id]; Sora 1 JSON creates still answer 201', async () => {
    const form = formOf([
      ['prompt', 'x'],
      ['__proto__[file_id]', new File([new Uint8Array([1, 2, 3])], 'f.bin')],
    ]);
    const res = await send(azureSora2Path, 'attacker', form);
    expect(res.status).toBe(400);
    expect(sora2ErrorResponseSchema.parse(await res.json()).error.param).toBe('__proto__[file_id]');
    const after = await send(sora1Path, 'attacker', {
      model: 'sora',
      prompt: 'a lake',
      width: 480,
      height: 480,
    });
    expect(after.status).toBe(201);
  });

  it.each([
    ['toString', "Unrecognized parameter: 'toString'"],
    ['hasOwnProperty', "Unrecognized parameter: 'hasOwnProperty'"],
    ['constructor', "Invalid parameter name 'constructor'"],
    ['__proto__[prompt]', "Invalid parameter name '__proto__[prompt]'"],
  ])('Sora 1 multipart: a single field %s is refused as itself, not "given twice"', async (name, message) => {
    const res = await send(
      sora1Path,
      'sora1-fields',
      formOf([
        ['model', 'sora'],
        ['prompt', 'a lake'],
        ['width', '480'],
        ['height', '480'],
        [name, 'x'],
      ]),
    );
    expect(res.status).toBe(400);
    const body = sora1WrappedErrorSchema.parse(await res.json());
    expect(body.error.param).toBe(name);
    expect(body.error.message).toContain(message);
    expect(body.error.message).not.toContain('given twice');
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'a model value %s is an unknown model (400 naming model), never a 500',
    async (model) => {
      const res = await send(sora2Path, 'model-values', { prompt: 'a cat', model });
      expect(res.status).toBe(400);
      expect(sora2ErrorResponseSchema.parse(await res.json()).error.param).toBe('model');
    },
  );

  const reserved = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty');
  const segment = fc.oneof(
    { arbitrary: reserved, weight: 2 },
    fc.constantFrom('prompt', 'file_id', 'image_url', 'model'),
    fc.string(),
  );
  const fieldName = fc.oneof(
    segment,
    { arbitrary: fc.tuple(segment, segment).map(([a, b]) => `${a}[${b}]`), weight: 3 },
    fc.tuple(segment, segment, segment).map(([a, b, c]) => `${a}[${b}][${c}]`),
  );
  const attack = fc.record({
    path: fc.constantFrom(sora2Path, azureSora2Path, sora1Path),
    encoding: fc.constantFrom('multipart', 'json'),
    fields: fc.array(fc.tuple(fieldName, fc.boolean(), fc.string()), { minLength: 1, maxLength: 4 }),
  });

  it('property: no field name, multipart or JSON, changes the answer to a later unrelated request', async () => {
    const baseline = await unrelatedAnswers();
    await fc.assert(
      fc.asyncProperty(attack, async ({ path, encoding, fields }) => {
        try {
          let body: FormData | object;
          if (encoding === 'multipart') {
            body = formOf(
              fields.map(([name, asFile, value]) => [name, asFile ? new File([value], 'f.png') : value]),
            );
          } else {
            body = JSON.parse(
              `{${fields.map(([name, , value]) => `${JSON.stringify(name)}:${JSON.stringify({ [name]: value })}`).join(',')}}`,
            ) as object;
          }
          const res = await send(path, `attacker-${keys++}`, body);
          expect(res.status).toBeLessThan(500);
          const schema = path === sora1Path ? sora1WrappedErrorSchema : sora2ErrorResponseSchema;
          if (res.status >= 400) schema.parse(await res.json());
          else await res.body?.cancel();
          expect(prototypeNames()).toEqual(CLEAN_PROTOTYPE);
          expect(await unrelatedAnswers()).toEqual(baseline);
        } finally {
          restorePrototype();
        }
      }),
      { numRuns: 60, seed: 10 },
    );
  });
});
