import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const clientDist = `${repoRoot}/client/dist`;
export const artifactsDir = `${repoRoot}/tests/artifacts`;
export const serverMain = `${repoRoot}/server/src/main.ts`;
