/** The definition file every CLI command reads unless `--definition` names another (project-relative). */
export const DEFAULT_DEFINITION_FILE = 'infra/definition.ts';
