import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { AtomicStore } from '../../../src/core/cache/atomicStore';
import { countLinesAtHead, LINES_CACHE_VERSION } from '../../../src/core/kloc/countLinesAtHead';
import type { KlocIndex } from '../../../src/core/model/kloc';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { GitFixture, tempDir } from '../../helpers/gitFixture';
import { ADD_WAT, PARSER_RB } from '../../helpers/sourceSamples';

const APP_TS = "import { routes } from './gen/routes';\n\n// Lists the routes.\nexport const list = (): string[] => routes;\nexport default list;\n"; // 3 token lines
const SCHEMA_SQL = '-- The users table.\nCREATE TABLE users (\n  id integer PRIMARY KEY,\n  name text NOT NULL\n);\n';

describe('source KLOC at HEAD by KPI spec v2 (a real repository)', () => {
  let repo: GitFixture;
  before(() => {
    repo = GitFixture.init();
    repo.commit('initial', {
      'src/app.ts': APP_TS,
      'src/add.wat': ADD_WAT, // 8 code lines (nested block comments)
      'lib/parser.rb': PARSER_RB, // 7 code lines (=begin/=end blocks)
      'db/schema.sql': SCHEMA_SQL, // SQL is data: not source, though TSQL and SQLPL claim .sql too
      'db/migrations/002_add_email.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
      'README.md': '# Routes\n',
    }, { date: '2026-04-01T00:00:00Z' });
  });
  after(() => repo.remove());

  it('counts Ruby and WebAssembly without their comments and leaves .sql out', async () => {
    const index = await countLinesAtHead(repo.dir, repo.head(), DEFAULT_OPTIONS, tempDir());
    assert.deepEqual(index.files.map((f) => [f.path, f.lines]), [['lib/parser.rb', 7], ['src/add.wat', 8], ['src/app.ts', 3]]);
    assert.equal(index.sourceLines, 18);
  });

  it('a line cache written by an earlier version of the rules is not served', async () => {
    const cache = tempDir();
    const tree = repo.git(['rev-parse', 'HEAD^{tree}']);
    const signature = JSON.stringify([tree, DEFAULT_OPTIONS.sourceGlobs, DEFAULT_OPTIONS.excludeGlobs, DEFAULT_OPTIONS.testGlobs]);
    // What version 1 would have cached for this tree: .sql as TSQL source, Ruby's =begin blocks as code.
    const v1: KlocIndex = { files: [{ path: 'db/schema.sql', lines: 4, kind: 'source' }, { path: 'lib/parser.rb', lines: 14, kind: 'source' }], sourceLines: 18, testLines: 0 };
    const file = path.join(cache, 'lines-head.json');
    await new AtomicStore(file, 'lines-head', LINES_CACHE_VERSION - 1).write({ signature, tree, index: v1 });
    assert.equal((await countLinesAtHead(repo.dir, repo.head(), DEFAULT_OPTIONS, cache)).files.some((f) => f.path === 'db/schema.sql'), false);
    // The same entry under the current version is served as it is: the version is what keeps it out.
    await new AtomicStore(file, 'lines-head', LINES_CACHE_VERSION).write({ signature, tree, index: v1 });
    assert.deepEqual(await countLinesAtHead(repo.dir, repo.head(), DEFAULT_OPTIONS, cache), v1);
  });
});
