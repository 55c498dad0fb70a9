/**
 * How the emulator shows a credential: as OpenAI's "Incorrect API key" message does, the first
 * six characters and then stars (at most 20).
 * @module
 */

/**
 * Masks `credential`.
 * @example
 * maskCredential('sk-test-1234567890'); // 'sk-tes************'
 */
export function maskCredential(credential: string): string {
  return `${credential.slice(0, 6)}${'*'.repeat(Math.max(0, Math.min(credential.length - 6, 20)))}`;
}
