#!/usr/bin/env node
// Runs the TypeScript sources directly so that `npx doanket` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
