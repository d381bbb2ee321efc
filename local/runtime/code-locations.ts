/**
 * Where in the submitted code something happened, for `code.js:LINE:COLUMN` in runtime errors
 * (spec appsync-js-runtime.md §6.1) and log lines (§7). Each compiled module gets a script name of
 * its own; the first frame of that name in a V8 stack trace is the resolver code's position, which
 * the module's `PositionMap` translates back to the submitted text.
 */
import type { PositionMap } from './module-transform.js';

export interface CodeLocation {
  line: number;
  column: number;
}

/** AppSync's answer when it cannot say where (spec §7: "unknown line/column = 0"). */
export const UNKNOWN_LOCATION: CodeLocation = { line: 0, column: 0 };

const FRAME = /^\s+at (?:.*\()?(appsync-module-\d+\.js):(\d+):(\d+)\)?$/;

export class ModuleLocations {
  private readonly modules = new Map<string, PositionMap>();

  /** Registers a module; returns the script name to compile it under. */
  register(positions: PositionMap): string {
    const scriptName = `appsync-module-${this.modules.size + 1}.js`;
    this.modules.set(scriptName, positions);
    return scriptName;
  }

  /** The resolver-code position of the innermost resolver frame of `stack`. */
  locate(stack: unknown): CodeLocation {
    if (typeof stack !== 'string') return UNKNOWN_LOCATION;
    for (const line of stack.split('\n')) {
      const frame = FRAME.exec(line);
      const positions = frame && this.modules.get(frame[1]!);
      if (positions) return positions.toOriginal(Number(frame[2]), Number(frame[3]));
    }
    return UNKNOWN_LOCATION;
  }

  /** The resolver-code position of the code calling the host function running now. */
  callSite(): CodeLocation {
    const holder: { stack?: string } = {};
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = Math.max(stackTraceLimit, 20);
    Error.captureStackTrace(holder);
    Error.stackTraceLimit = stackTraceLimit;
    return this.locate(holder.stack);
  }
}

/** `code.js:L:C` */
export function formatLocation({ line, column }: CodeLocation): string {
  return `code.js:${line}:${column}`;
}
