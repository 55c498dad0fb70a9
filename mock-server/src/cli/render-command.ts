import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { renderSpritesheet } from '../media/render-spritesheet.js';
import { renderThumbnail } from '../media/render-thumbnail.js';
import { renderVideoStream } from '../media/render-video.js';
import { MediaOptionsError, type SceneOptions } from '../media/scene.js';
import { parseArgsMessage } from './parse-args-message.js';

/** Where the command writes its messages. */
export interface CommandIo {
  /** Normal output. */
  stdout: { write(text: string): unknown };
  /** Errors and usage. */
  stderr: { write(text: string): unknown };
}

/** Usage text of `sora-emulator render`. */
export const RENDER_USAGE = `Usage: sora-emulator render [options]

Writes a sample of the emulator's media (deterministic: same options, same bytes).

  --width N          frame width in pixels, even (default 1280)
  --height N         frame height in pixels, even (default 720)
  --seconds N        duration (default 4)
  --fps N            frame rate (default 30)
  --audio            add a silent AAC-LC track (Sora 2 outputs have audio)
  --seed S           seed of colours and motion (default "sample")
  --caption TEXT     caption drawn on the picture (default "sora-kit emulator sample")
  --label TEXT       second line, e.g. a job id
  --out FILE         write the MP4 here
  --thumbnail FILE   write the first frame as .webp or .jpg
  --spritesheet FILE write a 5x5 spritesheet of sampled frames as .jpg
  -h, --help         show this help

Example: npx sora-emulator render --width 1920 --height 1080 --seconds 20 --audio --out sample.mp4
`;

class UsageError extends Error {}

function toNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed))
    throw new UsageError(`--${name} must be a number, got "${value}"`);
  return parsed;
}

function imageFormat(file: string): 'webp' | 'jpeg' {
  if (/\.webp$/i.test(file)) return 'webp';
  if (/\.jpe?g$/i.test(file)) return 'jpeg';
  throw new UsageError(`cannot tell the image format of "${file}": use .webp, .jpg or .jpeg`);
}

/**
 * Runs `sora-emulator render` with the arguments after the command name; resolves to the exit
 * code (0 done, 1 failed, 2 bad usage).
 * @example
 * const code = await runRenderCommand(['--width', '1920', '--height', '1080', '--seconds', '20', '--audio', '--out', 'sample.mp4']);
 */
export async function runRenderCommand(argv: string[], io: CommandIo = process): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        width: { type: 'string' },
        height: { type: 'string' },
        seconds: { type: 'string' },
        fps: { type: 'string' },
        audio: { type: 'boolean', default: false },
        seed: { type: 'string', default: 'sample' },
        caption: { type: 'string', default: 'sora-kit emulator sample' },
        label: { type: 'string' },
        out: { type: 'string' },
        thumbnail: { type: 'string' },
        spritesheet: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      io.stdout.write(RENDER_USAGE);
      return 0;
    }
    if (!values.out && !values.thumbnail && !values.spritesheet)
      throw new UsageError('nothing to write: give --out, --thumbnail or --spritesheet');
    const scene: SceneOptions = {
      width: toNumber('width', values.width, 1280),
      height: toNumber('height', values.height, 720),
      seconds: toNumber('seconds', values.seconds, 4),
      fps: toNumber('fps', values.fps, 30),
      seed: values.seed,
      caption: values.caption,
      ...(values.label === undefined ? {} : { label: values.label }),
    };
    const thumbnailFormat = values.thumbnail ? imageFormat(values.thumbnail) : undefined;
    if (values.spritesheet && imageFormat(values.spritesheet) !== 'jpeg')
      throw new UsageError('--spritesheet is written as JPEG: use a .jpg or .jpeg file name');
    if (values.out) {
      const stream = renderVideoStream({ ...scene, audio: values.audio });
      let bytes = 0;
      const counter = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          bytes += chunk.length;
          controller.enqueue(chunk);
        },
      });
      await stream.pipeThrough(counter).pipeTo(Writable.toWeb(createWriteStream(values.out)));
      io.stdout.write(
        `wrote ${values.out}: ${bytes} bytes, ${scene.width}x${scene.height}, ${scene.seconds} s, h264${values.audio ? ' + aac' : ''}\n`,
      );
    }
    if (values.thumbnail) {
      const image = await renderThumbnail({ ...scene, format: thumbnailFormat ?? 'webp' });
      await writeFile(values.thumbnail, image);
      io.stdout.write(`wrote ${values.thumbnail}: ${image.length} bytes\n`);
    }
    if (values.spritesheet) {
      const image = await renderSpritesheet(scene);
      await writeFile(values.spritesheet, image);
      io.stdout.write(`wrote ${values.spritesheet}: ${image.length} bytes\n`);
    }
    return 0;
  } catch (error) {
    const usage =
      error instanceof UsageError ||
      error instanceof MediaOptionsError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr.write(`sora-emulator render: ${parseArgsMessage(error)}\n`);
    if (usage) io.stderr.write('Run "sora-emulator render --help" for usage.\n');
    return usage ? 2 : 1;
  }
}
