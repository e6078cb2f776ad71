/**
 * The renderer's composition root: pick the transport and the intake that goes with it, hand them down,
 * render the shell. Everything else gets the client and the intake from context, so the same components run
 * over IPC, HTTP or a test fake.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Vite bundles the font files next to the app: nothing is fetched from anywhere else (CSP font-src 'self').
import 'vazirmatn/Vazirmatn-Variable-font-face.css';
// The stylesheets, in cascade order: the ui/ base, then each feature's own. They are imported here, in one
// fixed list, rather than by each feature's component, because the bundle keeps CSS in import order and
// rules of equal specificity depend on it (`.items-view` after `.view`, `.job-cancel` after
// `.secondary-button`, `.search-box input` after `.field input`); a component's import order must not move
// them. tests/renderer/stylesheets.test.ts checks that every stylesheet is listed here, once.
import './ui/base.css';
import './ui/layout.css';
import './shell/navigation.css';
import './ui/views.css';
import './ui/tables.css';
import './ui/badges.css';
import './ui/forms.css';
import './shell/actor-prompt.css';
import './search/search.css';
import './shell/detail-panel.css';
import './shell/status-bar.css';
import './items/items.css';
import './items/item-panel.css';
import './jobs/jobs.css';
import './intake/intake.css';
import './ui/controls.css';
import './tags/tags.css';
import './changes/changes.css';
import './places/places.css';
import './persons/persons.css';
import { App } from './App';
import { ClientProvider } from './client/ClientProvider';
import { pickClient, pickIntake } from './client/pick-client';
import { createInputFileChooser } from './intake/file-chooser';
import { IntakeProvider } from './intake/IntakeProvider';

const container = document.getElementById('root');
if (!container) throw new Error('Vigil: the page has no #root element.');

const client = pickClient(window);
const chooser = createInputFileChooser(document);
const intake = pickIntake(window, client, { chooseFiles: chooser.choose });

createRoot(container).render(
  <StrictMode>
    <ClientProvider client={client}>
      <IntakeProvider port={intake} chooser={chooser}>
        <App />
      </IntakeProvider>
    </ClientProvider>
  </StrictMode>,
);
