import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider } from './i18n/i18n';
import { ServicesProvider } from './live/context';
import { AuthStore } from './lib/auth';
import { createClients } from './lib/client';
import { ConnectionStore } from './lib/connection';

const auth = new AuthStore();
const connection = new ConnectionStore();
window.addEventListener('offline', () => connection.browserOffline());
const clients = createClients(auth, connection);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServicesProvider services={{ auth, connection, clients }}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </ServicesProvider>
  </StrictMode>,
);
