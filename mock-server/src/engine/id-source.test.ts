import { describe, expect, it } from 'vitest';
import { createIdSource } from './id-source.js';

const AT = Date.UTC(2026, 0, 1, 12, 30);

describe('createIdSource', () => {
  it('produces the documented formats', () => {
    const ids = createIdSource({ seed: 7 });
    expect(ids.videoId()).toMatch(/^video_[0-9a-f]{32}$/);
    expect(ids.taskId()).toMatch(/^task_[0-9a-hjkmnp-tv-z]{26}$/);
    expect(ids.generationId()).toMatch(/^gen_[0-9a-hjkmnp-tv-z]{26}$/);
    expect(ids.requestId()).toMatch(/^req_[0-9a-f]{32}$/);
    expect(ids.eventId()).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(ids.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('embeds the time like the real services when given one', () => {
    const ids = createIdSource({ seed: 7 });
    const video = ids.videoId(AT);
    expect(video).toMatch(/^video_[0-9a-f]{32}$/);
    expect(Number.parseInt(video.slice(6, 14), 16)).toBe(Math.floor(AT / 1000));
    const task = ids.taskId(AT);
    expect(task).toMatch(/^task_[0-9a-hjkmnp-tv-z]{26}$/);
    const crockford = '0123456789abcdefghjkmnpqrstvwxyz';
    const decoded = [...task.slice(5, 15)].reduce((ms, ch) => ms * 32 + crockford.indexOf(ch), 0);
    expect(decoded).toBe(AT);
    expect(ids.generationId(AT).slice(4, 14)).toBe(task.slice(5, 15));
  });

  it('is deterministic per seed and differs across seeds', () => {
    const draw = (seed: string | number) => {
      const ids = createIdSource({ seed });
      return [
        ids.videoId(AT),
        ids.taskId(AT),
        ids.generationId(),
        ids.requestId(),
        ids.uuid(),
        ids.videoId(),
      ];
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw(1)).toEqual(draw('1'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('keeps one stream per family, so request ids never shift video ids', () => {
    const quiet = createIdSource({ seed: 's' });
    const chatty = createIdSource({ seed: 's' });
    const first = quiet.videoId();
    chatty.requestId();
    chatty.requestId();
    chatty.uuid();
    expect(chatty.videoId()).toBe(first);
  });

  it('restarts from the seed on reset and does not repeat within a run', () => {
    const ids = createIdSource({ seed: 's' });
    const seen = new Set(Array.from({ length: 2000 }, () => ids.videoId()));
    expect(seen.size).toBe(2000);
    ids.reset();
    expect(createIdSource({ seed: 's' }).videoId()).toBe(ids.videoId());
    expect(ids.seed).toBe('s');
  });
});

describe('id stream positions', () => {
  it('resume where they were, so ids never repeat across a restart', () => {
    const before = createIdSource({ seed: 's' });
    const seen = [before.videoId(AT), before.taskId(AT), before.videoId(AT), before.requestId()];
    const saved = JSON.parse(JSON.stringify(before.positions()));
    const nextVideo = before.videoId(AT);
    const nextTask = before.taskId(AT);
    const after = createIdSource({ seed: 's' });
    after.resume(saved);
    expect(after.videoId(AT)).toBe(nextVideo);
    expect(after.taskId(AT)).toBe(nextTask);
    expect(seen).not.toContain(nextVideo);
    const fresh = createIdSource({ seed: 's' });
    expect(fresh.videoId(AT)).toBe(seen[0]);
  });
});
