import * as linguist from 'linguist-languages';

export type CommentStyle = 'c' | 'hash' | 'dashdash' | 'semicolon' | 'percent' | 'ts' | 'none';

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
assign('hash', ['Python', 'Ruby', 'Shell', 'Perl', 'R', 'Makefile', 'CMake', 'Dockerfile', 'PowerShell', 'Elixir', 'Nim', 'Julia', 'Crystal', 'Tcl', 'Starlark', 'Raku', 'CoffeeScript', 'GDScript', 'Nix', 'HCL', 'Fish', 'Awk', 'sed', 'Cython', 'Puppet']);
assign('dashdash', ['Haskell', 'Lua', 'Ada', 'Elm', 'PLpgSQL', 'PLSQL', 'TSQL', 'VHDL', 'Agda', 'PureScript', 'Idris']);
assign('semicolon', ['Common Lisp', 'Clojure', 'Scheme', 'Emacs Lisp', 'Racket', 'Fennel', 'Assembly', 'Unix Assembly']);
assign('percent', ['Erlang', 'MATLAB', 'Prolog']);

const byExtension = new Map<string, LanguageInfo>();
const byFilename = new Map<string, LanguageInfo>();

function info(l: LinguistLanguage): LanguageInfo {
  return { name: l.name, programming: l.type === 'programming', comments: STYLES[l.name] ?? 'none' };
}

// An extension may be claimed by several languages (.sql: SQL and PLpgSQL). The language whose
// primary (first) extension it is wins; otherwise the first claimant in linguist's order.
const all = Object.values(linguist as unknown as Record<string, LinguistLanguage>).filter((l) => l && typeof l === 'object' && 'type' in l);
for (const l of all) {
  const primary = l.extensions?.[0];
  if (primary) byExtension.set(primary.toLowerCase(), info(l));
}
for (const l of all) {
  for (const ext of l.extensions ?? []) if (!byExtension.has(ext.toLowerCase())) byExtension.set(ext.toLowerCase(), info(l));
  for (const f of l.filenames ?? []) if (!byFilename.has(f)) byFilename.set(f, info(l));
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
