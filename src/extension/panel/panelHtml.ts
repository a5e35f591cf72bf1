/**
 * The panel's HTML shell. Nothing from git, GitHub or Jira is ever placed here: the page is a
 * static skeleton plus one nonce'd script, and data arrives later as messages rendered as text.
 */
export interface PanelHtmlInput {
  /** webview.cspSource */
  cspSource: string;
  /** webview.asWebviewUri(dist/webview.js) as a string */
  scriptUri: string;
  /**
   * The bundle's own text, placed in the page instead of loading `scriptUri`: it saves the webview a
   * resource request through its service worker and the host. Used only when inlineable().
   */
  inlineScript?: string;
  /** Fresh per load, from crypto.randomBytes. */
  nonce: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    // The bundle injects its stylesheet as a nonce'd <style>; Chart.js sizes canvases through CSSOM, which CSP allows.
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/** Our bundle in a <script> element: only when nothing in it could end the element or open a comment there. */
export function inlineable(code: string): boolean {
  return !/<\/script|<!--|<script/i.test(code);
}

export function panelHtml(input: PanelHtmlInput): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(input.nonce)) throw new Error('nonce must be at least 16 base64 characters');
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Engineering KPIs</title>
</head>
<body>
<main id="app" aria-busy="true"><p>Loading…</p></main>
${input.inlineScript !== undefined && inlineable(input.inlineScript) ? `<script nonce="${attr(input.nonce)}">${input.inlineScript}</script>` : `<script nonce="${attr(input.nonce)}" src="${attr(input.scriptUri)}"></script>`}
</body>
</html>`;
}
