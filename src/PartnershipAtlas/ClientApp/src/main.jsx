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

const welcomeQuery = `# PartnershipAtlas: how England's schools work together.
#
# Trusts, federations, dioceses and other networks are
# "partnerships"; schools join and leave them over time
# ("memberships"). The other tabs hold more examples.
#
# Press the run button (or Ctrl-Enter) to run a query.
# Ctrl-Space suggests fields; the Docs button (top left)
# shows the whole schema.
query Establishments {
  establishments(first: 5) {
    totalCount
    nodes {
      urn name phase laName
      partnerships { kind name }
    }
  }
}
`;

const schoolNetworksQuery = `# One school's networks, now and in the past.
query SchoolNetworks {
  establishment(urn: 115850) {
    name
    partnerships { kind name }
    memberships {
      role joined left
      partnership { kind name }
    }
  }
}
`;

const partnershipKindsQuery = `# Partnerships of some kinds, with their member counts.
query PartnershipsByKind {
  partnerships(
    kinds: [MULTI_ACADEMY_TRUST, DIOCESE]
    first: 10
  ) {
    totalCount
    nodes { id kind name memberCount }
  }
}
`;

function App() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={welcomeQuery}
      defaultTabs={[
        { query: welcomeQuery },
        { query: schoolNetworksQuery },
        { query: partnershipKindsQuery },
      ]}
    />
  );
}

createRoot(document.getElementById('graphiql')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
