import {
  AAC_FRAME_SAMPLES,
  AAC_SAMPLE_RATE,
  aacAudioSpecificConfig,
  aacFrameCount,
  aacSilentFrame,
} from './aac-silence.js';
import { concatBytes } from './concat-bytes.js';
import { createH264Encoder, type EncodedFrame, h264AvcC } from './h264-encoder.js';
import { type FragmentedPlan, mp4Fragment, mp4InitSegment } from './mp4-fragments.js';
import {
  createCanvasFor,
  frameCountOf,
  MediaOptionsError,
  resolveSceneOptions,
  type SceneOptions,
} from './scene.js';

/** Options of {@link renderVideo}: the scene plus whether to add an AAC audio track. */
export type RenderVideoOptions = SceneOptions & {
  /** Add an AAC-LC audio track (silence) of the same duration (Sora 2 outputs have audio). */
  audio: boolean;
};

/** One pass over the encoded frames; each yielded view is only valid until the next step. */
function* encodeFrames(options: ReturnType<typeof resolveSceneOptions>): Generator<EncodedFrame> {
  const frameCount = frameCountOf(options.seconds, options.fps);
  const canvas = createCanvasFor(options);
  const encoder = createH264Encoder({ width: options.width, height: options.height, fps: options.fps });
  yield encoder.encode(canvas.planes);
  for (let i = 1; i < frameCount; i++) yield encoder.encode(canvas.planes, canvas.seek(i));
}

/** Applies scene defaults and checks what the encoder needs on top (even dimensions). */
function validateVideoOptions(input: RenderVideoOptions): ReturnType<typeof resolveSceneOptions> {
  const options = resolveSceneOptions(input);
  for (const name of ['width', 'height'] as const)
    if (options[name] % 2 !== 0)
      throw new MediaOptionsError(name, `${name} must be even for 4:2:0 video, got ${options[name]}`);
  return options;
}

/**
 * Renders the scene as a fragmented MP4 (see {@link renderVideoFragments}): H.264 Constrained
 * Baseline video at exactly width x height and `fps` (default 30), plus a silent AAC-LC track
 * when `audio` is set. Same options, same bytes, one encoding pass.
 * @example
 * const mp4 = await renderVideo({ width: 1280, height: 720, seconds: 4, audio: true, seed: 'video_1', caption: 'a red balloon' });
 */
export async function renderVideo(options: RenderVideoOptions): Promise<Uint8Array> {
  return concatBytes([...renderVideoFragments(options)]);
}

/**
 * The same bytes as {@link renderVideo} as a web stream, produced on demand: the init segment,
 * then one fragment (one second of video and its audio) per pull, so a reader gets its first
 * bytes after one second of frames is encoded and memory stays at about one fragment whatever
 * the duration. Invalid options throw {@link MediaOptionsError} here, before the stream exists.
 * @example
 * await renderVideoStream(options).pipeTo(Writable.toWeb(createWriteStream('sample.mp4')));
 */
export function renderVideoStream(options: RenderVideoOptions): ReadableStream<Uint8Array> {
  validateVideoOptions(options);
  let parts: Generator<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        parts ??= renderVideoFragments(options);
        const next = parts.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * The scene as a fragmented MP4, produced as it encodes: the init segment, then one
 * `moof` + `mdat` per second of video (with that second's AAC frames). Each yielded buffer is
 * new (safe to transfer); their concatenation is a complete, deterministic file.
 */
export function* renderVideoFragments(input: RenderVideoOptions): Generator<Uint8Array> {
  const options = validateVideoOptions(input);
  const { fps } = options;
  const frameCount = frameCountOf(options.seconds, fps);
  const audioFrames = input.audio ? aacFrameCount(options.seconds) : 0;
  const plan: FragmentedPlan = {
    video: {
      timescale: fps * 512,
      sampleDelta: 512,
      sampleCount: frameCount,
      width: options.width,
      height: options.height,
      avcC: h264AvcC({ width: options.width, height: options.height, fps }),
    },
    ...(input.audio
      ? {
          audio: {
            timescale: AAC_SAMPLE_RATE,
            sampleDelta: AAC_FRAME_SAMPLES,
            sampleCount: audioFrames,
            channels: 1,
            sampleRate: AAC_SAMPLE_RATE,
            audioSpecificConfig: aacAudioSpecificConfig,
          },
        }
      : {}),
  };
  yield mp4InitSegment(plan);
  const frames = encodeFrames(options);
  for (let start = 0, sequence = 1; start < frameCount; start += fps, sequence++) {
    const samples: Uint8Array[] = [];
    const keyframes: boolean[] = [];
    for (let k = start; k < Math.min(start + fps, frameCount); k++) {
      const frame = frames.next().value as EncodedFrame;
      samples.push(frame.data.slice());
      keyframes.push(frame.keyframe);
    }
    const i = start / fps;
    const last = start + fps >= frameCount;
    const first = Math.min(audioFrames, Math.ceil((i * AAC_SAMPLE_RATE) / AAC_FRAME_SAMPLES));
    const end = last
      ? audioFrames
      : Math.min(audioFrames, Math.ceil(((i + 1) * AAC_SAMPLE_RATE) / AAC_FRAME_SAMPLES));
    const audio = input.audio
      ? { first, samples: new Array<Uint8Array>(Math.max(0, end - first)).fill(aacSilentFrame) }
      : undefined;
    yield mp4Fragment(plan, sequence, { first: start, samples, keyframes }, audio);
  }
}
