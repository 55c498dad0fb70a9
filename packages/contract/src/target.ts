/**
 * What a contract target is: where each dialect lives, how to authenticate, and what the target
 * can do (move its clock, inject faults, cost money).
 * @module
 */
import type { ContractDialect } from './contract-dialect.js';

/** A `fetch` as the kit uses it: one Request in, one Response out. */
export type ContractFetch = (request: Request) => Promise<Response>;

/** Where and how one dialect is reached on a target. */
export interface DialectEndpoint {
  /** Base URL the dialect's paths hang off, no trailing slash: `…/v1` (OpenAI) or `…/openai/v1` (Azure). */
  readonly baseUrl: string;
  /** Authentication headers, e.g. `{ authorization: 'Bearer sk-…' }` or `{ 'api-key': '…' }`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The `model` to send: a model id (OpenAI) or a deployment name (Azure). */
  readonly model: string;
}

/** What a target can do; scenarios are skipped when they need more. */
export interface TargetCapabilities {
  /** The target's clock can be moved forward instantly (`advance` does not wait for real). */
  readonly controlsClock: boolean;
  /** Faults (job failures, moderation words) can be injected through the emulator control API. */
  readonly canInjectFaults: boolean;
  /** A real, billed service. */
  readonly live: boolean;
  /** Cost guard: the most jobs one run may start on this target (`Infinity` for an emulator). */
  readonly maxJobs: number;
  /** How far `advance` moves between two status polls while waiting for a job, in ms. */
  readonly pollIntervalMs: number;
  /** How long a scenario waits for one job to settle before it fails, in target-clock ms. */
  readonly settleTimeoutMs: number;
}

/** A POST to the emulator control API (`/_emulator/...`), returning the parsed JSON answer. */
export type EmulatorControlCall = (path: string, body?: unknown, method?: string) => Promise<unknown>;

/** Options a runner passes when it asks a target for a dialect's endpoint. */
export interface EndpointRequest {
  /** A key unique to one scenario run: emulator targets derive a fresh credential from it, so quotas and lists never mix. */
  readonly isolationKey: string;
}

/** One system under test. */
export interface Target {
  /** Shown in reports, e.g. `inprocess`, `http://127.0.0.1:4000`, `openai (live)`. */
  readonly name: string;
  /** The dialects this target serves. */
  readonly dialects: readonly ContractDialect[];
  /** What the target can do. */
  readonly capabilities: TargetCapabilities;
  /** Sends one request (the emulator app's fetch, or the global fetch). */
  readonly fetch: ContractFetch;
  /** When set, the target is not usable and every scenario is skipped with this reason. */
  readonly skipReason?: string;
  /** Where a dialect is served and with which credential. */
  endpoint(dialect: ContractDialect, request: EndpointRequest): DialectEndpoint;
  /** Moves the target's time forward: the emulator's clock, or a real wait on a live service. */
  advance(ms: number): Promise<void>;
  /** The emulator control API, when the target is an emulator. */
  readonly control?: EmulatorControlCall;
  /** Called once before the first scenario (e.g. to check an emulator answers). Throws when the target is unusable. */
  prepare?(): Promise<void>;
  /** Releases what the target holds (servers it started). */
  close?(): Promise<void>;
}
