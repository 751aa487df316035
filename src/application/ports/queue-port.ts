/** Fan-out of lifecycle work to the async queue consumer (`@forge/events` in production). */
export interface QueuePort {
  push(events: readonly unknown[]): Promise<void>;
}
