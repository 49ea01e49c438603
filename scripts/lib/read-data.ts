import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileKnowledge, type CompileResult, type SourceFile } from './compile-knowledge';

export const DATA_DIR = join(import.meta.dirname, '..', '..', 'data');

/** The folders of data/ that hold items, one Markdown file each (subfolders are not read). */
export const ITEM_FOLDERS = ['questions', 'practice', 'quizzes'] as const;

/** Reads data/ from disk and compiles it; used by the build step, the CLIs and the data tests. */
export function compileDataDir(dir = DATA_DIR): CompileResult {
  const files: SourceFile[] = [];
  for (const folder of ITEM_FOLDERS) {
    if (!existsSync(join(dir, folder))) continue;
    for (const name of readdirSync(join(dir, folder))
      .filter((n) => n.endsWith('.md'))
      .sort()) {
      files.push({ path: `${folder}/${name}`, text: readFileSync(join(dir, folder, name), 'utf8') });
    }
  }
  return compileKnowledge(readFileSync(join(dir, 'concepts.yaml'), 'utf8'), files);
}
