#!/usr/bin/env node
import { main } from "./runCli.js";

process.exitCode = main(process.argv.slice(2));
