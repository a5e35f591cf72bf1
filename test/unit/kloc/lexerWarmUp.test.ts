import { strict as assert } from 'node:assert';
import { Session } from 'node:inspector';
import { WARM_UP_TEXTS, warmUpLexer } from '../../../src/core/sources/kloc/lexerWarmUp';
import { lexTokenLines } from '../../../src/core/sources/kloc/tokenLineLexer';
import { scannerTokenLines } from '../../../src/core/sources/kloc/tsTokenLines';

interface Range { startOffset: number; endOffset: number; count: number }
interface FunctionCoverage { functionName: string; ranges: Range[] }
interface ScriptCoverage { scriptId: string; url: string; functions: FunctionCoverage[] }

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r as T))));
}

describe('the lexer warm-up (every path seen before the real files, so V8 never re-optimizes it mid-count)', () => {
  it('reaches every block of the lexer, by V8\'s own block coverage', async () => {
    const session = new Session();
    session.connect();
    try {
      await post(session, 'Profiler.enable');
      await post(session, 'Debugger.enable');
      await post(session, 'Profiler.startPreciseCoverage', { callCount: true, detailed: true });
      warmUpLexer();
      const { result } = await post<{ result: ScriptCoverage[] }>(session, 'Profiler.takePreciseCoverage');
      await post(session, 'Profiler.stopPreciseCoverage');
      const script = result.find((s) => s.url.endsWith('/tokenLineLexer.ts'));
      assert.ok(script, 'the lexer ran under coverage');
      const { scriptSource } = await post<{ scriptSource: string }>(session, 'Debugger.getScriptSource', { scriptId: script.scriptId });
      // Blocks never run (count 0), shown as the code they hold.
      const missed = script.functions.flatMap((f) => f.ranges.filter((r) => r.count === 0).map((r) => `${f.functionName}: ${scriptSource.slice(r.startOffset, r.endOffset).slice(0, 80)}`));
      assert.deepEqual(missed, []);
    } finally {
      session.disconnect();
    }
  });

  it('is code the lexer and the scanner agree on, or leaves to the scanner', () => {
    for (const text of WARM_UP_TEXTS) {
      const lexed = lexTokenLines(text);
      if (lexed !== null) assert.equal(lexed, scannerTokenLines(text, false), JSON.stringify(text));
    }
    assert.ok(WARM_UP_TEXTS.filter((t) => lexTokenLines(t) === null).length < WARM_UP_TEXTS.length / 2);
  });
});
