import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/renderer/App';
import { ClientProvider } from '../../src/renderer/client/ClientProvider';
import type { IntakePort } from '../../src/renderer/intake/intake-port';
import { IntakeProvider } from '../../src/renderer/intake/IntakeProvider';
import { createFakeClient, type FakeData } from './fake-client';

/** Renders the whole shell over a fresh fake client (and, when given, an intake port). */
export function renderApp(data: Partial<FakeData> = {}, options: { intake?: IntakePort | null } = {}) {
  const fake = createFakeClient(data);
  const user = userEvent.setup();
  const result = render(
    <ClientProvider client={fake.client}>
      <IntakeProvider port={options.intake ?? null}>
        <App />
      </IntakeProvider>
    </ClientProvider>,
  );
  return { ...result, fake, user };
}
