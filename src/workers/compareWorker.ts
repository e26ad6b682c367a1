/// <reference lib="webworker" />
import { compareHandler } from './compareHandler';
import { compareProtocol } from './compareProtocol';
import { serveProtocol, type WorkerScopeLike } from './rpc';
import { simFailureOf } from './simFailure';

/** Module worker for 比較 (and the 取組 tab's pair figures); the protocol and handler live beside it. */
serveProtocol(self as unknown as WorkerScopeLike, compareProtocol, compareHandler, simFailureOf);
