// The GraphiQL page of the local API, bundled by ../bundle.ts for the browser (plain JavaScript:
// the project has no React types, and the code is small).
//
// The server injects a JSON config (see ../page.ts): the GraphQL endpoint and the ways to authenticate
// (`authOptions`, each a label and the headers it sends). The chosen option's headers pre-fill the
// headers editor; with more than one option a picker above GraphiQL switches between them.
import './monaco-environment.js';
import { createElement, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import './page.css';

const config = JSON.parse(document.getElementById('liveboard-graphiql-config').textContent);
const endpoint = new URL(config.endpoint, window.location.href).toString();

function headersText(option) {
  return option ? JSON.stringify(option.headers, null, 2) : '';
}

function AuthPicker({ options, selected, onSelect }) {
  return createElement(
    'label',
    { className: 'liveboard-auth-picker' },
    'Authorization: ',
    createElement(
      'select',
      { value: selected, onChange: (event) => onSelect(Number(event.target.value)) },
      options.map((option, index) => createElement('option', { key: option.label, value: index }, option.label)),
    ),
  );
}

function App() {
  const [selected, setSelected] = useState(0);
  const option = config.authOptions[selected];
  // The chosen credentials also go with every request GraphiQL makes on its own (schema introspection
  // runs before the headers editor is read); headers typed in the editor are added to them.
  const fetcher = useMemo(() => createGraphiQLFetcher({ url: endpoint, headers: option ? option.headers : {} }), [option]);
  const graphiql = createElement(GraphiQL, {
    // A new key remounts GraphiQL so that the headers editor shows the newly chosen credentials.
    key: selected,
    fetcher,
    initialHeaders: headersText(option),
    defaultHeaders: headersText(option),
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'headers',
  });
  if (config.authOptions.length < 2) return graphiql;
  return createElement(
    'div',
    { className: 'liveboard-page' },
    createElement(AuthPicker, { options: config.authOptions, selected, onSelect: setSelected }),
    graphiql,
  );
}

createRoot(document.getElementById('graphiql')).render(createElement(App));
