/**
 * The shared fixtures sit beside the checkout (../shared/fixtures), on developers' machines and in CI.
 * Tests that need them are skipped only where that folder does not exist.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
export const PHOTO_FIXTURES_DIR = `${FIXTURES_DIR}photos/`;
export const hasPhotoFixtures = existsSync(`${PHOTO_FIXTURES_DIR}expected.json`);
