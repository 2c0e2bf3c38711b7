import type { IncomingMessage, ServerResponse } from 'node:http';

/** Server-Sent Events to the open preview pages: one-way, plain HTTP, reconnected by the browser itself. */
export class EventHub {
  readonly #clients = new Set<ServerResponse>();

  open(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    // A first line, so that the browser counts the stream as open at once.
    response.write(': connected\n\n');
    this.#clients.add(response);
    request.on('close', () => this.#clients.delete(response));
  }

  send(data: unknown): void {
    const event = `data: ${JSON.stringify(data)}\n\n`;
    for (const client of this.#clients) client.write(event);
  }

  close(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}
