#!/usr/bin/env node
// The CLI is compiled by `npm install` (prepare) into dist/.
import '../dist/src/cli.js';
