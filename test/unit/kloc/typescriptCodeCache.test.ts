import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { tempDir } from '../../kit/gitFixture';
import { primeTypescript } from '../../../src/core/sources/kloc/typescriptCodeCache';

const load = createRequire(__filename);

describe('the bundled TypeScript compiler loads through V8 code cache', () => {
  function fakeBundle(): { dir: string; file: string } {
    const dir = tempDir();
    const file = path.join(dir, 'typescript.js');
    // Stands in for dist/typescript.js: a CommonJS module with a function and some weight.
    writeFileSync(file, `exports.version = 'fake';\nexports.add = (a, b) => a + b;\n${'exports.f' + Array.from({ length: 200 }, (_, i) => `${i} = function () { return ${i}; };`).join('\nexports.f')}\n`);
    return { dir, file };
  }

  it('registers the module for require() and writes the cache once', () => {
    const { dir, file } = fakeBundle();
    const root = tempDir();
    primeTypescript(root, dir);
    const mod = load(file) as { version: string; add(a: number, b: number): number };
    assert.equal(mod.version, 'fake');
    assert.equal(mod.add(2, 3), 5);
    const written = readdirSync(path.join(root, 'v8-code-cache'));
    assert.equal(written.length, 1);
    assert.match(written[0]!, /^typescript-\d+-\d+-.+\.bin$/);
    delete require.cache[file];
    primeTypescript(root, dir); // loads with the cache this time
    assert.equal((load(file) as { add(a: number, b: number): number }).add(1, 1), 2);
    delete require.cache[file];
  });

  it('a garbled cache file fails its checksum and is replaced, the module still loads', () => {
    const { dir, file } = fakeBundle();
    const root = tempDir();
    primeTypescript(root, dir);
    delete require.cache[file];
    const [name] = readdirSync(path.join(root, 'v8-code-cache'));
    const good = readFileSync(path.join(root, 'v8-code-cache', name!));
    const garbled = Buffer.from(good);
    garbled[garbled.length - 9] = garbled[garbled.length - 9]! ^ 0xff; // V8 alone would accept this
    writeFileSync(path.join(root, 'v8-code-cache', name!), garbled);
    primeTypescript(root, dir);
    assert.equal((load(file) as { version: string }).version, 'fake');
    assert.notDeepEqual(readFileSync(path.join(root, 'v8-code-cache', name!)), garbled);
    delete require.cache[file];
  });

  it('does nothing when no bundled compiler sits beside it (running from sources)', () => {
    const root = tempDir();
    primeTypescript(root, tempDir());
    assert.throws(() => readdirSync(path.join(root, 'v8-code-cache')));
  });
});
