#!/usr/bin/env node
"use strict";
// Thin launcher: the command line is compiled to lib/ by `npm run build:cli` (run by `npm ci`).
let main;
try {
  ({ main } = require("../lib/cli/main.js"));
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write("arrs: the command line is not built yet. Run `npm ci` (or `npm run build:cli`) in the project folder first.\n");
    process.exit(2);
  }
  throw error;
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
