/**
 * Writes a history over real files (bench/synth/realContent.ts) into a fast-import stream, shaped like
 * one of two real projects:
 *
 *   squash  a JS/TS project merged through GitHub's squash button: "subject (#N)", authored and
 *           committed at the same instant (GitHub stamps both), a few direct pushes, release tags
 *           on the default branch;
 *   merge   a long-lived project with "Merge pull request #N from …" merge commits of topic
 *           branches, direct commits, and X-Y-stable branches cut at each minor release that
 *           get backports and their own patch-release tags.
 *
 * Every file ends at HEAD as its real content. On the way there it has fewer of its chunks (runs
 * of lines cut at line ends): each edit shows a few more, now and then hides one again. To know
 * which edit is a file's last, the simulation runs twice with the same seed: a plan pass that only
 * counts each file's edits, then the pass that writes.
 */
import { Rng } from './prng';
import { FastImport, ident, type Person } from './fastImport';
import type { RealFile } from './realContent';
import { changeSize, type Branch } from './synthHistory';
import { buildTeam, featureSubject, fixSubject, login, message, type Team } from './synthMessages';

export interface RealHistoryParams {
  seed: number;
  commits: number;
  /** Epoch seconds of the last commit; the history spans `years` before it. */
  end: number;
  years: number;
  shape: 'squash' | 'merge';
}

export interface RealHistoryStats {
  commits: number;
  mergeCommits: number;
  squashCommits: number;
  directCommits: number;
  branchCommits: number;
  backportCommits: number;
  fixCommits: number;
  tags: number;
  stableTags: number;
  stableBranches: number;
  blobs: number;
  streamBytes: number;
  filesAtHead: number;
}

interface FileState {
  real: RealFile;
  chunks: string[];
  /** Chunks in the order they are hidden: the first `hidden` of them are absent. */
  order: number[];
  heat: number;
  edits: number;
  /** Edits the plan pass counted: the last one writes the real content. */
  plannedEdits: number;
  mark: number;
}

type Topic = Branch<FileState>;

interface Stable {
  name: string;
  tip: number;
  version: [number, number, number];
  untilTag: number;
}

const CHUNK_LINES = 14;
const SLOTS = 8;
const HEAT_MAX = 20;

function chunksOf(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += CHUNK_LINES) out.push(lines.slice(i, i + CHUNK_LINES).join(''));
  return out;
}

export class RealHistoryWriter {
  private rng!: Rng;
  /** Draws made only while writing (blob variants, tag details), so both passes take the same decisions. */
  private crng!: Rng;
  private betas = 0;
  private team!: Team;
  private states: FileState[] = [];
  private alive: FileState[] = [];
  private byModule = new Map<string, FileState[]>();
  private open: Topic[] = [];
  private stables: Stable[] = [];
  private out: FastImport | undefined;
  private index = 0;
  private mainTip = 0;
  private pr = 1;
  private version: [number, number, number] = [0, 1, 0];
  private nextTagAt = 0;
  private nextMinorAt = 0;
  stats!: RealHistoryStats;

