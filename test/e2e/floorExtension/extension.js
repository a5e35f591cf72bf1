// The floor of bench/suites/editorSpeed.mjs: the least an extension can do to show a status bar value and a
// webview with data, activated by the same event as ours. Whatever this costs, code-server costs.
/* eslint-disable @typescript-eslint/no-require-imports -- VS Code loads an extension's main file as CommonJS */
const vscode = require('vscode');
const { randomBytes } = require('node:crypto');

exports.activate = function activate(context) {
  const uptimeMs = Math.round(process.uptime() * 1000);
  const item = vscode.window.createStatusBarItem('editorFloor.status', vscode.StatusBarAlignment.Left, 40);
  item.text = 'Floor 1';
  // The bench reads activate()'s time after host start (process.uptime) from the label.
  item.accessibilityInformation = { label: `Editor floor: 1 (activated ${uptimeMs} ms after the host started)` };
  item.show();
  context.subscriptions.push(
    item,
    vscode.commands.registerCommand('editorFloor.openPanel', () => {
      const panel = vscode.window.createWebviewPanel('editorFloor.panel', 'Floor', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      const nonce = randomBytes(18).toString('base64');
      // The same handshake as ours: the page says ready, the host answers with data, the page draws it.
      panel.webview.onDidReceiveMessage((m) => m && m.type === 'ready' && panel.webview.postMessage({ type: 'state', value: 42 }));
      panel.webview.html = `<!DOCTYPE html><html><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'">
</head><body><main id="floor"></main><script nonce="${nonce}">
const api = acquireVsCodeApi();
const main = document.getElementById('floor');
main.dataset.scriptAt = String(Date.now());
main.dataset.scriptDocMs = String(Math.round(performance.now()));
window.addEventListener('message', (e) => {
  main.dataset.dataAt = String(Date.now());
  main.textContent = 'value ' + e.data.value;
});
api.postMessage({ type: 'ready' });
</script></body></html>`;
    }),
  );
};
exports.deactivate = function deactivate() {};
