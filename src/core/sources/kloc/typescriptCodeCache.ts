import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import { u32 } from '../../util/u32';

/**
 * Loads the bundled TypeScript compiler (dist/typescript.js, 9 MB) with V8's code cache, so a run
 * that counts a few changed .ts files does not spend ~0.15–0.4 s compiling the whole compiler again.
 * The loaded module goes into require.cache, where the scanner chunk's require('./typescript.js')
 * finds it. Node 22 has module.enableCompileCache() for this; Node 20 (the CLI's floor) does not.
 *
 * The cache file is keyed by the compiler file's size and mtime and by V8's version; V8 rejects
 * data made for another source or other flags, and then we write it anew. V8 does not checksum
 * the data in release builds (a flipped byte is accepted), so the file carries our own CRC-32.
 * Outside the bundle (tests run the sources) there is no typescript.js beside us: nothing to do.
 */
export function primeTypescript(cacheRoot: string, dir = __dirname): void {
  const file = path.join(dir, 'typescript.js');
  if (require.cache[file] || !existsSync(file)) return;
  try {
    const st = statSync(file);
    const cacheFile = path.join(cacheRoot, 'v8-code-cache', `typescript-${st.size}-${Math.floor(st.mtimeMs)}-${process.versions.v8}.bin`);
    const cached = existsSync(cacheFile) ? verified(readFileSync(cacheFile)) : undefined;
    const source = readFileSync(file, 'utf8');
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData: cached });
    const mod = { id: file, filename: file, loaded: false, exports: {} as unknown, children: [], paths: [] } as unknown as NodeJS.Module;
    (script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, createRequire(file), mod, file, dir);
    mod.loaded = true;
    require.cache[file] = mod;
    if (!cached || script.cachedDataRejected) {
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      const data = script.createCachedData();
      writeFileSync(tmp, Buffer.concat([u32(crc32(data)), data]));
      renameSync(tmp, cacheFile);
    }
  } catch {
    // The cache only speeds things up: on any trouble the chunk's own require() loads the compiler.
    delete require.cache[file];
    try {
      rmSync(path.join(cacheRoot, 'v8-code-cache'), { recursive: true, force: true });
    } catch {
      // An unwritable cache folder: nothing to clean, and nothing to fail for.
    }
  }
}

/** The code cache without its CRC-32 prefix, or undefined when the two disagree. */
function verified(file: Buffer): Buffer | undefined {
  if (file.length < 4) return undefined;
  const data = file.subarray(4);
  return file.readUInt32LE(0) === crc32(data) ? data : undefined;
}
