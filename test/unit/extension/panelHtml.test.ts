import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { contentSecurityPolicy, panelHtml } from '../../../src/extension/panelHtml';

describe('panel HTML and CSP', () => {
  const nonce = randomBytes(18).toString('base64');
  const html = panelHtml({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js', nonce });

  it("denies everything by default and allows scripts only with this load's nonce", () => {
    const csp = contentSecurityPolicy('vscode-src', nonce);
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce.replace(/[+/=]/g, (c) => `\\${c}`)}'$`));
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'), csp);
  });

  it('has exactly one script, carrying the nonce', () => {
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.ok(html.includes(`<script nonce="${nonce}" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js">`));
  });

  it('refuses a weak nonce', () => {
    assert.throws(() => panelHtml({ cspSource: 'x', scriptUri: 'y', nonce: 'abc' }));
  });

  it('escapes attribute values', () => {
    const h = panelHtml({ cspSource: 'x', scriptUri: 'a"><script>alert(1)</script>', nonce });
    assert.equal(h.match(/<script/g)?.length, 1);
  });
});
