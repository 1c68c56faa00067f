#!/usr/bin/env node
// The `jaring` command. The code is TypeScript run through tsx, so nothing needs compiling.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
