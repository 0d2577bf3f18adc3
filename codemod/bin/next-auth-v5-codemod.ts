#!/usr/bin/env node
import { main } from "../runner/cli";

process.exitCode = main(process.argv.slice(2));
