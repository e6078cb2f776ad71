import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { installGridViewport, resetGridViewport } from './grid-viewport';

installGridViewport();

afterEach(() => {
  cleanup();
  resetGridViewport();
});
