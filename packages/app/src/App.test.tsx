import { render } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('renders the configured sign-in page', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
            techdocs: {
              storageUrl: 'http://localhost:7007/api/techdocs/static/docs',
            },
          },
          context: 'test',
        },
      ] as any,
    };

    const rendered = render(App.createRoot());

    // No homelab.signInProviders configured: the embedded default's guest entry.
    expect(
      await rendered.findByText(/Enter as a Guest User/, {}, { timeout: 15000 }),
    ).toBeInTheDocument();
  });
});
