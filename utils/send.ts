/**
 * The one way to send a message to the background: the reply is typed by the message's declaration in
 * utils/messages.ts. Kept apart from the schemas so content scripts send without bundling valibot.
 */
import { browser } from 'wxt/browser';
import type { MessageType, ReplyOf, RequestOf } from '@/utils/messages';

export function send<K extends MessageType>(type: K, request: RequestOf<K>): Promise<ReplyOf<K>> {
  return browser.runtime.sendMessage({ type, ...request });
}
