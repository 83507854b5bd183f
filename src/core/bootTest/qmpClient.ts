import { connect, type Socket } from 'node:net';

/**
 * A minimal QMP client (docs/interop/qmp-spec): read the greeting, leave negotiation with
 * `qmp_capabilities`, then one command at a time, each answered by `return` or `error`.
 */
export class QmpClient {
  private buffer = '';
  private waiting: ((message: Record<string, unknown>) => void)[] = [];

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf('\n'); end >= 0; end = this.buffer.indexOf('\n')) {
        const line = this.buffer.slice(0, end).trim();
        this.buffer = this.buffer.slice(end + 1);
        if (!line) continue;
        const message = JSON.parse(line) as Record<string, unknown>;
        if ('event' in message) continue;
        this.waiting.shift()?.(message);
      }
    });
  }

  static async open(path: string): Promise<QmpClient> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const attempt = connect(path, () => resolve(attempt));
      attempt.once('error', reject);
    });
    const client = new QmpClient(socket);
    await client.next(); // the greeting
    await client.execute('qmp_capabilities');
    return client;
  }

  private next(): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      // One close listener per waiting answer, removed once answered: a client asked every
      // second for minutes must not pile them up.
      const closed = () => reject(new Error('QMP socket closed'));
      this.socket.once('close', closed);
      this.waiting.push((message) => {
        this.socket.off('close', closed);
        resolve(message);
      });
    });
  }

  /** Runs one command; rejects with QEMU's own description when it answers with an error. */
  async execute(command: string, args?: Record<string, unknown>): Promise<unknown> {
    const answer = this.next();
    this.socket.write(
      `${JSON.stringify(args ? { execute: command, arguments: args } : { execute: command })}\n`,
    );
    const message = await answer;
    if ('error' in message) {
      const error = message.error as { desc?: string; class?: string };
      throw new Error(error.desc ?? error.class ?? 'QMP error');
    }
    return message.return;
  }

  close(): void {
    this.socket.destroy();
  }
}
