/**
 * Writes the synthetic history into a fast-import stream, in time order: a first-parent main
 * line of direct commits, squash merges "(#N)" and true merge commits of feature branches that
 * were worked on alongside it, release tags every few hundred commits, and fix commits.
 */
import { Rng } from './prng';
import { FastImport, ident, type Person } from './fastImport';
import { SnippetPools, frame } from './synthContent';
import { buildTree, type FileSpec } from './synthTree';
import { buildTeam, featureSubject, fixSubject, login, message, type Team } from './synthMessages';

export interface HistoryParams {
  seed: number;
  commits: number;
  files: number;
  /** Epoch seconds of the last commit; the history spans `years` before it. */
  end: number;
  years: number;
}

export interface HistoryStats {
  commits: number;
  mainLineChanges: number;
  mergeCommits: number;
  squashCommits: number;
  directCommits: number;
  branchCommits: number;
  fixCommits: number;
  fixCommitsTouchingTests: number;
  renames: number;
  tags: number;
  annotatedTags: number;
  blobs: number;
  streamBytes: number;
  filesBorn: number;
}

interface FileState {
  spec: FileSpec;
  path: string;
  head: Buffer;
  foot: Buffer;
  snippets: number[];
  lines: number;
  mark: number;
}

/** A topic branch being worked on: its fast-import mark, commits still to come, files it touched. */
export interface Branch<F = FileState> {
  slot: number;
  tip: number;
  remaining: number;
  touched: Set<F>;
  author: Person;
  topic: string;
  title: string;
}

const SLOTS = 6;
const HEAT_MAX = 20;

/** Files per change: mostly one or two, with the long tail of sweeping changes. */
export function changeSize(rng: Rng): number {
  const r = rng.next();
  if (r < 0.42) return 1;
  if (r < 0.66) return 2;
  if (r < 0.79) return 3;
  if (r < 0.87) return 4;
  if (r < 0.96) return rng.int(5, 9);
  if (r < 0.995) return rng.int(10, 30);
  return rng.int(31, 80);
}

export class HistoryWriter {
  private readonly rng: Rng;
  private readonly pools = new SnippetPools();
  private readonly specs: FileSpec[];
  private readonly team: Team;
  private readonly alive: FileState[] = [];
  private readonly byModule = new Map<string, FileState[]>();
  private readonly paths = new Set<string>();
  private readonly open: Branch[] = [];
  private mainTip = 0;
  private index = 0;
  private pr = 1;
  private version = [0, 1, 0];
  private nextTagAt: number;
  readonly stats: HistoryStats = {
    commits: 0, mainLineChanges: 0, mergeCommits: 0, squashCommits: 0, directCommits: 0, branchCommits: 0,
    fixCommits: 0, fixCommitsTouchingTests: 0, renames: 0, tags: 0, annotatedTags: 0, blobs: 0, streamBytes: 0, filesBorn: 0,
  };

  constructor(private readonly out: FastImport, private readonly p: HistoryParams) {
    this.rng = new Rng(p.seed);
    this.specs = buildTree(p.seed + 1, p.files);
    this.team = buildTeam(this.rng, 70);
    this.nextTagAt = this.rng.int(250, 650);
  }

  async write(): Promise<HistoryStats> {
    const { rng } = this;
    // The project starts from a scaffold commit of a few hundred files.
    this.directCommit({ initial: true });
    while (this.index < this.p.commits) {
      const ready = this.open.filter((b) => b.remaining === 0);
      const working = this.open.filter((b) => b.remaining > 0);
      const r = rng.next();
      if (ready.length > 0 && r < 0.3) this.merge(rng.pick(ready));
      else if (working.length > 0 && r < 0.75) this.branchCommit(rng.pick(working));
      else if (this.open.length < SLOTS && rng.chance(0.29) && this.index < this.p.commits - 50) this.openBranch();
      else this.directCommit({});
      await this.out.flush();
    }
    this.stats.streamBytes = this.out.bytes;
    this.stats.filesBorn = this.alive.length;
    return this.stats;
  }

