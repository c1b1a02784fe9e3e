// Bundles the GraphiQL 5 IDE for PartnershipAtlas. Everything (monaco editor,
// its web workers, fonts, styles) is bundled by vite: nothing is fetched from
// a CDN at runtime.
import 'graphiql/setup-workers/vite';
import '@graphiql/react/font/roboto.css';
import '@graphiql/react/font/fira-code.css';
import 'graphiql/style.css';
import './main.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';

const endpoint = new URL('/graphql', window.location.origin).href;
const fetcher = createGraphiQLFetcher({ url: endpoint });

// The IDE's tabs, one document per file in tabs/ (in name order; the first opens
// on a first visit). A test runs every one of them against the default data.
const tabDocuments = import.meta.glob('./tabs/*.graphql', { query: '?raw', import: 'default', eager: true });
const tabs = Object.keys(tabDocuments).sort().map((file) => ({ query: tabDocuments[file] }));

function App() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={tabs[0].query}
      defaultTabs={tabs}
    />
  );
}

createRoot(document.getElementById('graphiql')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
