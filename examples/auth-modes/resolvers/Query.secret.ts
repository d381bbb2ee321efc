/** A constant (NONE data source): what matters is who may read it (schema directives, deniedFields). */
export function request() {
  return { payload: 'the example secret' };
}

export function response(ctx: { result: string }) {
  return ctx.result;
}