  // --- commits -------------------------------------------------------------------------------

  private time(): number {
    const span = this.p.years * 365.25 * 86400;
    const start = this.p.end - span;
    return Math.floor(start + (span * (this.index + 0.9 * this.rng.next())) / this.p.commits);
  }

  private authorTime(commitTime: number, earlierMean: number, pEarlier: number): number {
    // A few commits carry clock skew (author after committer), as real imports do.
    if (this.rng.chance(0.001)) return commitTime + this.rng.int(60, 3600);
    return this.rng.chance(pEarlier) ? Math.floor(commitTime - this.rng.exp(earlierMean)) : commitTime;
  }

  private person(): Person {
    return this.team.people[this.rng.weighted(this.team.weights)] ?? this.team.github;
  }

  private commit(ref: string, opts: {
    from?: number; merge?: number; author: Person; authorTime: number; committer: Person; commitTime: number;
    msg: string; lines: string[];
  }): number {
    const mark = this.out.mark();
    this.out.write(`commit ${ref}\nmark :${mark}\nauthor ${ident(opts.author, opts.authorTime)}\ncommitter ${ident(opts.committer, opts.commitTime)}\n`);
    this.out.data(opts.msg);
    if (opts.from !== undefined) this.out.write(`from :${opts.from}\n`);
    if (opts.merge !== undefined) this.out.write(`merge :${opts.merge}\n`);
    this.out.write(opts.lines.join(''));
    this.out.write('\n');
    this.index++;
    this.stats.commits++;
    return mark;
  }

  private directCommit(o: { initial?: boolean }): void {
    const { rng } = this;
    const t = this.time();
    if (o.initial) {
      const files: FileState[] = [];
      while (this.alive.length < 400) files.push(this.birth());
      const lines = files.map((f) => this.modifyLine(f));
      this.mainTip = this.commit('refs/heads/main', { author: this.team.people[0] ?? this.team.github, authorTime: t, committer: this.team.people[0] ?? this.team.github, commitTime: t, msg: 'Initial import\n', lines });
      this.mainLine();
      return;
    }
    if (rng.chance(0.015)) {
      // Dependency bumps: a bot commit on package.json.
      const pkg = this.alive[0];
      if (pkg) {
        const msg = `chore(deps): bump ${rng.pick(['lodash', 'axios', 'typescript', 'eslint'])} from 1.${rng.int(0, 9)}.${rng.int(0, 9)} to 1.${rng.int(10, 19)}.0\n`;
        this.mainTip = this.commit('refs/heads/main', { author: this.team.bot, authorTime: t, committer: this.team.github, commitTime: t, msg, lines: [this.edit(pkg)] });
        this.stats.directCommits++;
        this.mainLine();
        return;
      }
    }
    const squash = rng.chance(0.4);
    const author = this.person();
    const lines: string[] = [];
    if (!squash && rng.chance(0.003)) lines.push(...this.rename());
    const subject = this.change(squash ? Math.max(changeSize(rng), changeSize(rng)) : changeSize(rng), lines);
    const title = squash ? `${subject} (#${this.pr++})` : subject;
    const authorTime = squash ? this.authorTime(t, 30 * 3600, 1) : this.authorTime(t, 4 * 3600, 0.15);
    this.mainTip = this.commit('refs/heads/main', { author, authorTime, committer: squash ? this.team.github : author, commitTime: t, msg: message(rng, title), lines });
    if (squash) this.stats.squashCommits++;
    else this.stats.directCommits++;
    this.mainLine();
  }

  private openBranch(): void {
    const used = new Set(this.open.map((b) => b.slot));
    let slot = 0;
    while (used.has(slot)) slot++;
    this.open.push({
      slot, tip: this.mainTip, remaining: 1 + Math.floor(this.rng.exp(2)), touched: new Set(), author: this.person(),
      topic: `${this.rng.pick(['feature', 'fix', 'chore'])}/${this.rng.pick(['add', 'rework', 'speed-up'])}-${this.rng.pick(['cache', 'login', 'export', 'search', 'billing'])}`,
      title: '',
    });
  }

