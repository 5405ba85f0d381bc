import 'assessment-dashboard';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

const configuration = { targets: { 'case.online_apply_rate': 0.6 } };

function App() {
  const [loaded, setLoaded] = useState(null);
  // React 19 sets objects on custom elements as properties and wires `on<event-name>` to that event.
  return (
    <>
      <p role="status">{loaded === null ? '载入中…' : `已载入 ${loaded} 行`}</p>
      <assessment-dashboard
        src="/data/cases.csv"
        disclosures="/data/disclosures.csv"
        asset-base="/duckdb/"
        configuration={configuration}
        onad-ready={(event) => setLoaded(event.detail.imports.reduce((n, i) => n + i.loaded, 0))}
      />
    </>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
