// How a rendered email leaves: SMTP through nodemailer (SMTP_URL), or, with no SMTP set up,
// composed exactly as SMTP would carry it and kept in the sandbox's mailbox (/sandbox/mail).
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** `<outbox-id@shop-host>`: the same on every try, so a receiver can drop a repeat. */
  messageId: string;
  /** Extra headers (the outbox id, the topic). */
  headers: Record<string, string>;
};

export type SmtpResult = { messageId: string; response: string };

/** Sends one message over SMTP; throws with the server's answer when it refuses. */
export type SmtpSend = (mail: OutgoingMail) => Promise<SmtpResult>;

/** Each try gives up well inside the outbox's claim lease (2 minutes). */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

const transports = new Map<string, Transporter>();

/** A sender for SMTP_URL (smtp://, smtps://, with user and password in the URL). */
export function smtpSender(url: string): SmtpSend {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({ url, ...TIMEOUTS });
    transports.set(url, transport);
  }
  const ready = transport;
  return async (mail) => {
    const info = await ready.sendMail(toNodemailer(mail));
    return { messageId: String(info.messageId ?? mail.messageId), response: String(info.response ?? "") };
  };
}

const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

/** The whole message (headers and MIME parts) as SMTP would carry it, for the sandbox mailbox. */
export async function composeRaw(mail: OutgoingMail): Promise<string> {
  const info = (await composer.sendMail(toNodemailer(mail))) as { message: Buffer };
  return info.message.toString("utf8");
}

function toNodemailer(mail: OutgoingMail): SendMailOptions {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    messageId: mail.messageId,
    headers: mail.headers,
  };
}
