/** What a Data API handler gets from the router. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Method } from './quota.ts';
import type { EmulatorState } from './store.ts';
import type { AccessGrant } from './tokens.ts';

export interface ApiContext {
  state: EmulatorState;
  url: URL;
  req: IncomingMessage;
  res: ServerResponse;
  grant: AccessGrant;
  method: Method;
  /** Charges the method's cost once the request is valid; throws quotaExceeded / uploadLimitExceeded. */
  charge(): void;
}

export type Handler = (ctx: ApiContext) => Promise<void> | void;

/** Which scopes a method accepts. */
export type Access = 'read' | 'write' | 'upload' | 'captions';

export interface Route {
  verb: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  method: Method;
  access: Access;
  handler: Handler;
}
