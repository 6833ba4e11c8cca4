#!/usr/bin/env node
import { main } from "../dist/cli.js";

// `claimline render … | head`: a reader that stops early is not an error.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
process.exitCode = main(process.argv.slice(2));
