/**
 * Where SMS / mail go. The outbox table is drained by a sender; the default one writes to
 * the log with the number masked. A real SMS gateway implements the same interface.
 */
export interface MessageSender {
  send(msg: { channel: string; recipient: string; subject: string; body: string }): Promise<void>;
}

export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****";
}

export class LogSender implements MessageSender {
  async send(msg: { channel: string; recipient: string; subject: string }) {
    console.log(`[outbox] ${msg.channel} → ${maskPhone(msg.recipient)}: ${msg.subject}`);
  }
}
