/** Vigil's version, recorded in the custody log and bundles. Kept equal to package.json (a test checks). */
export const VIGIL_VERSION = '0.1.0';
