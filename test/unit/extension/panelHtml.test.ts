import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { contentSecurityPolicy, inlineable, panelHtml } from '../../../src/extension/panel/panelHtml';

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

  it('places our bundle in the page with the nonce, instead of loading it by URI', () => {
    const h = panelHtml({ cspSource: 'x', scriptUri: 'https://r/webview.js', inlineScript: 'document.title="KPIs";', nonce });
    assert.equal(h.match(/<script/g)?.length, 1);
    assert.ok(h.includes(`<script nonce="${nonce}">document.title="KPIs";</script>`), h);
    assert.ok(!h.includes('https://r/webview.js'));
  });

  it('loads a bundle by URI when its text could close the script element', () => {
    const evil = 'const s = "</script><script>alert(1)</script>";';
    assert.equal(inlineable(evil), false);
    assert.equal(inlineable('a <!-- b'), false);
    const h = panelHtml({ cspSource: 'x', scriptUri: 'https://r/webview.js', inlineScript: evil, nonce });
    assert.ok(!h.includes('alert(1)'));
    assert.ok(h.includes('src="https://r/webview.js"'));
  });
});
