/**
 * Query parameters of the control API (and the dashboard's read routes): parsed with zod
 * schemas, which also give the OpenAPI document its `parameters`. Every value is a string as
 * sent; a refusal names the parameter, quotes the value and says what is allowed. Parameters
 * a schema does not name are ignored (`key`, the control key, may come on any route).
 * @module
 */

import { z } from 'zod';
import { ControlRequestError, controlErrorJson } from './control-request-error.js';

/** A schema of query parameters: an object whose fields each read one parameter's string. */
export type QuerySchema = z.ZodObject<Record<string, z.ZodType<unknown, string | undefined>>>;

/**
 * Reads the query of `url` with `schema`. A parameter the schema names may come once.
 * @throws ControlRequestError naming the first bad parameter, its value and the allowed values.
 * @example
 * const query = parseQuery(c.req.url, jobsQuery); // { limit: 1000, kind: 'sora2' }
 */
export function parseQuery<S extends QuerySchema>(url: string, schema: S): z.output<S> {
  const params = new URL(url).searchParams;
  const raw: Record<string, string> = Object.create(null);
  for (const name of Object.keys(schema.shape)) {
    const values = params.getAll(name);
    if (values.length > 1) {
      throw new ControlRequestError(
        `${name} is given ${values.length} times ('${values.join("', '")}'); give it once`,
        name,
      );
    }
    if (values.length === 1) raw[name] = values[0] as string;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? '');
  throw new ControlRequestError(`${name} '${raw[name] ?? ''}' ${issue?.message ?? 'is not allowed'}`, name);
}

/**
 * The OpenAPI `parameters` of a query schema: one `in: query` parameter per field, its schema
 * the JSON Schema of what the route reads (integers as integers), its description the field's.
 * @example
 * queryParameters(jobsQuery); // [{ name: 'partition', in: 'query', required: false, schema: {...} }, ...]
 */
export function queryParameters(schema: QuerySchema): Record<string, unknown>[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const {
      $schema: _,
      description,
      ...json
    } = z.toJSONSchema(field, {
      io: 'output',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
    return {
      name,
      in: 'query',
      required: !field.safeParse(undefined).success,
      ...(description === undefined ? {} : { description }),
      schema: json,
    };
  });
}

/**
 * {@link parseQuery} for routes without the control API's error handler: the parsed query, or
 * the 400 envelope to answer.
 * @example
 * const query = readQuery(c.req.url, dashboardStateQuery);
 * if ('error' in query) return c.json(query.error, 400);
 */
export function readQuery<S extends QuerySchema>(
  url: string,
  schema: S,
): { readonly data: z.output<S> } | { readonly error: ReturnType<typeof controlErrorJson> } {
  try {
    return { data: parseQuery(url, schema) };
  } catch (error) {
    if (!(error instanceof ControlRequestError)) throw error;
    return { error: controlErrorJson(error.message, error.param) };
  }
}
