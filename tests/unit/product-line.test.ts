/**
 * The line between product and tooling: what ships (utils/, components/, entrypoints/) imports nothing
 * from tests/, scripts/ or modules/, exports no bench or fixture helper, and names no test-only address.
 * Bench and CLI helpers live in scripts/lib/, test helpers in tests/support/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const SHIPPED = ['utils', 'components', 'entrypoints'];
const TOOLING = ['tests', 'scripts', 'modules'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const FILES = SHIPPED.flatMap(sourceFiles).map((path) => ({
  path,
  source: ts.createSourceFile(path, readFileSync(join(ROOT, path), 'utf8'), ts.ScriptTarget.Latest, true),
}));

/** Every module specifier: static imports and re-exports, dynamic import(), import.meta.glob patterns. */
function specifiers(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression.getText(source);
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword || callee === 'import.meta.glob')
        found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The top-level folder an import lands in: `@/x/…` and `~/x/…` are the project root, `./…` the file's folder. */
function targetFolder(file: string, specifier: string): string | undefined {
  let path: string;
  if (/^[@~]\//.test(specifier)) path = specifier.slice(2);
  else if (specifier.startsWith('.')) path = relative(ROOT, resolve(ROOT, dirname(file), specifier));
  else return undefined;
  return path.split(sep).join('/').split('/')[0];
}

function exportedNames(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause))
      names.push(...statement.exportClause.elements.map((e) => e.name.text));
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported) continue;
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    const named = statement as ts.Statement & { name?: ts.Node };
    if (named.name && ts.isIdentifier(named.name)) names.push(named.name.text);
  }
  return names;
}

/** `bench`/`fixture` as a word of a camelCase or snake_case name: seedForBench, FixtureResult, BENCH_SIZE; not PracticeWorkbench. */
const isBenchOrFixture = (name: string) => /(?:^|_)(?:bench|fixture)|Bench|Fixture|BENCH|FIXTURE/.test(name);

/** Addresses and paths only a test has a use for: RFC 2606's reserved `.test` hosts and the test folders. */
const TEST_ONLY = [/\/\/[\w.-]+\.test(?=[/:'"`]|$)/, /\btests\/(?:fixtures|unit|e2e|support)\b/];

function testOnlyStrings(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) && TEST_ONLY.some((re) => re.test(node.text))) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the product / tooling line', () => {
  it('finds the shipped sources', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(FILES.some((f) => f.path === 'entrypoints/background/index.ts')).toBe(true);
  });

  it('reads imports the way the bundler resolves them', () => {
    expect(targetFolder('utils/srs/day.ts', '../../tests/support/x')).toBe('tests');
    expect(targetFolder('utils/srs/day.ts', '@/scripts/lib/x')).toBe('scripts');
    expect(targetFolder('utils/srs/day.ts', './queue')).toBe('utils');
    expect(targetFolder('utils/srs/day.ts', 'ts-fsrs')).toBeUndefined();
    const probe = ts.createSourceFile(
      'probe.ts',
      "import a from '../tests/x';\nexport { b } from './b';\nconst c = import('@/scripts/c');\n",
      ts.ScriptTarget.Latest,
      true,
    );
    expect(specifiers(probe)).toEqual(['../tests/x', './b', '@/scripts/c']);
  });

  it('tells a bench or fixture helper from a word that merely contains one', () => {
    expect(
      ['seedForBench', 'generateLintBenchmarkSource', 'scoreFixtures', 'FixtureResult', 'bench_rows', 'BENCH_N'].every(
        isBenchOrFixture,
      ),
    ).toBe(true);
    expect(['PracticeWorkbench', 'WorkbenchRun', 'workbenchState'].some(isBenchOrFixture)).toBe(false);
  });

  it('ships no import from tests/, scripts/ or modules/', () => {
    const crossings = FILES.flatMap(({ path, source }) =>
      specifiers(source)
        .filter((s) => TOOLING.includes(targetFolder(path, s) ?? ''))
        .map((s) => `${path} → ${s}`),
    );
    expect(crossings).toEqual([]);
  });

  it('ships no bench or fixture helper', () => {
    const helpers = FILES.flatMap(({ path, source }) =>
      exportedNames(source)
        .filter(isBenchOrFixture)
        .map((name) => `${path}: ${name}`),
    );
    expect(helpers).toEqual([]);
  });

  it('ships no test URL or test path', () => {
    const strings = FILES.flatMap(({ path, source }) => testOnlyStrings(source).map((s) => `${path}: ${s}`));
    expect(strings).toEqual([]);
  });
});
