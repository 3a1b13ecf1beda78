import {
  BackstageIdentityApi,
  BackstageIdentityResponse,
  DiscoveryApi,
  ProfileInfo,
  ProfileInfoApi,
  SessionApi,
  SessionState,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { Observable, Observer, Subscription } from '@backstage/types';

type Session = {
  profile: ProfileInfo;
  backstageIdentity: BackstageIdentityResponse;
  expiresAt: number;
};

// Renew a minute before the token's `exp`, like the core proxied identity.
const RENEW_MARGIN_MS = 60_000;

function expiryOf(token: string): number {
  try {
    const payload = JSON.parse(
      window.atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')),
    );
    if (typeof payload.exp === 'number') {
      return payload.exp * 1000 - RENEW_MARGIN_MS;
    }
  } catch {
    // not a JWT we can read: fall through to a short session
  }
  return Date.now() + 5 * 60_000;
}

/**
 * The auth API of a proxy-style sign-in provider (no popup, the backend
 * decides who you are): `GET /api/auth/<provider>/refresh`. Lets the stock
 * sign-in page offer the dev-only friend guest as one more card.
 */
export class ProxiedSessionAuthApi
  implements ProfileInfoApi, BackstageIdentityApi, SessionApi
{
  private session?: Session;
  private readonly observers = new Set<Observer<SessionState>>();

  constructor(
    private readonly options: { discoveryApi: DiscoveryApi; provider: string },
  ) {}

  async signIn(): Promise<void> {
    await this.current();
  }

  async signOut(): Promise<void> {
    this.session = undefined;
    this.emit();
  }

  async getProfile(): Promise<ProfileInfo | undefined> {
    return (await this.current()).profile;
  }

  async getBackstageIdentity(): Promise<BackstageIdentityResponse | undefined> {
    return (await this.current()).backstageIdentity;
  }

  sessionState$(): Observable<SessionState> {
    const observers = this.observers;
    const current = () => this.state();
    const observable: Observable<SessionState> = {
      [Symbol.observable]() {
        return observable;
      },
      subscribe(
        next?: Observer<SessionState> | ((value: SessionState) => void),
      ): Subscription {
        const observer: Observer<SessionState> =
          typeof next === 'function' ? { next } : next ?? {};
        observers.add(observer);
        observer.next?.(current());
        let closed = false;
        return {
          get closed() {
            return closed;
          },
          unsubscribe() {
            closed = true;
            observers.delete(observer);
          },
        };
      },
    } as Observable<SessionState>;
    return observable;
  }

  private state(): SessionState {
    return this.session ? SessionState.SignedIn : SessionState.SignedOut;
  }

  private emit() {
    for (const observer of this.observers) observer.next?.(this.state());
  }

  private async current(): Promise<Session> {
    if (this.session && Date.now() < this.session.expiresAt) {
      return this.session;
    }
    const baseUrl = await this.options.discoveryApi.getBaseUrl('auth');
    const response = await fetch(`${baseUrl}/${this.options.provider}/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'include',
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = await response.json();
    const wasSignedIn = Boolean(this.session);
    this.session = {
      profile: body.profile ?? {},
      backstageIdentity: {
        ...body.backstageIdentity,
        expiresAt: undefined,
      },
      expiresAt: expiryOf(body.backstageIdentity.token),
    };
    if (!wasSignedIn) this.emit();
    return this.session;
  }
}
