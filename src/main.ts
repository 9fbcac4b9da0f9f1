import { mount } from 'svelte';
import './ui/theme.css';
import App from './ui/App.svelte';
import { loadLang } from './state/lang';

document.documentElement.lang = loadLang();
mount(App, { target: document.getElementById('app') as HTMLElement });
