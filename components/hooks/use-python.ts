/**
 * The page's Python runtime: one worker per page, started by the first Run (never at page load), kept warm
 * while the page is open, shut down after a few idle minutes. Components get the status and run functions.
 */
import { useEffect, useState } from 'preact/hooks';
import { PythonClient, type RuntimeStatus } from '@/utils/python/client';
import { browserPort } from '@/utils/python/browser-port';

let shared: PythonClient | undefined;

export function pythonClient(): PythonClient {
  shared ??= new PythonClient(browserPort);
  return shared;
}

export function usePythonStatus(): RuntimeStatus {
  const client = pythonClient();
  const [status, setStatus] = useState(client.status);
  useEffect(() => client.subscribe(setStatus), [client]);
  return status;
}
