// The demo's entry: reads the state from the URL (reporting what it had to ignore), and shows
// the playground or, under #digits, digits mode.
import { builtinRegistry } from '@deltanet/backprop';
import { PlaygroundPage, pluginChoices } from './playground-page';
import { DigitsView } from './ui/digits-view';
import { el } from './ui/dom';
import { parseState } from './url-state';
import './style.css';

const registry = builtinRegistry();
const choices = pluginChoices(registry);
const notice = document.getElementById('notice')!;
const showNotice = (message: string | undefined) => {
  notice.hidden = message === undefined;
  notice.textContent = message ?? '';
};

const { state, problems } = parseState(location.search, choices);
const playground = new PlaygroundPage(state, choices, showNotice);
if (problems.length > 0) {
  showNotice(`Some settings in the link were not valid and were reset: ${problems.join('; ')}.`);
}
const digits = new DigitsView();

const views = { playground: playground.element, digits: digits.element };
document
  .getElementById('app')!
  .append(el('div', { id: 'playground' }, views.playground), el('div', { id: 'digits' }, views.digits));

function route(): void {
  const mode = location.hash === '#digits' ? 'digits' : 'playground';
  document.getElementById('playground')!.hidden = mode !== 'playground';
  document.getElementById('digits')!.hidden = mode !== 'digits';
  for (const tab of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    tab.classList.toggle('selected', tab.dataset['mode'] === mode);
  }
  if (mode === 'digits') digits.open();
}
window.addEventListener('hashchange', route);
route();
