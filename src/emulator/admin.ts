/** The inspection and control endpoints under /__admin/ (no auth): for tests and the demo. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderVideo } from './api/videos.ts';
import { FaultSyntaxError, parseFaults } from './faults.ts';
import type { FaultAction } from './faults.ts';
import { readJson, sendJson } from './http.ts';
import { adminTokens } from './oauth.ts';
import type { EmulatorState } from './store.ts';
import { noticeDropped, releaseHeld } from './uploads.ts';

export function applyActions(state: EmulatorState, actions: readonly FaultAction[]): void {
  for (const action of actions) {
    switch (action) {
      case 'expire-tokens':
        state.tokens.expireAll();
        break;
      case 'expire-sessions':
        state.sessions.clear();
        break;
      case 'quota-exhausted':
        state.quota.exhaustUnits();
        break;
      case 'uploads-exhausted':
        state.quota.exhaustUploads();
        break;
      case 'channel-upload-limit':
        state.quota.capChannel();
        break;
      case 'release':
        releaseHeld(state);
        break;
      case 'notice':
        noticeDropped(state);
        break;
    }
  }
}

const ALL_PARTS = ['snippet', 'status', 'contentDetails', 'fileDetails', 'processingDetails', 'statistics', 'recordingDetails', 'localizations'];

/** Answers an /__admin/ request; false when the path is not one. */
export async function admin(state: EmulatorState, path: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const route = `${req.method ?? ''} ${path}`;
  switch (route) {
    case 'GET /__admin/state':
      sendJson(res, 200, state.snapshot((v) => renderVideo(state, v, ALL_PARTS)));
      return true;
    case 'POST /__admin/tokens':
      await adminTokens(state, req, res);
      return true;
    case 'POST /__admin/faults': {
      const body = await readJson(req);
      const list = body.faults;
      if (!Array.isArray(list) || !list.every((f): f is string => typeof f === 'string')) {
        sendJson(res, 400, { error: 'body must be { "faults": string[] }' });
        return true;
      }
      try {
        const { plan, actions } = parseFaults(list);
        state.faults = plan;
        applyActions(state, actions);
        sendJson(res, 200, { faults: state.faults });
      } catch (error) {
        if (!(error instanceof FaultSyntaxError)) throw error;
        sendJson(res, 400, { error: error.message });
      }
      return true;
    }
    case 'POST /__admin/expire-tokens':
      state.tokens.expireAll();
      sendJson(res, 200, {});
      return true;
    case 'POST /__admin/reset-quota':
      state.quota.reset();
      sendJson(res, 200, state.quota.snapshot());
      return true;
    case 'POST /__admin/wipe':
      state.wipe();
      sendJson(res, 200, {});
      return true;
    default:
      return false;
  }
}
