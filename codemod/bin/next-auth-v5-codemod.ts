#!/usr/bin/env node
import { main } from "../lib/cli";

process.exitCode = main(process.argv.slice(2));