  private branchCommit(b: Branch): void {
    const t = this.time();
    const lines: string[] = [];
    const subject = this.change(changeSize(this.rng), lines, b.touched);
    if (!b.title) b.title = subject;
    b.tip = this.commit(`refs/heads/topic/${b.slot}`, {
      from: b.tip, author: b.author, authorTime: this.authorTime(t, 8 * 3600, 0.1), committer: b.author, commitTime: t,
      msg: message(this.rng, subject), lines,
    });
    b.remaining--;
    this.stats.branchCommits++;
  }

  private merge(b: Branch): void {
    const t = this.time();
    // The merge's tree: main plus the branch's files at their latest content.
    const lines = [...b.touched].map((f) => this.modifyLine(f));
    const msg = `Merge pull request #${this.pr++} from ${login(b.author)}/${b.topic}\n\n${b.title}\n`;
    this.mainTip = this.commit('refs/heads/main', { merge: b.tip, author: b.author, authorTime: t, committer: this.team.github, commitTime: t, msg, lines });
    this.open.splice(this.open.indexOf(b), 1);
    this.stats.mergeCommits++;
    this.mainLine();
  }

  /** Bookkeeping after each first-parent commit: counts and release tags. */
  private mainLine(): void {
    this.stats.mainLineChanges++;
    if (this.index < this.nextTagAt) return;
    this.nextTagAt = this.index + this.rng.int(250, 650);
    this.tag();
  }

  private tag(): void {
    const { rng } = this;
    const r = rng.next();
    const [ma = 0, mi = 0, pa = 0] = this.version;
    this.version = r < 0.02 ? [ma + 1, 0, 0] : r < 0.3 ? [ma, mi, pa + 1] : [ma, mi + 1, 0];
    const [a, b, c] = this.version;
    const name = c === 0 && rng.chance(0.1) ? `v${a}.${b}` : rng.chance(0.1) ? `${a}.${b}.${c}` : `v${a}.${b}.${c}`;
    if (rng.chance(0.1)) this.out.write(`reset refs/tags/${name}-rc.1\nfrom :${this.mainTip}\n\n`);
    if (rng.chance(0.7)) {
      const when = this.time() + rng.int(60, 7200);
      this.out.write(`tag ${name}\nfrom :${this.mainTip}\ntagger ${ident(this.person(), when)}\n`);
      this.out.data(`Release ${name}\n`);
      this.stats.annotatedTags++;
    } else {
      this.out.write(`reset refs/tags/${name}\nfrom :${this.mainTip}\n\n`);
    }
    this.stats.tags++;
  }

  // --- file changes ---------------------------------------------------------------------------

  /** Picks the files of one change, edits them and returns the subject. Fix commits often touch a test. */
  private change(size: number, lines: string[], touched?: Set<FileState>): string {
    const { rng } = this;
    const chosen = new Set<FileState>();
    const target = Math.floor(400 + ((this.p.files - 400) * this.index) / (this.p.commits * 0.98));
    while (this.alive.length < Math.min(target, this.specs.length) && chosen.size < size + 2) chosen.add(this.birth());
    const primary = chosen.values().next().value ?? this.pickFile();
    chosen.add(primary);
    while (chosen.size < size) chosen.add(rng.chance(0.65) ? this.pickFile(primary.spec.module) : this.pickFile());
    const fix = rng.chance(0.14);
    const subject = fix ? fixSubject(rng, primary.spec.module) : featureSubject(rng, primary.spec.module);
    if (fix) {
      this.stats.fixCommits++;
      if (rng.chance(0.25)) {
        const test = this.pickTest(primary.spec.module);
        if (test) chosen.add(test);
      }
      if ([...chosen].some((f) => f.spec.kind.endsWith(':test'))) this.stats.fixCommitsTouchingTests++;
    }
    for (const f of chosen) {
      lines.push(this.edit(f));
      touched?.add(f);
    }
    return subject;
  }

