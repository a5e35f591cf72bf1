/**
 * The one sanitizer for strings from git, GitHub, Jira, config files and the user on their way to
 * a person: the terminal table, stderr, Markdown, CSV and HTML. A server's error message carrying
 * `ESC ]0;…BEL ESC [2J` must not retitle or clear the terminal, and a branch name with a bidi
 * override must not reorder what a reviewer reads. JSON keeps the data as it came (JSON.stringify
 * escapes C0 controls; it is for tools, not screens).
 */

// Whole terminal escape sequences first (CSI "ESC [ … final", OSC "ESC ] … BEL or ESC \", and
// two-byte ESC x), so their parameters do not linger as visible noise.
const ESCAPE_SEQUENCES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)?/g;
// C0 except tab, LF and CR (line breaks are the caller's, per context); DEL; C1; the bidi
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n|[\r\n\t\u2028\u2029]/g;

/** Removes terminal escapes, control characters and bidi controls; keeps tab, LF and CR. */
export function stripControls(s: string): string {
  return s.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '');
}

/** stripControls, and every line break or tab (a lone CR too) becomes one space: one line of text. */
export function oneLine(s: string): string {
  return stripControls(s).replace(LINE_BREAKS, ' ');
}
