/**
 * The renderer's composition root: pick the transport, hand the client down, render the shell. Everything
 * else gets the client from context, so the same components run over IPC, HTTP or a test fake.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Vite bundles the font files next to the app: nothing is fetched from anywhere else (CSP font-src 'self').
import 'vazirmatn/Vazirmatn-Variable-font-face.css';
import './styles/app.css';
import { App } from './App';
import { ClientProvider } from './client/ClientProvider';
import { pickClient } from './client/pick-client';

const container = document.getElementById('root');
if (!container) throw new Error('Vigil: the page has no #root element.');

createRoot(container).render(
  <StrictMode>
    <ClientProvider client={pickClient(window)}>
      <App />
    </ClientProvider>
  </StrictMode>,
);
