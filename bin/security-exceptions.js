#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so the tool works from a fresh clone without a build step.
'use strict';
require('tsx/cjs');
require('../src/cli/main.ts');