  constructor(private readonly files: RealFile[], private readonly p: RealHistoryParams) {
    const rng = new Rng(p.seed ^ 0x5eed);
    this.states = files.map((real) => {
      const chunks = chunksOf(real.text);
      const order = chunks.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
      }
      // A few files take most of the edits, as in every project.
      return { real, chunks, order, heat: Math.min(HEAT_MAX, rng.logNormal(2, 1.1)), edits: 0, plannedEdits: 0, mark: 0 };
    });
  }

  /** Plans, then writes into `out`. */
  async write(out: FastImport): Promise<RealHistoryStats> {
    await this.run(undefined);
    for (const s of this.states) {
      s.plannedEdits = s.edits;
      s.edits = 0;
    }
    await this.run(out);
    this.stats.streamBytes = out.bytes;
    return this.stats;
  }

  private async run(out: FastImport | undefined): Promise<void> {
    this.out = out;
    this.rng = new Rng(this.p.seed);
    this.crng = new Rng(this.p.seed + 1);
    this.betas = 0;
    this.team = buildTeam(this.rng, this.p.shape === 'squash' ? 120 : 400);
    this.alive = [];
    this.byModule = new Map();
    this.open = [];
    this.stables = [];
    this.index = 0;
    this.mainTip = 0;
    this.pr = 1;
    this.version = [0, 1, 0];
    this.nextTagAt = this.rng.int(40, 160);
    this.nextMinorAt = this.rng.int(1500, 2500);
    this.stats = {
      commits: 0, mergeCommits: 0, squashCommits: 0, directCommits: 0, branchCommits: 0, backportCommits: 0, fixCommits: 0,
      tags: 0, stableTags: 0, stableBranches: 0, blobs: 0, streamBytes: 0, filesAtHead: 0,
    };
    this.initial();
    while (this.index < this.p.commits) {
      if (this.p.shape === 'squash') this.squashStep();
      else this.mergeStep();
      if (out) await out.flush();
    }
    // Branches still open are merged, so each file's last edit reaches the default branch.
    while (this.open.length > 0) this.merge(this.open[0]!);
    this.stats.filesAtHead = this.alive.length;
  }

  // --- shapes ----------------------------------------------------------------------------------

  private squashStep(): void {
    const { rng } = this;
    const t = this.time();
    const author = this.person();
    const lines: string[] = [];
    const subject = this.change(lines);
    if (rng.chance(0.88)) {
      // GitHub's squash merge: the PR author, one instant for author and committer, "(#N)".
      this.mainTip = this.commit('refs/heads/main', { author, authorTime: t, committer: this.team.github, commitTime: t, msg: message(rng, `${subject} (#${this.pr++})`), lines });
      this.stats.squashCommits++;
    } else {
      this.mainTip = this.commit('refs/heads/main', { author, authorTime: this.authorTime(t), committer: author, commitTime: t, msg: message(rng, subject), lines });
      this.stats.directCommits++;
    }
    this.mainLine();
  }

  private mergeStep(): void {
    const { rng } = this;
    const ready = this.open.filter((b) => b.remaining === 0);
    const working = this.open.filter((b) => b.remaining > 0);
    const r = rng.next();
    if (this.stables.length > 0 && r < 0.03) this.backport(rng.pick(this.stables.slice(-2)));
    else if (ready.length > 0 && r < 0.25) this.merge(rng.pick(ready));
    else if (working.length > 0 && r < 0.62) this.branchCommit(rng.pick(working));
    else if (this.open.length < SLOTS && r < 0.75 && this.index < this.p.commits - 60) this.openTopic();
    else {
      const t = this.time();
      const author = this.person();
      const lines: string[] = [];
      const subject = this.change(lines);
      this.mainTip = this.commit('refs/heads/main', { author, authorTime: this.authorTime(t), committer: author, commitTime: t, msg: message(rng, subject), lines });
      this.stats.directCommits++;
      this.mainLine();
    }
  }

  private openTopic(): void {
    const used = new Set(this.open.map((b) => b.slot));
    let slot = 0;
    while (used.has(slot)) slot++;
    const { rng } = this;
    this.open.push({
      slot, tip: this.mainTip, remaining: 1 + Math.floor(rng.exp(2.5)), touched: new Set(), author: this.person(),
      topic: `${rng.pick(['fix', 'feature', 'improve', 'remove', 'deprecate'])}-${rng.pick(['cache', 'routing', 'callbacks', 'encoding', 'autoload', 'schema'])}-${rng.int(1, 999)}`,
      title: '',
    });
  }

  private branchCommit(b: Topic): void {
    const t = this.time();
    const lines: string[] = [];
    const subject = this.change(lines, b.touched);
    if (!b.title) b.title = subject;
    b.tip = this.commit(`refs/heads/topic/${b.slot}`, { from: b.tip, author: b.author, authorTime: this.authorTime(t), committer: b.author, commitTime: t, msg: message(this.rng, subject), lines });
    b.remaining--;
    this.stats.branchCommits++;
  }

  private merge(b: Topic): void {
    const t = this.time();
    // The merge takes each file the branch touched at its newest version (an edit on main after
    // the branch's wins: conflicts resolved towards the newer code).
    const lines = [...b.touched].map((f) => `M 100644 :${f.mark} ${f.real.path}\n`);
    const merger = this.person();
    const msg = `Merge pull request #${this.pr++} from ${login(b.author)}/${b.topic}\n\n${b.title}\n`;
    this.mainTip = this.commit('refs/heads/main', { merge: b.tip, author: merger, authorTime: t, committer: this.team.github, commitTime: t, msg, lines });
    this.open.splice(this.open.indexOf(b), 1);
    this.stats.mergeCommits++;
    this.mainLine();
  }

  /** A fix cherry-picked onto a stable branch: a variant of a file, never on the default branch. */
  private backport(s: Stable): void {
    const { rng } = this;
    const t = this.time();
    const author = this.person();
    const f = this.pickFile();
    let lines: string[] = [];
    if (this.out) {
      const hide = f.order.slice(0, 1 + (f.edits % 3));
      lines = [`M 100644 :${this.blob(f, new Set(hide))} ${f.real.path}\n`];
    }
    const subject = fixSubject(rng, f.real.module);
    const msg = `${subject}\n\n(cherry picked from commit ${this.crng.int(0, 0xfffffff).toString(16).padStart(7, '0')}${'0'.repeat(33)})\n`;
    s.tip = this.commit(`refs/heads/${s.name}`, { from: s.tip, author, authorTime: this.authorTime(t), committer: author, commitTime: t, msg, lines });
    this.stats.backportCommits++;
    this.stats.fixCommits++;
    if (--s.untilTag > 0) return;
    s.untilTag = rng.int(6, 20);
    s.version = [s.version[0], s.version[1], s.version[2] + 1];
    this.tag(`v${s.version.join('.')}`, s.tip);
    this.stats.stableTags++;
  }

  // --- commits ---------------------------------------------------------------------------------

  private time(): number {
    const span = this.p.years * 365.25 * 86400;
    const start = this.p.end - span;
    return Math.floor(start + (span * (this.index + 0.9 * this.rng.next())) / this.p.commits);
  }

  private tagTime(): number {
    const span = this.p.years * 365.25 * 86400;
    return Math.floor(this.p.end - span + (span * this.index) / this.p.commits) + this.crng.int(60, 7200);
  }

  private authorTime(commitTime: number): number {
    return this.rng.chance(0.3) ? Math.floor(commitTime - this.rng.exp(6 * 3600)) : commitTime;
  }

  private person(): Person {
    return this.team.people[this.rng.weighted(this.team.weights)] ?? this.team.github;
  }

  private commit(ref: string, o: { from?: number; merge?: number; author: Person; authorTime: number; committer: Person; commitTime: number; msg: string; lines: string[] }): number {
    this.index++;
    this.stats.commits++;
    const out = this.out;
    if (!out) return 0;
    const mark = out.mark();
    out.write(`commit ${ref}\nmark :${mark}\nauthor ${ident(o.author, o.authorTime)}\ncommitter ${ident(o.committer, o.commitTime)}\n`);
    out.data(o.msg);
    if (o.from !== undefined) out.write(`from :${o.from}\n`);
    if (o.merge !== undefined) out.write(`merge :${o.merge}\n`);
    out.write(o.lines.join(''));
    out.write('\n');
    return mark;
  }

  private initial(): void {
    const t = this.time();
    const lines: string[] = [];
    const count = Math.max(20, Math.floor(this.states.length * 0.15));
    while (this.alive.length < count) lines.push(this.edit(this.birth()));
    const first = this.team.people[0] ?? this.team.github;
    this.mainTip = this.commit('refs/heads/main', { author: first, authorTime: t, committer: first, commitTime: t, msg: 'Initial commit\n', lines });
    this.stats.directCommits++;
  }

  /** Bookkeeping after each default-branch commit: release tags, and stable branches when merge-shaped. */
  private mainLine(): void {
    const { rng } = this;
    if (this.p.shape === 'merge' && this.index >= this.nextMinorAt) {
      this.nextMinorAt = this.index + rng.int(1500, 2500);
      const [ma, mi] = this.version;
      this.version = rng.chance(0.15) ? [ma + 1, 0, 0] : [ma, mi + 1, 0];
      const name = `v${this.version.join('.')}`;
      this.betas = 0;
      this.tag(name, this.mainTip);
      const stable = `${this.version[0]}-${this.version[1]}-stable`;
      if (this.out) this.out.write(`reset refs/heads/${stable}\nfrom :${this.mainTip}\n\n`);
      this.stables.push({ name: stable, tip: this.mainTip, version: [...this.version], untilTag: rng.int(6, 20) });
      this.stats.stableBranches++;
      return;
    }
    if (this.index < this.nextTagAt) return;
    this.nextTagAt = this.index + (this.p.shape === 'squash' ? rng.int(40, 160) : rng.int(300, 700));
    if (this.p.shape === 'merge') {
      // Pre-releases on the default branch between minors (not matching the release pattern's default).
      const [ma, mi] = this.version;
      this.tag(`v${ma}.${mi + 1}.0.beta${++this.betas}`, this.mainTip);
      return;
    }
    const [ma, mi, pa] = this.version;
    const r = rng.next();
    this.version = r < 0.02 ? [ma + 1, 0, 0] : r < 0.75 ? [ma, mi, pa + 1] : [ma, mi + 1, 0];
    this.tag(`v${this.version.join('.')}`, this.mainTip);
  }

  private tag(name: string, at: number): void {
    this.stats.tags++;
    const out = this.out;
    if (!out) return;
    if (this.crng.chance(0.7)) {
      const tagger = this.team.people[this.crng.weighted(this.team.weights)] ?? this.team.github;
      out.write(`tag ${name}\nfrom :${at}\ntagger ${ident(tagger, this.tagTime())}\n`);
      out.data(`Release ${name}\n`);
    } else {
      out.write(`reset refs/tags/${name}\nfrom :${at}\n\n`);
    }
  }

  // --- files -----------------------------------------------------------------------------------

  /** Picks the files of one change, edits them and returns its subject; fixes often touch a test. */
  private change(lines: string[], touched?: Set<FileState>): string {
    const { rng } = this;
    const size = changeSize(rng);
    const chosen = new Set<FileState>();
    // Files are born over the first 95% of the history, so HEAD holds them all.
    const target = Math.ceil(this.states.length * Math.min(1, 0.15 + (0.85 * this.index) / (this.p.commits * 0.95)));
    while (this.alive.length < target && chosen.size < size + 2) chosen.add(this.birth());
    const primary = chosen.values().next().value ?? this.pickFile();
    chosen.add(primary);
    while (chosen.size < Math.min(size, this.alive.length)) chosen.add(rng.chance(0.7) ? this.pickFile(primary.real.module) : this.pickFile());
    const fix = rng.chance(0.15);
    if (fix) {
      this.stats.fixCommits++;
      const test = rng.chance(0.35) ? this.pickTest(primary.real.module) : undefined;
      if (test) chosen.add(test);
    }
    for (const f of chosen) {
      lines.push(this.edit(f));
      touched?.add(f);
    }
    return fix ? fixSubject(rng, primary.real.module) : featureSubject(rng, primary.real.module);
  }

  private birth(): FileState {
    const f = this.states[this.alive.length];
    if (!f) throw new Error('no more files to create');
    this.alive.push(f);
    const list = this.byModule.get(f.real.module) ?? [];
    list.push(f);
    this.byModule.set(f.real.module, list);
    return f;
  }

  private pickFile(module?: string): FileState {
    const list = (module !== undefined ? this.byModule.get(module) : undefined) ?? this.alive;
    for (let tries = 0; tries < 100; tries++) {
      const f = this.rng.pick(list);
      if (this.rng.next() * HEAT_MAX < f.heat) return f;
    }
    return this.rng.pick(list);
  }

  private pickTest(module: string): FileState | undefined {
    const list = this.byModule.get(module) ?? [];
    for (let tries = 0; tries < 30; tries++) {
      const f = this.rng.pick(list);
      if (f.real.test) return f;
    }
    return undefined;
  }

  /** One edit of a file: its next version as a blob, and the M line. Its last planned edit is the real file. */
  private edit(f: FileState): string {
    f.edits++;
    if (!this.out) return '';
    const left = f.plannedEdits - f.edits;
    let hidden = 0;
    if (left > 0) {
      // Early versions lack up to 60% of the chunks; each edit shows more, sometimes one fewer.
      const share = 0.6 * (left / f.plannedEdits);
      hidden = Math.min(f.chunks.length - 1, Math.max(0, Math.round(share * f.chunks.length) + this.crng.int(-1, 1)));
      if (hidden === 0) hidden = 1;
    }
    f.mark = this.blob(f, new Set(f.order.slice(0, hidden)));
    return `M 100644 :${f.mark} ${f.real.path}\n`;
  }

  private blob(f: FileState, hide: Set<number>): number {
    const out = this.out;
    if (!out) return 0;
    this.stats.blobs++;
    return out.blob(Buffer.from(hide.size === 0 ? f.real.text : f.chunks.filter((_, i) => !hide.has(i)).join('')));
  }
}
