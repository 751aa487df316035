/**
 * A short fingerprint of a justification, stored with each decision so recertification can require a fresh one
 * without keeping a second copy of the text. Whitespace and case are normalised: re-flowing the same words is
 * not a fresh justification. FNV-1a (32 bit) is enough: this detects "unchanged", it is not a security boundary.
 */
export const justificationDigest = (justification: string): string => {
  const normalised = justification.trim().replace(/\s+/g, ' ').toLowerCase();
  let hash = 0x811c9dc5;
  for (let index = 0; index < normalised.length; index += 1) {
    hash ^= normalised.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `fnv1a:${hash.toString(16).padStart(8, '0')}`;
};
