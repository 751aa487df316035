/**
 * A short fingerprint of a justification, stored with each decision so recertification can require a fresh one
 * without keeping a second copy of the text. It is taken over the justification's words (visible-text.ts: letters
 * and digits, case ignored): re-flowing the same words, or adding punctuation or invisible characters, is not a
 * fresh justification. FNV-1a (32 bit) is enough: this detects "unchanged", it is not a security boundary.
 */
import { contentKey } from './visible-text';

const fnv1a = (normalised: string): string => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < normalised.length; index += 1) {
    hash ^= normalised.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `fnv1a:${hash.toString(16).padStart(8, '0')}`;
};

export const justificationDigest = (justification: string): string => fnv1a(contentKey(justification));

/**
 * The fingerprint decisions recorded before ISSUE6 (whitespace and case normalised only). A stored digest may be
 * either kind; a justification matches a decision when either of its fingerprints does.
 */
export const whitespaceJustificationDigest = (justification: string): string =>
  fnv1a(justification.trim().replace(/\s+/g, ' ').toLowerCase());
