/**
 * SHA-256 of a string's UTF-8 bytes, as lowercase hex, from @noble/hashes (audited, pure JavaScript, no I/O: the
 * domain may import it, DESIGN.md §8). A decision's digest must resist a requester crafting a different text with
 * the approved digest: a 32-bit checksum such as FNV-1a can be matched by brute force in minutes, SHA-256 cannot.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));
