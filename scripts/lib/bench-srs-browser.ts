/** Entry of the bundle that the benchmark injects into a Chromium page: the study-queue timings, nothing else. */
export { runSrsBench } from './bench-srs';
