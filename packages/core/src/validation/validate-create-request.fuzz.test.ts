import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveCapabilities } from '../capabilities/index.js';
import { UnsupportedCapabilityError, ValidationError } from '../errors/index.js';
import type { CreateVideoRequest } from '../types.js';
import { snapSeconds, snapSize, validateCreateRequest } from './index.js';

const backends = [
  resolveCapabilities('azure-sora1'),
  resolveCapabilities('openai-sora2'),
  resolveCapabilities('azure-sora2', 'sora-2-pro'),
];

const nearlyValid = fc.record(
  {
    prompt: fc.oneof(fc.string(), fc.constant(''), fc.integer()),
    size: fc.oneof(
      fc.constantFrom('1280x720', '720x1280', '1920x1080', '480x480', 'x', '0x0'),
      fc.anything(),
    ),
    seconds: fc.oneof(fc.integer({ min: -5, max: 30 }), fc.double(), fc.string()),
    variants: fc.oneof(fc.integer({ min: -1, max: 6 }), fc.anything()),
    inputs: fc.oneof(
      fc.array(
        fc.record(
          {
            kind: fc.constantFrom('image', 'video', 'audio'),
            source: fc.oneof(
              fc.constant(new Uint8Array([1])),
              fc.record({ path: fc.string() }),
              fc.anything(),
            ),
            mediaType: fc.oneof(fc.constantFrom('image/png', 'video/mp4', 'text/plain'), fc.anything()),
            frameIndex: fc.oneof(fc.integer({ min: -2, max: 700 }), fc.double()),
            crop: fc.record(
              { left: fc.double(), top: fc.double(), right: fc.double(), bottom: fc.double() },
              { requiredKeys: [] },
            ),
            seconds: fc.double(),
          },
          { requiredKeys: ['kind'] },
        ),
        { maxLength: 4 },
      ),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

describe('validateCreateRequest on arbitrary input', () => {
  it('either returns a normalized request that fits the table or throws one of our two errors', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyValid, fc.anything()), fc.constantFrom(...backends), (request, caps) => {
        try {
          const normalized = validateCreateRequest(request as CreateVideoRequest, caps);
          expect(caps.sizes).toContain(normalized.size);
          expect(snapSeconds(normalized.seconds, caps)).toBe(normalized.seconds);
          expect(snapSize(normalized.size, caps)).toBe(normalized.size);
        } catch (error) {
          expect(ValidationError.isInstance(error) || UnsupportedCapabilityError.isInstance(error)).toBe(
            true,
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  it('snap helpers always return an allowed value', () => {
    fc.assert(
      fc.property(
        fc.double(),
        fc.oneof(fc.string(), fc.record({ width: fc.integer(), height: fc.integer() })),
        fc.constantFrom(...backends),
        (seconds, size, caps) => {
          const snapped = snapSeconds(seconds, caps);
          expect(
            validateCreateRequest(
              { prompt: 'p', seconds: snapped, size: snapSize(size as string, caps) },
              caps,
            ).seconds,
          ).toBe(snapped);
        },
      ),
      { numRuns: 300 },
    );
  });
});
