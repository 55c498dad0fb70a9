/**
 * The three wire dialects a contract scenario can speak.
 * @module
 */

/** Every dialect, in the order reports list them. */
export const CONTRACT_DIALECTS = ['sora2-openai', 'sora2-azure', 'sora1-azure'] as const;

/**
 * A wire dialect: `sora2-openai` (OpenAI `/v1/videos`), `sora2-azure` (Azure `/openai/v1/videos`,
 * `model` = deployment) or `sora1-azure` (Azure `/openai/v1/video/generations/jobs`).
 */
export type ContractDialect = (typeof CONTRACT_DIALECTS)[number];

/** Whether a string names a dialect. */
export function isContractDialect(value: string): value is ContractDialect {
  return (CONTRACT_DIALECTS as readonly string[]).includes(value);
}
