import type { Exercise } from './exercises';

/**
 * npm packages a JavaScript or TypeScript file imports: `import … from 'x'`, `import 'x'`,
 * `import('x')`, `require('x')` and `export … from 'x'`. Relative paths and `node:` builtins are left out.
 */
export function importedPackages(source: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"\n]+)['"]/g,
    /\bimport\s*['"]([^'"\n]+)['"]/g,
    /\b(?:require|import)\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const m of source.matchAll(pattern)) {
      const name = packageName(m[1] ?? '');
      if (name) found.add(name);
    }
  }
  return [...found].sort();
}

/** `@scope/pkg/sub` → `@scope/pkg`, `pkg/sub` → `pkg`; relative, absolute and builtin specifiers → undefined. */
export function packageName(specifier: string): string | undefined {
  if (!specifier || specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? (parts.length >= 2 ? `${parts[0]}/${parts[1]}` : undefined) : parts[0];
}

/** Exercises that practise a package the file imports, in library order. */
export function exercisesForImports(exercises: readonly Exercise[], packages: readonly string[]): Exercise[] {
  const wanted = new Set(packages);
  return exercises.filter((e) => e.imports.some((i) => wanted.has(i)));
}
