/** Real-shaped source files whose code lines are worked out by hand, for the line-count tests. */
// WebAssembly text: ";;" to the end of the line, "(; ;)" blocks that nest. 8 code lines:
// (module / (func / local.get $a (after an inline block) / local.get $b / i32.add) / (export / (data / ).
export const ADD_WAT = `(module
  ;; Adds two numbers.
  (func $add (param $a i32) (param $b i32) (result i32)
    (; an inline block ;) local.get $a
    local.get $b (; trailing ;)
    i32.add)
  (; a block comment
     (; a nested one ;)
     still inside the outer comment ;)
  (export "add" (func $add))
  (data (i32.const 0) ";; a string, not a comment")
)
`;

// Ruby: "#" comments and =begin/=end blocks, which start only at the beginning of a line.
// 7 code lines: class, DOC, def, line.split, end, URL, end.
export const PARSER_RB = `# frozen_string_literal: true
=begin
Splits lines.
  def not_code; end
=end
class Parser
  DOC = "=begin"
  def parse(line) # trailing comment
    line.split(",")
  end
=begin more words may follow the marker
  docs
=end and here too
  URL = "http://example.com/#anchor"
end
`;
