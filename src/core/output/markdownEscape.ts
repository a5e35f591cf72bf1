import { oneLine } from './controlChars';

/**
 * Markdown for every string from git, GitHub, Jira or the user, in the three places renderers put
 * them. Each is one line (no CR or LF survives, so no table row or block can be started) without
 * control characters.
 */

/** Inline text or a table cell: every character with a Markdown or HTML meaning is backslash-escaped. */
export function mdCell(s: string): string {
  return oneLine(s).replace(/[\\`*_[\]<>#~|&]/g, (c) => `\\${c}`);
}

/**
 * A code span: the fence is one backtick longer than the longest run inside, so the text cannot
 * close it, and a space pads each side when the text starts or ends with a backtick or a space
 * (CommonMark strips exactly one from each side, unless the text is only spaces). Inside a code span `<script>` is literal text.
 * Not for table cells (GFM splits cells at `|` even inside code).
 */
export function mdCode(s: string): string {
  const text = oneLine(s);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) && /[^ ]/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Only http(s) links survive; characters that could end the link early, and controls, are percent-encoded. */
export function mdLink(text: string, url: string | undefined): string {
  const label = mdCell(text);
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return label;
  const safe = url.replace(/[()<>\s"'`|\\[\]\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (c) => (c.charCodeAt(0) < 0x80 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c)));
  return `[${label}](${safe})`;
}
