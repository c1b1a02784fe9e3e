import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import App from './app/App.jsx';

createRoot(document.getElementById('root')).render(
  <StrictMode>
    {/* Plain (not transition) updates: a controlled input such as the date picker must follow the URL at once. */}
    <BrowserRouter useTransitions={false}>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
