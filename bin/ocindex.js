#!/usr/bin/env node
import { run } from '../lib/bundle/ocindex.js';

process.exitCode = await run(process.argv);
