import type { Capabilities } from '../capabilities/capabilities.js';
import { type CapabilityIssue, notAllowed } from './validation-context.js';

/** Prompt length in Unicode code points, checked against the model's limits. */
export function checkPrompt(prompt: string, capabilities: Capabilities): CapabilityIssue[] {
  const length = [...prompt].length;
  const { minLength, maxLength } = capabilities.prompt;
  if (length >= minLength && (maxLength === undefined || length <= maxLength)) return [];
  return [notAllowed(['prompt.length'], length, { min: minLength, max: maxLength }, capabilities)];
}
