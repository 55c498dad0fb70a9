/**
 * The fields of a multipart or urlencoded body, in the order they came: text values and
 * {@link UploadedFile}s. A read-only subset of `FormData`'s interface, without its copies.
 * @module
 */

import type { UploadedFile } from './uploaded-file.js';

/** A form value: a text field or an uploaded file. */
export type FormValue = string | UploadedFile;

/** A parsed form body. Iterating it gives `[name, value]` pairs in body order. */
export class UploadForm implements Iterable<[string, FormValue]> {
  readonly #entries: [string, FormValue][] = [];

  /** Adds a field after the others. */
  append(name: string, value: FormValue): void {
    this.#entries.push([name, value]);
  }

  /** Every `[name, value]` pair, in body order. */
  entries(): IterableIterator<[string, FormValue]> {
    return this.#entries[Symbol.iterator]();
  }

  /** Every field name, in body order (repeated names repeat). */
  *keys(): IterableIterator<string> {
    for (const [name] of this.#entries) yield name;
  }

  /** The first value named `name`, or `null`. */
  get(name: string): FormValue | null {
    return this.#entries.find(([key]) => key === name)?.[1] ?? null;
  }

  /** Every value named `name`, in body order. */
  getAll(name: string): FormValue[] {
    return this.#entries.filter(([key]) => key === name).map(([, value]) => value);
  }

  /** Whether a field is named `name`. */
  has(name: string): boolean {
    return this.#entries.some(([key]) => key === name);
  }

  [Symbol.iterator](): IterableIterator<[string, FormValue]> {
    return this.entries();
  }
}
