/** Vite's `?raw` imports: the Python sources the worker writes into the interpreter. */
declare module '*.py?raw' {
  const source: string;
  export default source;
}
