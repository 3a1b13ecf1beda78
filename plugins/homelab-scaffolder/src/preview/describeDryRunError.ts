import { ResponseError } from '@backstage/errors';

/** What the preview says when the dry-run fails. */
export interface DryRunErrorDescription {
  /** e.g. `HTTP 400 Bad Request`; absent when no response came back. */
  status?: string;
  message: string;
  /** One line per problem the backend listed (template parameter validation). */
  details: string[];
}

/** What the form knows about the run, to name what the backend refused. */
export interface DryRunContext {
  /** The domain the form asks to create the app in. */
  domain?: string;
}

interface SchemaError {
  stack?: string;
  message?: string;
  property?: string;
}

/**
 * Turns a failed dry-run into a status line, the backend's message and, for
 * a refused parameter set, one line per refused value. The scaffolder answers
 * a parameter that fails the template's JSON schema with `{ errors: [...] }`
 * instead of the usual error body; its text ends up in the message.
 */
export function describeDryRunError(error: unknown, context: DryRunContext = {}): DryRunErrorDescription {
  if (error instanceof ResponseError || (error as ResponseError)?.name === 'ResponseError') {
    const e = error as ResponseError;
    const status = `HTTP ${e.statusCode}${e.statusText ? ` ${e.statusText}` : ''}`;
    const cause = e.body?.error;
    const raw = cause?.message ?? e.message;
    const json = raw.indexOf('{');
    if (json >= 0) {
      try {
        const body = JSON.parse(raw.slice(json)) as { errors?: SchemaError[] };
        if (Array.isArray(body.errors)) {
          return {
            status,
            message: 'The backend refused the form values before running anything.',
            details: body.errors.map(s => (s.stack ?? `${s.property ?? ''} ${s.message ?? ''}`).replace(/^instance\.?/, '')),
          };
        }
      } catch {
        // not JSON: show the text as it is
      }
    }
    // The scaffolder refuses a step the permission policy denies with a
    // generic NotAllowedError naming only the action. For the homelab the
    // condition that fails a step is the domain it writes into, so say so.
    const refusedAction = /^Unauthorized action: (\S+?)\.? The action is not allowed/.exec(raw)?.[1];
    if (e.statusCode === 403 && refusedAction) {
      return {
        status,
        message: context.domain
          ? `You may not create apps in domain ${context.domain}: the permission policy refused the step ${refusedAction}.`
          : `The permission policy refused the step ${refusedAction} for these values.`,
        details: [
          'Friends create apps only in the domains configured for their group (homelab.permissions.friendDomains); pick another domain or ask an admin.',
        ],
      };
    }
    const name = cause?.name && cause.name !== 'Error' ? `${cause.name}: ` : '';
    return { status, message: `${name}${raw}`, details: [] };
  }
  // Not `instanceof Error`: fetch errors may come from another realm.
  const message = (error as Error | undefined)?.message;
  return { message: typeof message === 'string' ? message : String(error), details: [] };
}