  private pickFile(module?: string): FileState {
    const list = (module !== undefined ? this.byModule.get(module) : undefined) ?? this.alive;
    for (let tries = 0; tries < 200; tries++) {
      const f = this.rng.pick(list);
      if (this.rng.next() * HEAT_MAX < f.spec.heat) return f;
    }
    return this.rng.pick(list);
  }

  private pickTest(module: string): FileState | undefined {
    const list = this.byModule.get(module) ?? [];
    for (let tries = 0; tries < 50; tries++) {
      const f = this.rng.pick(list);
      if (f.spec.kind.endsWith(':test')) return f;
    }
    return undefined;
  }

  private birth(): FileState {
    const spec = this.specs[this.alive.length];
    if (!spec) throw new Error('no more files to create');
    const { head, foot } = frame(spec.kind, spec.path);
    const f: FileState = { spec, path: spec.path, head: Buffer.from(head), foot: Buffer.from(foot), snippets: [], lines: 0, mark: 0 };
    const initial = Math.max(5, spec.targetLines * (0.3 + 0.7 * this.rng.next()));
    const pool = this.pools.pool(spec.kind);
    while (f.lines < initial) this.insert(f, pool.length);
    this.alive.push(f);
    this.paths.add(f.path);
    const list = this.byModule.get(spec.module) ?? [];
    list.push(f);
    this.byModule.set(spec.module, list);
    return f;
  }

  private insert(f: FileState, poolSize: number): void {
    const id = this.rng.int(0, poolSize - 1);
    f.snippets.splice(this.rng.int(0, f.snippets.length), 0, id);
    f.lines += this.pools.pool(f.spec.kind)[id]?.lines ?? 1;
  }

  /** A few snippet-level edits that drift the file towards its target size; returns the M line. */
  private edit(f: FileState): string {
    const { rng } = this;
    const pool = this.pools.pool(f.spec.kind);
    if (f.mark !== 0) {
      const ops = 1 + (rng.chance(0.35) ? rng.int(1, 5) : 0);
      for (let k = 0; k < ops; k++) {
        const ratio = f.lines / f.spec.targetLines;
        const r = rng.next();
        const pIns = ratio < 0.8 ? 0.7 : ratio > 1.2 ? 0.15 : 0.4;
        if (r < pIns || f.snippets.length < 2) this.insert(f, pool.length);
        else {
          const at = rng.int(0, f.snippets.length - 1);
          f.lines -= pool[f.snippets[at] ?? 0]?.lines ?? 1;
          if (r < pIns + 0.35) {
            const id = rng.int(0, pool.length - 1);
            f.snippets[at] = id;
            f.lines += pool[id]?.lines ?? 1;
          } else {
            f.snippets.splice(at, 1);
          }
        }
      }
    }
    return this.modifyLine(f, true);
  }

  /** The fast-import M line for a file; writes a new blob first when asked. */
  private modifyLine(f: FileState, newBlob = f.mark === 0): string {
    if (newBlob) {
      const pool = this.pools.pool(f.spec.kind);
      const parts: Buffer[] = [f.head];
      for (const id of f.snippets) parts.push((pool[id] ?? pool[0])?.bytes ?? Buffer.alloc(0));
      parts.push(f.foot);
      f.mark = this.out.blob(Buffer.concat(parts));
      this.stats.blobs++;
    }
    return `M 100644 :${f.mark} ${f.path}\n`;
  }

  /** Renames a file nobody's open branch touches (so merges stay coherent); git reports it as R. */
  private rename(): string[] {
    const f = this.pickFile();
    if (this.open.some((b) => b.touched.has(f)) || !f.spec.kind.endsWith(':src') || f.spec.kind.startsWith('json')) return [];
    const dir = f.path.slice(0, f.path.lastIndexOf('/') + 1);
    const base = f.path.slice(dir.length);
    const to = `${dir}${base.charAt(0) === base.charAt(0).toUpperCase() ? 'Legacy' : 'legacy_'}${base}`;
    if (this.paths.has(to)) return [];
    this.paths.delete(f.path);
    this.paths.add(to);
    const line = `R ${f.path} ${to}\n`;
    f.path = to;
    this.stats.renames++;
    return [line];
  }
}
