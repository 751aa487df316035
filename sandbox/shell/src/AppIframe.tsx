import { useEffect, useRef, useState } from 'react';

/**
 * A Custom UI app's iframe that grows with its content, as Jira sizes Forge apps' iframes to what they render
 * (the bridge's iframe resizer there). The apps are served from the shell's origin, so the shell reads the
 * height of the app's document directly; `minHeight` holds the place while the app loads.
 */
export function AppIframe({ title, src, minHeight }: { title: string; src: string; minHeight: number }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(minHeight);
  useEffect(() => {
    const element = frame.current;
    if (element === null) return;
    let observer: ResizeObserver | undefined;
    const watch = () => {
      observer?.disconnect();
      const document = element.contentDocument;
      // The app's root, not <body>: a body as tall as the viewport would grow with the iframe, without end.
      const content = document?.getElementById('root') ?? document?.body;
      if (!content) return;
      const measure = () => {
        setHeight(Math.max(minHeight, Math.ceil(content.getBoundingClientRect().bottom) + 16));
      };
      observer = new ResizeObserver(measure);
      observer.observe(content);
      measure();
    };
    element.addEventListener('load', watch);
    return () => {
      element.removeEventListener('load', watch);
      observer?.disconnect();
    };
  }, [minHeight]);
  return (
    <iframe
      ref={frame}
      title={title}
      src={src}
      style={{ width: '100%', height: `${String(height)}px`, border: 0 }}
    />
  );
}
