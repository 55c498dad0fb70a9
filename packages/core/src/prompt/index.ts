export { buildPrompt, type PromptParts } from './build-prompt.js';
export { countScripts, type ScriptName } from './detect-scripts.js';
export {
  DEFAULT_PROMPT_LIMITS,
  type LintPromptOptions,
  lintPrompt,
  type PromptWarning,
  type PromptWarningCode,
} from './lint-prompt.js';
export { PROMPT_ELEMENTS, type PromptElement } from './prompt-elements.js';
