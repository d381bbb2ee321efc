/**
 * Serving GraphiQL under `/graphiql/` (a sub-path: its chunk names must not collide with `/graphql`,
 * dependencies.md gotcha 10) and redirecting `/` there.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { NotFoundException } from '../errors.js';
import { sendTransportError } from '../server/reply.js';
import type { Route } from '../server/server.js';
import { graphiqlHtml, type GraphiqlConfig } from './page.js';

export const GRAPHIQL_PATH = '/graphiql/';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
};

/** A bundle file name as esbuild writes them: no folders, no dot-dot. */
const BUNDLE_FILE = /^[\w.-]+$/;

export interface GraphiqlRoutesOptions {
  /** Resolves with the bundle folder (built on first use, see `bundle.ts`). */
  bundle: () => Promise<string>;
  /** Read on every page load, so that fresh credentials (a new token) show after a reload. */
  config: () => GraphiqlConfig | Promise<GraphiqlConfig>;
}

export function graphiqlRoutes(options: GraphiqlRoutesOptions): Route[] {
  return [
    redirectToGraphiql('/'),
    redirectToGraphiql(GRAPHIQL_PATH.slice(0, -1)),
    {
      method: 'GET',
      path: GRAPHIQL_PATH,
      prefix: true,
      handle: async (_request, response, url) => {
        const file = url.pathname.slice(GRAPHIQL_PATH.length);
        if (file === '' || file === 'index.html') {
          await options.bundle(); // the page is useless without its scripts: report a failed build here
          const html = graphiqlHtml(await options.config());
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
          return void response.end(html);
        }
        const contentType = CONTENT_TYPES[extname(file)];
        if (!BUNDLE_FILE.test(file) || file.startsWith('.') || contentType === undefined) return notFound(response, url);
        const path = join(await options.bundle(), file);
        const exists = await stat(path).then((info) => info.isFile(), () => false);
        if (!exists) return notFound(response, url);
        response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' });
        createReadStream(path).pipe(response);
      },
    },
  ];
}

function redirectToGraphiql(path: string): Route {
  return {
    method: 'GET',
    path,
    handle: (_request, response) => {
      response.writeHead(302, { location: GRAPHIQL_PATH });
      response.end();
    },
  };
}

function notFound(response: ServerResponse, url: URL): void {
  sendTransportError(response, 404, new NotFoundException(`No GraphiQL file at ${url.pathname}.`));
}
