import { stripControls } from './controlChars';

/** Text and attribute values from git/GitHub/Jira: no control characters, every markup character an entity. */
export function escapeHtml(s: string): string {
  return stripControls(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON inside <script type="application/json">: no "<" (so no "</script>"), no U+2028/2029 line breaks. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
export function safeHref(url: string | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? escapeHtml(url) : null;
}
