import { describe, expect, it } from 'vitest';
import { createScene, MediaOptionsError } from './scene.js';

const base = {
  width: 480,
  height: 854,
  seconds: 2,
  seed: 42,
  caption: 'a fox runs through snow',
  label: 'job_1',
};

describe('createScene', () => {
  it('returns I420 frames of the requested size, with odd sizes rounded up for chroma', () => {
    const frame = createScene({ ...base, width: 101, height: 51 }).frameAt(0);
    expect(frame.y.length).toBe(101 * 51);
    expect(frame.u.length).toBe(51 * 26);
    expect(frame.v.length).toBe(51 * 26);
  });

  it('is random-access and deterministic whatever was rendered before', () => {
    const a = createScene(base);
    a.frameAt(50);
    a.frameAt(3);
    const fromA = a.frameAt(17);
    const fromB = createScene(base).frameAt(17);
    expect(Buffer.from(fromA.y).equals(Buffer.from(fromB.y))).toBe(true);
    expect(Buffer.from(fromA.u).equals(Buffer.from(fromB.u))).toBe(true);
    expect(Buffer.from(fromA.v).equals(Buffer.from(fromB.v))).toBe(true);
  });

  it('changes over time and is not uniform', () => {
    const scene = createScene(base);
    expect(scene.frameCount).toBe(60);
    const first = scene.frameAt(0);
    const second = scene.frameAt(30);
    expect(Buffer.from(first.y).equals(Buffer.from(second.y))).toBe(false);
    expect(new Set(first.y).size).toBeGreaterThan(4);
  });

  it('differs between seeds and between captions', () => {
    const frame = (o: Partial<typeof base>) => Buffer.from(createScene({ ...base, ...o }).frameAt(5).y);
    expect(frame({}).equals(frame({ seed: 43 }))).toBe(false);
    expect(frame({}).equals(frame({ caption: 'a fox runs through sand' }))).toBe(false);
  });

  it('rejects invalid options with a typed error', () => {
    expect(() => createScene({ ...base, width: 0 })).toThrow(MediaOptionsError);
    expect(() => createScene({ ...base, seconds: Number.NaN })).toThrow(MediaOptionsError);
    expect(() => createScene({ ...base, fps: 2.5 })).toThrow(MediaOptionsError);
  });
});
