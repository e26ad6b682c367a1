/// <reference lib="webworker" />
import { serveProtocol, type WorkerScopeLike } from './rpc';
import { simFailureOf } from './simFailure';
import { simHandler } from './simHandler';
import { simProtocol } from './simProtocol';

/** Module worker for the simulation tab; the protocol and handler live beside it. */
serveProtocol(self as unknown as WorkerScopeLike, simProtocol, simHandler, simFailureOf);
