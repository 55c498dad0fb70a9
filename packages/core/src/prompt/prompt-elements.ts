/**
 * The elements of a video prompt (after the Azure OpenAI video generation guidance: shot type,
 * subject, action, setting, lighting, camera motion) and the English cues that show each one.
 * @module
 */

/** One element a well-formed video prompt describes. */
export type PromptElement = 'shot' | 'subject' | 'action' | 'setting' | 'lighting' | 'camera';

/** Every element, in the order `buildPrompt` writes them. */
export const PROMPT_ELEMENTS: readonly PromptElement[] = [
  'shot',
  'subject',
  'action',
  'setting',
  'lighting',
  'camera',
];

/** What each element asks for, in the words of a warning. */
export const ELEMENT_HINTS: Readonly<Record<PromptElement, string>> = {
  shot: 'the shot type (e.g. "wide shot", "close-up", "aerial shot")',
  subject: 'the subject (who or what the video is about)',
  action: 'the action (what the subject does, e.g. "walks", "is turning")',
  setting: 'the setting (where and when, e.g. "in a snowy birch forest at dawn")',
  lighting: 'the lighting (e.g. "soft golden backlight", "neon glow")',
  camera: 'the camera motion (e.g. "slow dolly left", "static camera", "handheld tracking")',
};

/** A whole-word, case-insensitive pattern of `|`-separated cues. */
const cues = (list: string): RegExp => new RegExp(`\\b(${list})\\b`, 'iu');

/** Word cues per element (matched whole-word, case-insensitive). `subject` is judged by length. */
export const ELEMENT_CUES: Readonly<Record<Exclude<PromptElement, 'subject'>, RegExp>> = {
  shot: cues(
    "shot|shots|close-up|closeup|close up|extreme close|wide|medium|establishing|aerial|overhead|bird's-eye|birds-eye|top-down|macro|pov|point of view|over-the-shoulder|two-shot|full-body|full body|long shot|low angle|low-angle|high angle|high-angle|dutch angle|framing|framed|portrait shot|cinematic shot",
  ),
  action: cues(
    'walks?|walking|runs?|running|flies|fly|flying|moves?|moving|dances?|dancing|jumps?|jumping|turns?|turning|falls?|falling|rises?|rising|swims?|swimming|drives?|driving|rides?|riding|sits?|sitting|stands?|standing|looks?|looking|smiles?|smiling|pours?|pouring|spins?|spinning|drifts?|drifting|floats?|floating|climbs?|climbing|opens?|opening|plays?|playing|cooks?|cooking|eats?|eating|sleeps?|sleeping|waves?|waving|trots?|trotting|glides?|gliding|crashes|crashing|blooms?|blooming|melts?|melting|grows?|growing|explodes?|exploding|races?|racing|chases?|chasing|reads?|reading|writes?|writing|sings?|singing|talks?|talking|laughs?|laughing|cries|crying|paints?|painting|lands?|landing|sways?|swaying|rolls?|rolling|flows?|flowing|burns?|burning|hovers?|hovering|circles?|circling|leaps?|leaping|crawls?|crawling|wanders?|wandering|strolls?|strolling|emerges?|emerging|reaches?|reaching|holds?|holding|lifts?|lifting|throws?|throwing|catches?|catching|pulls?|pulling|pushes?|pushing|breaks?|breaking|shakes?|shaking',
  ),
  setting: cues(
    'in a|in an|in the|at a|at an|at the|on a|on an|on the|inside|outside|under the|beneath|above the|across the|through the|along the|over the|by the|near the|street|forest|room|city|beach|kitchen|desert|ocean|sea|lake|river|mountains?|field|park|studio|office|space|sky|garden|village|town|harbor|harbour|station|road|highway|stage|cafe|market|jungle|island|valley|canyon|meadow|snow|underwater|rooftop|alley|library|classroom|warehouse|factory',
  ),
  lighting: cues(
    'light|lights|lighting|lit|backlit|backlight|sunlight|sunlit|moonlight|moonlit|candlelight|lamplight|daylight|twilight|sunset|sunrise|dawn|dusk|golden hour|blue hour|neon|glow|glowing|shadows?|silhouette|silhouetted|overcast|noon|midday|night|nighttime|rim light|key light|soft box|softbox|high-key|low-key|chiaroscuro|spotlight|fluorescent|tungsten|volumetric|haze|hazy|bright|dim|dark',
  ),
  camera: cues(
    'camera|pan|pans|panning|tilt|tilts|tilting|dolly|dollies|tracking|tracks|track|zoom|zooms|zooming|handheld|hand-held|static|locked-off|crane|orbit|orbits|orbiting|push in|push-in|pushes in|pull back|pull-back|pulls back|steadicam|gimbal|drone|whip pan|truck|trucking|arc shot|follows|following shot|lens|rack focus|\\d+ ?mm',
  ),
};

/** Words ending in -ing that are not actions (nouns, times of day). */
export const NOT_ACTIONS = new Set(
  'lighting morning evening ceiling building something nothing anything everything king ring thing spring string wing clothing ending setting wedding pudding sibling awning icing railing framing during ping sing swing bring cling sling sting wring viking darling earring offspring shilling'.split(
    ' ',
  ),
);

/** Phrases that start another scene or another request in the same prompt. */
export const SCENE_BREAK_CUES =
  /\b(after that|afterwards|afterward|next scene|cut to|cuts to|scene \d+|shot \d+|meanwhile|in the next shot|transition to|transitions to|also make|also create|and also|another video|a second video)\b/giu;

/** Distinct shot types; more than one in a prompt usually means more than one shot. */
export const SHOT_TYPE_CUES =
  /\b(extreme close-up|close-up|closeup|close up|wide shot|medium shot|long shot|establishing shot|aerial shot|overhead shot|macro shot|over-the-shoulder shot|two-shot|tracking shot|pov shot)\b/giu;
