import {
  BackstageIdentityApi,
  createApiRef,
  OpenIdConnectApi,
  ProfileInfoApi,
  SessionApi,
} from '@backstage/core-plugin-api';

/** The dev-only friend guest (backend provider `guest-friend`). */
export const guestFriendAuthApiRef = createApiRef<
  ProfileInfoApi & BackstageIdentityApi & SessionApi
>({ id: 'homelab.auth.guest-friend' });

/** A generic OIDC provider (Authentik, Keycloak): backend provider `oidc`. */
export const oidcAuthApiRef = createApiRef<
  OpenIdConnectApi & ProfileInfoApi & BackstageIdentityApi & SessionApi
>({ id: 'homelab.auth.oidc' });
