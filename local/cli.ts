/**
 * The `liveboard` command line (contract: shared/design/architecture.md, "CLI contract").
 * Each command lives in its own module under `local/cli/` and is loaded only when used, so that
 * `liveboard token` does not pay for starting the server's dependencies.
 */

type CommandModule = { run(args: string[]): Promise<number> };

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  start: { summary: 'start DynamoDB Local and the local AppSync server', load: () => import('./cli/start.js') },
  'evaluate-code': { summary: 'evaluate a resolver handler like the EvaluateCode API', load: () => import('./cli/evaluate-code.js') },
  token: { summary: 'print local credentials: a Cognito ID/access token, an OIDC token (--oidc) or the keys of the local IAM user (--iam)', load: () => import('./cli/token.js') },
  build: { summary: 'bundle resolvers and Lambda functions', load: () => import('./cli/build.js') },
  seed: { summary: 'load demo data into a running local API', load: () => import('./cli/seed.js') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(14)} ${summary}`);
  return ['usage: liveboard <command> [options]', '', 'commands:', ...lines].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    console.log(usage());
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`liveboard: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  const module = await command.load();
  return module.run(args);
}
