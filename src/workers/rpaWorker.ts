/// <reference lib="webworker" />
import { createRpaHandler } from './rpaHandler';
import { rpaProtocol } from './rpaProtocol';
import { serveProtocol, type WorkerScopeLike } from './rpc';

/** Module worker for the RPA候補 tab; the protocol and handler live beside it. */
serveProtocol(self as unknown as WorkerScopeLike, rpaProtocol, createRpaHandler());
