import * as linguist from 'linguist-languages';
import { addTo } from '../../util/addTo';

export type CommentStyle = 'c' | 'hash' | 'ruby' | 'dashdash' | 'semicolon' | 'percent' | 'wat' | 'ts' | 'none';

export interface LanguageInfo {
  name: string;
  programming: boolean;
  comments: CommentStyle;
}

interface LinguistLanguage {
  name: string;
  type: string;
  extensions?: readonly string[];
  filenames?: readonly string[];
}

/** Comment syntax by linguist language name; languages not listed count every non-blank line. */
const STYLES: Record<string, CommentStyle> = {};
const assign = (style: CommentStyle, names: string[]) => names.forEach((n) => (STYLES[n] = style));
assign('ts', ['TypeScript', 'TSX', 'JavaScript', 'JSX']);
assign('c', ['C', 'C++', 'C#', 'Java', 'Go', 'Rust', 'Swift', 'Kotlin', 'Scala', 'Dart', 'PHP', 'Objective-C', 'Objective-C++', 'Groovy', 'D', 'Zig', 'V', 'Solidity', 'Protocol Buffer', 'Apex', 'Hack', 'Vala', 'Cuda', 'OpenCL', 'GLSL', 'HLSL', 'Verilog', 'SystemVerilog', 'Gradle', 'F#', 'Haxe', 'ActionScript', 'Pascal', 'Thrift', 'Ballerina', 'Gleam', 'Odin', 'Jsonnet']);
assign('hash', ['Python', 'Shell', 'Perl', 'R', 'Makefile', 'CMake', 'Dockerfile', 'PowerShell', 'Elixir', 'Nim', 'Julia', 'Crystal', 'Tcl', 'Starlark', 'Raku', 'CoffeeScript', 'GDScript', 'Nix', 'HCL', 'Fish', 'Awk', 'sed', 'Cython', 'Puppet']);
assign('dashdash', ['Haskell', 'Lua', 'Ada', 'Elm', 'PLpgSQL', 'PLSQL', 'TSQL', 'VHDL', 'Agda', 'PureScript', 'Idris']);
assign('semicolon', ['Common Lisp', 'Clojure', 'Scheme', 'Emacs Lisp', 'Racket', 'Fennel', 'Assembly', 'Unix Assembly']);
assign('percent', ['Erlang', 'MATLAB', 'Prolog']);
assign('ruby', ['Ruby']); // '#' and =begin/=end
assign('wat', ['WebAssembly']); // ';;' and nestable (; ;)

const byExtension = new Map<string, LanguageInfo>();
const byFilename = new Map<string, LanguageInfo>();

function info(l: LinguistLanguage): LanguageInfo {
  return { name: l.name, programming: l.type === 'programming', comments: STYLES[l.name] ?? 'none' };
}

const all = Object.values(linguist as unknown as Record<string, LinguistLanguage>).filter((l) => l && typeof l === 'object' && 'type' in l);
const claims = new Map<string, Array<{ language: LinguistLanguage; primary: boolean }>>();
for (const l of all) (l.extensions ?? []).forEach((ext, i) => addTo(claims, ext.toLowerCase(), { language: l, primary: i === 0 }));
for (const [ext, claimants] of claims) byExtension.set(ext, info(extensionOwner(claimants)));
for (const l of all) for (const f of l.filenames ?? []) if (!byFilename.has(f)) byFilename.set(f, info(l));

/**
 * Which of the languages that claim one extension decides it (spec §4 v2). A programming language
 * wins only if the extension is its primary (first) one and no data, markup or prose language
 * has it as primary too: `.sql` is primary for SQL (data) as well as TSQL and SQLPL, so it is
 * data; `.md` is Markdown (prose) before GCC Machine Description. Where no claimant has it as
 * primary and one of them is not a programming language (`.pm`: Perl, Raku and X PixMap), it is
 * not source either. Where the spec's rule does not apply, version 1's choice stays, so those
 * counts do not move: among several primaries of one kind the last in linguist's order (`.rs`:
 * Rust, not RenderScript), and with no primary and only programming claimants the first (`.h`: C).
 */
function extensionOwner(claimants: Array<{ language: LinguistLanguage; primary: boolean }>): LinguistLanguage {
  const isCode = (l: LinguistLanguage) => l.type === 'programming';
  const primary = claimants.filter((c) => c.primary).map((c) => c.language);
  if (primary.length > 0) {
    const notCode = primary.filter((l) => !isCode(l));
    return (notCode.length > 0 ? notCode : primary).at(-1)!;
  }
  return claimants.find((c) => !isCode(c.language))?.language ?? claimants[0]!.language;
}

/** The language of a path by its file name or longest matching extension (".d.ts" before ".ts"). */
export function languageOf(filePath: string): LanguageInfo | undefined {
  const base = filePath.slice(filePath.lastIndexOf('/') + 1);
  const named = byFilename.get(base);
  if (named) return named;
  const lower = base.toLowerCase();
  for (let i = lower.indexOf('.'); i >= 0; i = lower.indexOf('.', i + 1)) {
    const hit = byExtension.get(lower.slice(i));
    if (hit) return hit;
  }
  return undefined;
}
