/** The current time as an ISO-8601 UTC instant; injected so use cases and the sandbox can move time. */
export interface Clock {
  now(): string;
}
