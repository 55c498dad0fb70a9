/**
 * Builds a VideoClient over a FakeVideoProvider on a test clock, recording the client's events.
 * @module
 */
import { createTestClock, type TestClock } from '../../testing/test-clock.js';
import { VideoClient } from '../video-client.js';
import type { VideoClientEvent, VideoClientOptions } from '../video-client-options.js';
import { FakeVideoProvider, type FakeVideoProviderOptions } from './fake-video-provider.js';

/** What {@link setupClient} returns. */
export interface ClientSetup {
  clock: TestClock;
  provider: FakeVideoProvider;
  client: VideoClient;
  events: VideoClientEvent[];
  /** The events of one type. */
  eventsOf<T extends VideoClientEvent['type']>(type: T): Extract<VideoClientEvent, { type: T }>[];
}

/** A client over a fake provider, both on one test clock. `random` defaults to 0.5. */
export function setupClient(
  providerOptions: Omit<FakeVideoProviderOptions, 'clock'> = {},
  clientOptions: VideoClientOptions = {},
): ClientSetup {
  const clock = createTestClock();
  const provider = new FakeVideoProvider({ clock, ...providerOptions });
  const events: VideoClientEvent[] = [];
  const client = new VideoClient(provider, {
    clock,
    delay: clock.delay,
    random: () => 0.5,
    onEvent: (event) => events.push(event),
    ...clientOptions,
  });
  return {
    clock,
    provider,
    client,
    events,
    eventsOf: (type) => events.filter((event) => event.type === type) as never,
  };
}
