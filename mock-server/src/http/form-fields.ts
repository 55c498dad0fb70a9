/**
 * Multipart and urlencoded field names, read safely. Names follow the openai SDK's encoding:
 * objects arrive bracket-flattened (`input_reference[image_url]`, `video[id]`, `a[b][c]`) and
 * arrays with `[]` (`files[]`). Objects built here have no prototype, and a name with a segment
 * that means something to JavaScript objects (`__proto__`, `constructor`, `prototype`) is refused,
 * so a field name can never reach `Object.prototype`.
 * @module
 */

import { BodyError } from './body-error.js';
import type { FormValue } from './upload-form.js';
import { UploadedFile } from './uploaded-file.js';

export type { FormValue } from './upload-form.js';

/** A node of {@link formToObject}'s result; every object in it has a null prototype. */
export type FormNode = FormValue | FormNode[] | FormObject;

/** A prototype-less object of form values, keyed by name segment. */
export interface FormObject {
  [key: string]: FormNode;
}

/** Name segments refused everywhere: they name object machinery, never a wire field. */
const RESERVED_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest bracket nesting accepted (`a[b][c]` is depth 3). */
export const MAX_FIELD_DEPTH = 8;

const SEGMENTED = /^([^[\]]+)((?:\[[^[\]]*\])+)$/;
const SEGMENT = /\[([^[\]]*)\]/g;

/**
 * Splits a field name into segments: `a` -> `['a']`, `a[b][c]` -> `['a', 'b', 'c']`,
 * `files[]` -> `['files', '']` (`''` = append to an array). A name that is not of this form
 * (`a[b`, `[x]`, `a]`) is one segment, the whole name.
 * @example
 * parseFieldName('input_reference[image_url]'); // ['input_reference', 'image_url']
 */
export function parseFieldName(name: string): readonly string[] {
  const match = SEGMENTED.exec(name);
  if (!match) return [name];
  const [, head = '', rest = ''] = match;
  return [head, ...Array.from(rest.matchAll(SEGMENT), (m) => m[1] ?? '')];
}

/**
 * Refuses a name any of whose segments is reserved, or which nests deeper than
 * {@link MAX_FIELD_DEPTH}. @throws BodyError `invalid_field_name` naming the field
 */
export function checkFieldName(name: string): void {
  const segments = parseFieldName(name);
  const reserved = segments.find((segment) => RESERVED_SEGMENTS.has(segment));
  if (reserved !== undefined) {
    throw new BodyError(
      'invalid_field_name',
      `Invalid parameter name '${name}': '${reserved}' is not allowed in a field name.`,
      undefined,
      name,
    );
  }
  if (segments.length > MAX_FIELD_DEPTH) {
    throw new BodyError(
      'invalid_field_name',
      `Invalid parameter name '${name}': nested deeper than ${MAX_FIELD_DEPTH} levels.`,
      undefined,
      name,
    );
  }
}

const isObject = (node: FormNode | undefined): node is FormObject =>
  node !== undefined && typeof node === 'object' && !(node instanceof UploadedFile) && !Array.isArray(node);

/** A new object with no prototype, for building request objects from untrusted names. */
export function emptyFormObject(): FormObject {
  return Object.create(null) as FormObject;
}

/** Whether `segments` fit the encoding: `[]` only last, or just before a key (`a[][id]`). */
function wellFormed(segments: readonly string[]): boolean {
  return segments.every(
    (segment, i) => segment !== '' || i === segments.length - 1 || (i > 0 && segments[i + 1] !== ''),
  );
}

/**
 * Builds one nested object from a form: bracketed names become prototype-less objects, a final
 * `[]` appends to an array, and `[]` before a key (`characters[][id]`, the openai SDK's array of
 * objects) adds to the last object of an array until a key repeats, which starts the next one.
 * A later scalar replaces an earlier value of the same name.
 * @throws BodyError `invalid_field_name` for a reserved or too deep name
 * @example
 * formToObject(form); // { prompt: 'a cat', video: { id: 'video_1' }, characters: [{ id: 'char_1' }, { id: 'char_2' }] }
 */
export function formToObject(form: Iterable<readonly [string, FormValue]>): FormObject {
  const root = emptyFormObject();
  for (const [name, value] of form) {
    checkFieldName(name);
    const parsed = parseFieldName(name);
    const segments = wellFormed(parsed) ? parsed : [name];
    const append = segments.length > 1 && segments[segments.length - 1] === '';
    const path = append ? segments.slice(0, -1) : segments;
    let parent = root;
    for (let i = 0; i < path.length - 1; i++) {
      const segment = path[i] as string;
      if (path[i + 1] === '') {
        const key = path[i + 2] as string;
        const current = parent[segment];
        const list = Array.isArray(current) ? current : [];
        parent[segment] = list;
        const last = list[list.length - 1];
        let element = isObject(last) && !Object.hasOwn(last, key) ? last : undefined;
        if (element === undefined) {
          element = emptyFormObject();
          list.push(element);
        }
        parent = element;
        i++;
        continue;
      }
      const current = parent[segment];
      const child = isObject(current) ? current : emptyFormObject();
      parent[segment] = child;
      parent = child;
    }
    const key = path[path.length - 1] ?? name;
    if (append) {
      const current = parent[key];
      if (Array.isArray(current)) current.push(value);
      else parent[key] = [value];
    } else {
      parent[key] = value;
    }
  }
  return root;
}
