/**
 * The renderer's composition root: pick the transport and the intake that goes with it, hand them down,
 * render the shell. Everything else gets the client and the intake from context, so the same components run
 * over IPC, HTTP or a test fake.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Vite bundles the font files next to the app: nothing is fetched from anywhere else (CSP font-src 'self').
import 'vazirmatn/Vazirmatn-Variable-font-face.css';
import './styles/app.css';
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
