// The homelab portal's backend (new backend system). Plugins are added here;
// their configuration lives in app-config*.yaml.
import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleHomelabOrg } from '@internal/plugin-catalog-backend-module-homelab-gitops';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// Homelab templates: plan, write and publish apps into the GitOps repo.
backend.add(import('@internal/plugin-scaffolder-backend-module-homelab'));

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));
// Docs from the GitOps repo as it is: prepared copies, generated MkDocs
// config, background prebuilds.
backend.add(import('@internal/plugin-techdocs-backend-module-homelab'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
// See https://backstage.io/docs/backend-system/building-backends/migrating#the-auth-plugin
// Guest (admin) and friend guest for the embedded default, refused in
// production by the homelab module; GitHub and OIDC sign-in in production.
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@internal/plugin-auth-backend-module-homelab'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// GitOps discovery: the homelab repo becomes the catalog.
backend.add(import('@internal/plugin-catalog-backend-module-homelab-gitops'));
// Users and groups declared under homelab.org, beside the org file.
backend.add(catalogModuleHomelabOrg);
// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Recent changes: which components the GitOps checkout's commits touched.
backend.add(import('@internal/plugin-homelab-gitops-backend'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// Admins do everything; friends read and create apps in their domains.
backend.add(import('@internal/plugin-permission-backend-module-homelab'));

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search engine
// See https://backstage.io/docs/features/search/search-engines
backend.add(import('@backstage/plugin-search-backend-module-pg'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));
// Catalog documents carry ingress hosts, system and tags: a host finds its app.
backend.add(import('@internal/plugin-search-backend-module-homelab'));

// kubernetes plugin
backend.add(import('@backstage/plugin-kubernetes-backend'));
// With homelab.state.source: recorded, the Kubernetes tab reads the recorded cluster.
backend.add(import('@internal/plugin-kubernetes-backend-module-homelab-recorded'));

// live cluster state: Ceph, CloudNativePG, Ray, Argo CD
backend.add(import('@internal/plugin-homelab-state-backend'));

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// mcp actions plugin
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// A backend that cannot start (e.g. guest sign-in configured in production)
// exits with the reason instead of idling, never ready.
backend.start().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
