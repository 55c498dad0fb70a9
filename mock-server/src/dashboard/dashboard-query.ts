/**
 * Query parameters of the dashboard's read routes, read with the control API's query rules
 * (control-query.ts): a bad value is a 400 naming the parameter, its value and what is allowed.
 * @module
 */

import { z } from 'zod';
import { enumParam, integerParam, partitionParam } from '../control/control-schemas.js';
import { JOB_PHASES } from '../engine/job-phase.js';

/** Every dialect a job row can show. */
export const DASHBOARD_DIALECTS = ['openai-sora2', 'azure-sora2', 'azure-sora1'] as const;

/** Every status a job row can have: the engine's phases, then `gone` (deleted or expired). */
export const DASHBOARD_STATUSES: readonly string[] = [...JOB_PHASES, 'gone'];

/** `GET /_emulator/dashboard/state`: filters and page (a `limit` over 500 gets 500 rows). */
export const dashboardStateQuery = z.object({
  offset: integerParam(0, Number.MAX_SAFE_INTEGER).optional(),
  limit: integerParam(1, Number.MAX_SAFE_INTEGER).optional(),
  dialect: enumParam(DASHBOARD_DIALECTS).optional(),
  status: enumParam(DASHBOARD_STATUSES).optional(),
  partition: partitionParam.optional(),
});

/** `GET /_emulator/dashboard/content/:id`: which output. */
export const dashboardContentQuery = z.object({
  variant: enumParam(['video', 'thumbnail', 'spritesheet']).default('video'),
  generation: z.string().min(1, 'is empty; give a generation id of the job').optional(),
});
