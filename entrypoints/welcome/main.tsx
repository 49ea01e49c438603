import { render } from 'preact';
import '@/components/styles/theme.css';
import '@/components/styles/pages.css';
import '@/components/styles/privacy.css';
import './welcome.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
