import { connect, type Socket } from 'node:net';

/**
 * How long QEMU gets to answer one command. A QEMU taken over by its guest could leave a command
 * unanswered forever; the helper must never wait on it past its own deadlines.
 */
const ANSWER_TIMEOUT_MS = 5000;
/** QMP answers are small (query-block is a few KiB); a longer unfinished line is not QMP. */
const MAX_LINE_BYTES = 1024 * 1024;

/**
 * A minimal QMP client (docs/interop/qmp-spec): read the greeting, leave negotiation with
 * `qmp_capabilities`, then one command at a time, each answered by `return` or `error`. What QEMU
 * sends is not trusted: a line that is not JSON, a line without end, or no answer in time closes
 * the connection and fails the command.
 */
export class QmpClient {
  private buffer = '';
  private waiting: ((message: Record<string, unknown>) => void)[] = [];

  private constructor(
    private readonly socket: Socket,
    private readonly answerTimeoutMs: number,
  ) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf('\n'); end >= 0; end = this.buffer.indexOf('\n')) {
        const line = this.buffer.slice(0, end).trim();
        this.buffer = this.buffer.slice(end + 1);
        if (!line) continue;
        let message: unknown;
        try {
          message = JSON.parse(line);
        } catch {
          socket.destroy(new Error('QMP sent something that is not JSON'));
          return;
        }
        if (typeof message !== 'object' || message === null || 'event' in message) continue;
        this.waiting.shift()?.(message as Record<string, unknown>);
      }
      if (this.buffer.length > MAX_LINE_BYTES) socket.destroy(new Error('QMP sent a line without end'));
    });
    // Errors end up as the close that fails whatever waits; unhandled they would crash the process.
    socket.on('error', () => {});
  }

  static async open(path: string, answerTimeoutMs = ANSWER_TIMEOUT_MS): Promise<QmpClient> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const attempt = connect(path, () => resolve(attempt));
      attempt.once('error', reject);
    });
    const client = new QmpClient(socket, answerTimeoutMs);
    try {
      await client.next(); // the greeting
      await client.execute('qmp_capabilities');
    } catch (error) {
      client.close();
      throw error;
    }
    return client;
  }

  private next(): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      if (this.socket.destroyed) {
        reject(new Error('QMP socket closed'));
        return;
      }
      // One close listener and one timer per waiting answer, removed once answered: a client
      // asked every second for minutes must not pile them up.
      const closed = () => {
        clearTimeout(timer);
        reject(new Error('QMP socket closed'));
      };
      const timer = setTimeout(() => this.socket.destroy(), this.answerTimeoutMs);
      this.socket.once('close', closed);
      this.waiting.push((message) => {
        clearTimeout(timer);
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
