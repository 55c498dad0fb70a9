/**
 * The dialect groups scenarios apply to.
 * @module
 */
import type { ContractDialect } from '../contract-dialect.js';

/** The two hosts of the OpenAI Videos API. */
export const SORA2_DIALECTS: readonly ContractDialect[] = ['sora2-openai', 'sora2-azure'];
/** Every dialect. */
export const ALL_DIALECTS: readonly ContractDialect[] = ['sora2-openai', 'sora2-azure', 'sora1-azure'];
/** Azure video generation jobs only. */
export const SORA1_DIALECTS: readonly ContractDialect[] = ['sora1-azure'];
