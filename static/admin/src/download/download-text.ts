/**
 * Saves text as a file in the browser: a Blob behind an object URL, clicked through an anchor with `download`.
 * The content never becomes markup (no HTML is built from it), and the URL is revoked once the click is handled.
 */
export const downloadText = (content: string, filename: string, type: string): void => {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.rel = 'noopener';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
};
