/**
 * One scenario per invalid create field: each is refused with 400 (404 for an unknown Azure
 * deployment) in the dialect's envelope, naming the field in `param`, and starts no job.
 * @module
 */
import { defineScenario, type Scenario } from '../scenario.js';
import type { ScenarioContext } from '../scenario-context.js';
import { solidPng, solidPngDataUrl } from '../solid-png.js';
import type { WireResponse } from '../wire-response.js';
import { ALL_DIALECTS, SORA1_DIALECTS, SORA2_DIALECTS } from './dialect-groups.js';

const rejected = { expectRejection: true } as const;

function sora2Create(ctx: ScenarioContext, fields: Record<string, unknown>): Promise<WireResponse<unknown>> {
  return ctx.sora2.create(
    { prompt: ctx.prompt('an invalid request'), ...ctx.sora2.smallest(), ...fields },
    rejected,
  );
}

function sora1Create(ctx: ScenarioContext, fields: Record<string, unknown>): Promise<WireResponse<unknown>> {
  return ctx.sora1.create(
    { prompt: ctx.prompt('an invalid request'), ...ctx.sora1.smallest(), ...fields },
    rejected,
  );
}

/** `prompt`: empty (Sora 2) or missing (Sora 1). */
export const invalidPrompt = defineScenario({
  name: 'invalid-field-prompt',
  description: "prompt '' (Sora 2) or missing (Sora 1) -> 400 param prompt",
  dialects: ALL_DIALECTS,
  jobs: 0,
  async run(ctx) {
    if (ctx.dialect === 'sora1-azure') {
      const { model, width, height } = ctx.sora1.smallest();
      ctx.expectError(await ctx.sora1.create({ model, width, height }, rejected), 400, { param: 'prompt' });
      return;
    }
    ctx.expectError(await sora2Create(ctx, { prompt: '' }), 400, { param: 'prompt' });
  },
});

/** Sora 2 `seconds` outside "4"/"8"/"12". */
export const invalidSeconds = defineScenario({
  name: 'invalid-field-seconds',
  description: "seconds '5' -> 400 param seconds",
  dialects: SORA2_DIALECTS,
  jobs: 0,
  async run(ctx) {
    ctx.expectError(await sora2Create(ctx, { seconds: '5' }), 400, { param: 'seconds' });
  },
});

/** Sora 2 `size` the model does not offer. */
export const invalidSize = defineScenario({
  name: 'invalid-field-size',
  description: "size '640x480' -> 400 param size",
  dialects: SORA2_DIALECTS,
  jobs: 0,
  async run(ctx) {
    ctx.expectError(await sora2Create(ctx, { size: '640x480' }), 400, { param: 'size' });
  },
});

/** Unknown model (OpenAI: 400 param model) or deployment (Azure: 404 DeploymentNotFound). */
export const invalidModel = defineScenario({
  name: 'invalid-field-model',
  description: 'unknown model -> 400 param model (OpenAI); unknown deployment -> 404 (Azure)',
  dialects: ALL_DIALECTS,
  jobs: 0,
  async run(ctx) {
    const model = `no-such-model-${ctx.token}`;
    if (ctx.dialect === 'sora2-openai') {
      ctx.expectError(await sora2Create(ctx, { model }), 400, { param: 'model' });
      return;
    }
    if (ctx.target.capabilities.controlsClock) {
      // An emulator serves any deployment name unless it was started with --deployments.
      const health = (await ctx.control('/health')) as { deployments?: string } | undefined;
      if (health?.deployments === 'lenient') {
        ctx.skip(
          "the emulator serves unknown deployment names (lenient mode); start it with --deployments for Azure's 404",
        );
      }
    }
    if (ctx.dialect === 'sora2-azure') ctx.expectError(await sora2Create(ctx, { model }), 404);
    else ctx.expectError(await sora1Create(ctx, { model }), 404);
  },
});

/** Sora 2 `input_reference` whose image size differs from `size`. */
export const invalidInputReference = defineScenario({
  name: 'invalid-field-input-reference',
  description: 'input_reference image of another size than size -> 400 (OpenAI: param input_reference)',
  dialects: SORA2_DIALECTS,
  jobs: 0,
  async run(ctx) {
    const response = await sora2Create(ctx, { input_reference: { image_url: solidPngDataUrl(64, 64) } });
    const error = ctx.expectError(response, 400);
    if (ctx.dialect === 'sora2-openai') {
      ctx.check(
        error.param?.startsWith('input_reference'),
        `param names input_reference, got ${JSON.stringify(error.param)}`,
      );
    }
  },
});

/** Sora 1 resolution outside the supported list. */
export const invalidResolution = defineScenario({
  name: 'invalid-field-resolution',
  description: 'width x height 1000x1000 -> 400 param width',
  dialects: SORA1_DIALECTS,
  jobs: 0,
  async run(ctx) {
    ctx.expectError(await sora1Create(ctx, { width: 1000, height: 1000 }), 400, { param: 'width' });
  },
});

/** Sora 1 `n_seconds` above 20. */
export const invalidNSeconds = defineScenario({
  name: 'invalid-field-n-seconds',
  description: 'n_seconds 21 -> 400 param n_seconds',
  dialects: SORA1_DIALECTS,
  jobs: 0,
  async run(ctx) {
    ctx.expectError(await sora1Create(ctx, { n_seconds: 21 }), 400, { param: 'n_seconds' });
  },
});

/** Sora 1 `n_variants` above the size's limit (ruling 4). */
export const invalidNVariants = defineScenario({
  name: 'invalid-field-n-variants',
  description: 'n_variants 5 at 480x480 -> 400 param n_variants',
  dialects: SORA1_DIALECTS,
  jobs: 0,
  async run(ctx) {
    ctx.expectError(await sora1Create(ctx, { n_variants: 5 }), 400, { param: 'n_variants' });
  },
});

/** Sora 1 inpaint crop bounds with left >= right. */
export const invalidCropBounds = defineScenario({
  name: 'invalid-field-crop-bounds',
  description: 'inpaint crop_bounds left 0.8 > right 0.2 -> 400 param inpaint_items',
  dialects: SORA1_DIALECTS,
  jobs: 0,
  async run(ctx) {
    const { model, width, height, n_seconds } = ctx.sora1.smallest();
    const items = [
      {
        frame_index: 0,
        type: 'image',
        file_name: 'first.png',
        crop_bounds: { left_fraction: 0.8, right_fraction: 0.2 },
      },
    ];
    const response = await ctx.sora1.createMultipart(
      {
        prompt: ctx.prompt('an invalid crop'),
        model,
        width: String(width),
        height: String(height),
        n_seconds: String(n_seconds),
        inpaint_items: items,
      },
      [{ name: 'first.png', type: 'image/png', bytes: solidPng(width, height) }],
      rejected,
    );
    ctx.expectError(response, 400, { param: 'inpaint_items' });
  },
});

/** Every invalid-field scenario. */
export const invalidFieldScenarios: readonly Scenario[] = [
  invalidPrompt,
  invalidSeconds,
  invalidSize,
  invalidModel,
  invalidInputReference,
  invalidResolution,
  invalidNSeconds,
  invalidNVariants,
  invalidCropBounds,
];
