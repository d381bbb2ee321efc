/**
 * AppSync's configured patterns (`appIdClientRegex`, OIDC `clientId`, `identityValidationExpression`)
 * are regular expressions matched against the whole value (Java `String.matches`, spec §3.1, §3.4).
 * Compiled once when the mode is created, so a bad pattern fails at start-up, not per request.
 */
export function wholeMatcher(pattern: string, setting: string): (value: string) => boolean {
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    throw new Error(`auth: ${setting} is not a valid regular expression: ${pattern}`, { cause: error });
  }
  return (value) => regex.test(value);
}
