import { render } from 'preact';
import '@/components/styles/theme.css';
import '@/components/styles/pages.css';
import '@/components/styles/review.css';
import '@/components/styles/python.css';
import { providePythonWorker } from '@/components/hooks/use-python';
import PythonWorker from './python-worker?worker';
import { App } from './App';

providePythonWorker(() => new PythonWorker({ name: 'awaitwise-python' }));
render(<App />, document.getElementById('app')!);
