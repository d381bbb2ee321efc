/**
 * The GraphiQL page's HTML, with its configuration inlined as JSON (read by `browser/main.js`).
 */

/** One way to call the API from GraphiQL: a label for the picker and the headers it sends. */
export interface GraphiqlAuthOption {
  label: string;
  headers: Record<string, string>;
}

export interface GraphiqlConfig {
  /** The GraphQL endpoint, relative to the page or absolute. */
  endpoint: string;
  /** The first option pre-fills the headers editor; with two or more, the page shows a picker. */
  authOptions: GraphiqlAuthOption[];
}

export function graphiqlHtml(config: GraphiqlConfig): string {
  // `<` is escaped so that no value can close the script element.
  const configJson = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>liveboard · GraphiQL</title>
<link rel="stylesheet" href="./main.css">
<script id="liveboard-graphiql-config" type="application/json">${configJson}</script>
<script type="module" src="./main.js"></script>
</head>
<body><div id="graphiql"></div></body>
</html>
`;
}
