/** Checks of `lambdaFunctions`: names, entry files, Lambda's limits, environment, table grants. */
import type { LambdaFunctionDefinition, TableDefinition } from './types.js';
import { entryLabel, indexByName, integerProblem } from './problems.js';
import type { FileCheck } from './project-files.js';

/** Lambda's function-name characters; the name is also the bundle's folder (`dist/functions/<name>`). */
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const ENVIRONMENT_KEY = /^[a-zA-Z][a-zA-Z0-9_]+$/;
/** Set by the Lambda service itself; a function configuration may not set them (Lambda's reserved list). */
const RESERVED_ENVIRONMENT_KEYS = new Set([
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR', 'TZ',
]);

function environmentProblems(fn: LambdaFunctionDefinition, tables: Map<string, TableDefinition>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(fn.environment ?? {})) {
    if (!ENVIRONMENT_KEY.test(key)) problems.push(`environment key '${key}' must start with a letter and contain only letters, digits and '_'`);
    else if (RESERVED_ENVIRONMENT_KEYS.has(key)) problems.push(`environment key '${key}' is reserved by Lambda`);
    if (typeof value === 'object' && value !== null && 'tableName' in value && !tables.has(value.tableName)) {
      problems.push(`environment.${key} refers to table '${value.tableName}', which is not defined in tables`);
    }
  }
  return problems;
}

export function checkLambdaFunctions(
  lambdaFunctions: readonly LambdaFunctionDefinition[],
  tables: Map<string, TableDefinition>,
  checkFile: FileCheck,
  problems: string[],
): Map<string, LambdaFunctionDefinition> {
  lambdaFunctions.forEach((fn, index) => {
    const label = entryLabel('lambdaFunctions', index, fn.name);
    const own = [
      FUNCTION_NAME.test(fn.name) ? undefined : "name must be 1-64 characters among a-z, A-Z, 0-9, '_', '-'",
      checkFile(fn.entry, 'entry file'),
      fn.handler === undefined || IDENTIFIER.test(fn.handler) ? undefined : `handler '${fn.handler}' is not a valid export name`,
      integerProblem('timeoutSeconds', fn.timeoutSeconds, 1, 900),
      integerProblem('memorySize', fn.memorySize, 128, 10_240),
      ...environmentProblems(fn, tables),
      ...(fn.tables ?? []).map((grant) => (tables.has(grant.table) ? undefined : `tables grant names table '${grant.table}', which is not defined in tables`)),
    ];
    for (const problem of own) if (problem) problems.push(`${label}: ${problem}`);
  });
  return indexByName('lambdaFunctions', lambdaFunctions, problems);
}
