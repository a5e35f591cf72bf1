/** .tsx and .jsx files: their token lines need the parser (JSX text is not code). */
export function isJsx(filePath: string): boolean {
  return /\.(tsx|jsx)$/i.test(filePath);
}
