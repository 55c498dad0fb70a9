import {
  AAC_FRAME_SAMPLES,
  AAC_SAMPLE_RATE,
  aacAudioSpecificConfig,
  aacFrameCount,
  aacSilentFrame,
} from './aac-silence.js';
import { createH264Encoder, type EncodedFrame, h264AvcC } from './h264-encoder.js';
import { buildMp4Header, type Mp4Plan } from './mp4-header.js';
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

/** An MP4's layout once every sample size is known: header, size and the payload's order. */
interface VideoLayout {
  size: number;
  header: Uint8Array;
  /** The mdat payload in file order, taking each video sample from `nextFrame`. */
  payload(nextFrame: (index: number) => Uint8Array): Generator<Uint8Array>;
}

/** Builds ftyp + moov from the video sample sizes and sync samples (audio sizes are fixed). */
function layoutVideo(
  options: ReturnType<typeof resolveSceneOptions>,
  audio: boolean,
  sizes: Uint32Array,
  sync: number[],
): VideoLayout {
  const { fps } = options;
  const frameCount = sizes.length;
  const videoChunks: number[] = [];
  for (let start = 0; start < frameCount; start += fps) videoChunks.push(Math.min(fps, frameCount - start));
  const audioFrames = audio ? aacFrameCount(options.seconds) : 0;
  // Audio chunk i holds the frames that start within second i, next to video chunk i.
  const audioChunks = videoChunks.map((_, i) => {
    const first = Math.ceil((i * AAC_SAMPLE_RATE) / AAC_FRAME_SAMPLES);
    const last =
      i === videoChunks.length - 1 ? audioFrames : Math.ceil(((i + 1) * AAC_SAMPLE_RATE) / AAC_FRAME_SAMPLES);
    return Math.max(0, Math.min(last, audioFrames) - Math.min(first, audioFrames));
  });
  const order: Mp4Plan['order'] = [];
  const audioChunkIndex: number[] = [];
  videoChunks.forEach((_, i) => {
    order.push([0, i]);
    if ((audioChunks[i] ?? 0) > 0) {
      audioChunkIndex.push(audioChunks[i] as number);
      order.push([1, audioChunkIndex.length - 1]);
    }
  });
  const plan: Mp4Plan = {
    video: {
      timescale: fps * 512,
      sampleDelta: 512,
      chunks: videoChunks,
      sampleSizes: sizes,
      syncSamples: sync,
      width: options.width,
      height: options.height,
      avcC: h264AvcC({ width: options.width, height: options.height, fps }),
    },
    ...(audio
      ? {
          audio: {
            timescale: AAC_SAMPLE_RATE,
            sampleDelta: AAC_FRAME_SAMPLES,
            chunks: audioChunkIndex,
            sampleSizes: new Uint32Array(audioFrames).fill(aacSilentFrame.length),
            channels: 1,
            sampleRate: AAC_SAMPLE_RATE,
            audioSpecificConfig: aacAudioSpecificConfig,
          },
        }
      : {}),
    order,
  };
  const { header, payloadSize } = buildMp4Header(plan);
  return {
    size: header.length + payloadSize,
    header,
    *payload(nextFrame) {
      let index = 0;
      for (const [track, chunk] of order) {
        if (track === 1) {
          for (let k = 0; k < (audioChunkIndex[chunk] ?? 0); k++) yield aacSilentFrame;
          continue;
        }
        for (let k = 0; k < (videoChunks[chunk] ?? 0); k++) yield nextFrame(index++);
      }
    },
  };
}

/** Encodes every frame once: the sample sizes, the sync samples and (when `keep`) copies of the samples. */
function encodeAll(
  options: ReturnType<typeof resolveSceneOptions>,
  keep: boolean,
): { sizes: Uint32Array; sync: number[]; samples: Uint8Array[] } {
  const sizes = new Uint32Array(frameCountOf(options.seconds, options.fps));
  const sync: number[] = [];
  const samples: Uint8Array[] = [];
  let n = 0;
  for (const frame of encodeFrames(options)) {
    if (frame.keyframe) sync.push(n + 1);
    sizes[n++] = frame.data.length;
    if (keep) samples.push(frame.data.slice());
  }
  return { sizes, sync, samples };
}

/** A planned MP4: its exact size, its header, and a generator of the mdat payload in file order. */
interface PlannedVideo {
  size: number;
  header: Uint8Array;
  payload(): Generator<Uint8Array>;
}

/**
 * Encodes once to learn every sample size (nothing is kept but the sizes), builds ftyp + moov,
 * and returns a generator that encodes again and yields the payload. Output is deterministic, so
 * the second pass reproduces the sizes exactly; this keeps memory at one frame, not one file.
 */
function planVideo(input: RenderVideoOptions): PlannedVideo {
  const options = validateVideoOptions(input);
  const { sizes, sync } = encodeAll(options, false);
  const layout = layoutVideo(options, input.audio, sizes, sync);
  return {
    size: layout.size,
    header: layout.header,
    *payload() {
      const frames = encodeFrames(options);
      yield* layout.payload((index) => {
        const frame = frames.next();
        if (frame.done || frame.value.data.length !== sizes[index])
          throw new Error('internal: second encoding pass differs from the first');
        return frame.value.data;
      });
    },
  };
}

/**
 * Renders the scene as a fast-start MP4: H.264 Constrained Baseline video at exactly
 * width x height and `fps` (default 30), plus a silent AAC-LC track when `audio` is set.
 * Same options, same bytes. One encoding pass: the samples are kept (they are the file's
 * payload, which is allocated anyway) until the header that lists their sizes is built.
 * @example
 * const mp4 = await renderVideo({ width: 1280, height: 720, seconds: 4, audio: true, seed: 'video_1', caption: 'a red balloon' });
 */
export async function renderVideo(options: RenderVideoOptions): Promise<Uint8Array> {
  const resolved = validateVideoOptions(options);
  const { sizes, sync, samples } = encodeAll(resolved, true);
  const layout = layoutVideo(resolved, options.audio, sizes, sync);
  const out = new Uint8Array(layout.size);
  out.set(layout.header, 0);
  let offset = layout.header.length;
  for (const piece of layout.payload((index) => samples[index] as Uint8Array)) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}

/**
 * The same bytes as {@link renderVideo} as a web stream of ~1 MiB chunks, produced on demand:
 * memory stays at about one chunk plus one frame whatever the duration. Invalid options throw
 * {@link MediaOptionsError} here, before the stream exists.
 * @example
 * await renderVideoStream(options).pipeTo(Writable.toWeb(createWriteStream('sample.mp4')));
 */
export function renderVideoStream(
  options: RenderVideoOptions,
  chunkSize = 1 << 20,
): ReadableStream<Uint8Array> {
  validateVideoOptions(options);
  let planned: PlannedVideo | undefined;
  let pieces: Generator<Uint8Array> | undefined;
  let carry: Uint8Array | undefined;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!planned) {
          planned = planVideo(options);
          pieces = planned.payload();
          controller.enqueue(planned.header);
          return;
        }
        const chunk = new Uint8Array(chunkSize);
        let used = 0;
        while (used < chunkSize) {
          const piece = carry ?? pieces?.next().value;
          carry = undefined;
          if (!piece) break;
          const take = Math.min(piece.length, chunkSize - used);
          chunk.set(piece.subarray(0, take), used);
          used += take;
          // Views from the encoder are reused on the next step, so keep a copy of the rest.
          if (take < piece.length) carry = piece.slice(take);
        }
        if (used > 0) controller.enqueue(used === chunkSize ? chunk : chunk.slice(0, used));
        if (used < chunkSize) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}
