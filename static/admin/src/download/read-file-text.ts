/** A picked file's text (UTF-8), through FileReader, which every browser (and jsdom) has. */
export const readFileText = (file: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(new Error('The file could not be read. Pick it again.'));
    };
    reader.readAsText(file);
  });
