/** Spec §4 defaults for the glob settings (KpiOptions.excludeGlobs, testGlobs). */
export const DEFAULT_EXCLUDE_GLOBS: readonly string[] = [
  '**/node_modules/**', '**/vendor/**', '**/third_party/**', '**/dist/**',
  '**/build/**', '**/out/**', '**/*.min.js',
];

export const DEFAULT_TEST_GLOBS: readonly string[] = ['**/*.{test,spec}.*', '**/test/**', '**/tests/**', '**/__tests__/**'];
