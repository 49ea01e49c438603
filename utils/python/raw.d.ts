/** Vite's `?raw` imports: the Python sources the worker writes into the interpreter. */
declare module '*.py?raw' {
  const source: string;
  export default source;
}

/** Vite's `?worker` imports: a module worker built as its own chunk. */
declare module '*?worker' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}

/** Set at build time by modules/pyodide.ts from the bundled Pyodide (absent in unit tests). */
interface ImportMetaEnv {
  readonly AWAITWISE_PYODIDE_BUILD_ID?: string;
  readonly AWAITWISE_PYODIDE_LOCK?: string;
}

