import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { type MediaRenderJob, renderMediaJob } from './render-media.js';
import { createRenderPool, defaultRenderPoolSize } from './render-pool.js';
import { lowerThreadPriority, RENDER_THREAD_NICE } from './thread-priority.js';

const video: MediaRenderJob = {
  variant: 'video',
  width: 320,
  height: 180,
  seconds: 2,
  audio: true,
  seed: 'video_pool',
  caption: 'a red balloon',
  label: 'video_pool',
};

describe('render pool', () => {
  it('posts a video fragment by fragment as it is encoded; the parts make the whole file', async () => {
    const pool = createRenderPool({ size: 1 });
    const parts: Uint8Array[] = [];
    const mp4 = await pool.render(video, (part) => parts.push(part));
    await pool.close();
    // The init segment, then one moof + mdat per second of the 2 s video.
    const types = parts.map((part) => Buffer.from(part.subarray(4, 8)).toString('latin1'));
    expect(types).toEqual(['ftyp', 'moof', 'moof']);
    expect(Buffer.concat(parts).equals(Buffer.from(mp4))).toBe(true);
    expect(mp4).toEqual(await renderMediaJob(video));
  });

  it('renders on worker threads the same bytes as in-thread, while the event loop keeps turning', async () => {
    const pool = createRenderPool({ size: 2 });
    expect(pool.size).toBe(2);
    let turns = 0;
    let done = false;
    const spin = (): void => {
      if (done) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const [mp4, webp, sheet] = await Promise.all([
      pool.render(video),
      pool.render({ ...video, variant: 'thumbnail' }),
      pool.render({ ...video, variant: 'spritesheet' }),
    ]);
    done = true;
    expect(pool.broken).toBe(false);
    // The renders ran elsewhere: this thread kept running its own callbacks meanwhile.
    expect(turns).toBeGreaterThan(3);
    expect(mp4).toEqual(await renderMediaJob(video));
    expect(webp).toEqual(await renderMediaJob({ ...video, variant: 'thumbnail' }));
    expect(sheet).toEqual(await renderMediaJob({ ...video, variant: 'spritesheet' }));
    await pool.close();
  });

  it('reports a render error as an error, keeps working, and renders in-thread after close', async () => {
    const pool = createRenderPool({ size: 1 });
    await expect(pool.render({ ...video, width: 0 })).rejects.toMatchObject({ name: 'MediaOptionsError' });
    expect((await pool.render({ ...video, variant: 'thumbnail' })).byteLength).toBeGreaterThan(0);
    await pool.close();
    expect(await pool.render({ ...video, variant: 'thumbnail', seed: 'after' })).toEqual(
      await renderMediaJob({ ...video, variant: 'thumbnail', seed: 'after' }),
    );
    expect(defaultRenderPoolSize()).toBeGreaterThanOrEqual(1);
  });
});

describe('render worker priority', () => {
  /** Nice values of this process's threads, from /proc (Linux). */
  const threadNices = (): number[] =>
    readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name (in parentheses): state is field 3, nice field 19.
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    });

  it('runs renders on a thread below the event loop, leaving the process priority alone', async () => {
    const pool = createRenderPool({ size: 1 });
    const processNice = getPriority();
    const workerNice = Math.max(processNice, RENDER_THREAD_NICE);
    const before = threadNices().filter((nice) => nice === workerNice).length;
    await pool.render({ ...video, variant: 'thumbnail' });
    expect(threadNices().filter((nice) => nice === workerNice).length).toBe(before + 1);
    expect(getPriority()).toBe(processNice);
    // On the main thread it refuses to renice anything (that would renice the process).
    expect(lowerThreadPriority(RENDER_THREAD_NICE)).toBeUndefined();
    expect(getPriority()).toBe(processNice);
    await pool.close();
  });
});
