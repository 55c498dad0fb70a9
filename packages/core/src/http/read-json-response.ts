import { SoraKitError } from '../errors/sora-kit-error.js';
import type { BackendId } from '../types.js';

/**
 * The JSON body of a 2xx response.
 * @throws {SoraKitError} naming the backend and the start of the text when the body is not JSON.
 * @example
 * const video = await readJsonResponse(await http({ method: 'GET', path: '/videos/video_1' }), 'openai-sora2');
 */
export async function readJsonResponse(response: Response, backend: BackendId): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SoraKitError({
      message: `${backend} returned an unexpected response (not JSON: ${text.slice(0, 80)})`,
      cause: error,
    });
  }
}
