/** Pyodide's Emscripten module factory (no types of its own); utils/python/boot.ts checks what it gets. */
declare module 'pyodide/pyodide.asm.mjs' {
  const createPyodideModule: unknown;
  export default createPyodideModule;
}
