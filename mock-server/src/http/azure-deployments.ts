/**
 * Azure deployment names. Users name deployments freely (`my-sora-model`, `video-prod`), so by
 * default (lenient mode) a name the emulator does not know is served by the base model of the
 * route it came to (`sora` for video generation jobs, `sora-2` for videos) and logged once. With
 * a configured list (`--deployments NAME=MODEL,...`, the `deployments` option) the emulator is
 * strict: only those names exist, as on a real resource, and any other gets Azure's 404.
 * @module
 */

import type { JobKind } from '../engine/job-record.js';

/** `lenient`: unknown names are served by the route's base model. `strict`: they are not found. */
export type DeploymentMode = 'lenient' | 'strict';

/** The base model of each route family in lenient mode. */
export const ROUTE_BASE_MODELS: Readonly<Record<JobKind, string>> = Object.freeze({
  sora1: 'sora',
  sora2: 'sora-2',
});

/** Options of {@link createDeploymentResolver}. */
export interface DeploymentResolverOptions {
  /** Known deployments: name -> base model. */
  readonly deployments: Readonly<Record<string, string>>;
  /** How unknown names are treated. */
  readonly mode: DeploymentMode;
  /** Where the one line per unknown name goes (lenient mode). */
  readonly log?: (message: string) => void;
}

/** Resolves a deployment name for a route family: its base model, or undefined (not found). */
export type DeploymentResolver = (deployment: string, kind: JobKind) => string | undefined;

/**
 * Creates the resolver.
 * @example
 * const resolve = createDeploymentResolver({ deployments: { sora: 'sora' }, mode: 'lenient' });
 * resolve('video-prod', 'sora2'); // 'sora-2'
 */
export function createDeploymentResolver(options: DeploymentResolverOptions): DeploymentResolver {
  const { deployments, mode } = options;
  const announced = new Set<string>();
  return (deployment, kind) => {
    if (Object.hasOwn(deployments, deployment)) return deployments[deployment];
    if (mode === 'strict') return undefined;
    const base = ROUTE_BASE_MODELS[kind];
    const key = `${kind}:${deployment}`;
    if (!announced.has(key)) {
      announced.add(key);
      options.log?.(
        `Azure deployment '${deployment}' is not configured; serving it with '${base}' (give --deployments NAME=MODEL,... for Azure's 404 on unknown names)`,
      );
    }
    return base;
  };
}
