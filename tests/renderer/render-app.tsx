import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/renderer/App';
import { ClientProvider } from '../../src/renderer/client/ClientProvider';
import { createFakeClient, type FakeData } from './fake-client';

/** Renders the whole shell over a fresh fake client. */
export function renderApp(data: Partial<FakeData> = {}) {
  const fake = createFakeClient(data);
  const user = userEvent.setup();
  const result = render(
    <ClientProvider client={fake.client}>
      <App />
    </ClientProvider>,
  );
  return { ...result, fake, user };
}
