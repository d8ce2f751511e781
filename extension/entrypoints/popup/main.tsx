import { render } from 'preact';
import '../../ui/components.css';
import './popup.css';
import { browserLanguage, Popup } from './popup.tsx';

render(<Popup fallbackLanguage={browserLanguage(navigator.language)} />, document.getElementById('app')!);
