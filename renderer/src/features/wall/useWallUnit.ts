import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * The wall's type unit in pixels: 1/42 of the screen height (25.7 px at 1080p, 51.4 px at 4K), held
 * back on narrow screens so six columns still fit side by side. Every size in wall.css is a
 * multiple of it, which lets the "how many cards fit" arithmetic know each card's height.
 */
export function wallUnit(width: number, height: number): number {
  return Math.max(12, Math.min(height / 42, width / 68));
}

export function useWallUnit(): number {
  const [unit, setUnit] = useState(() => wallUnit(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const onResize = () => setUnit(wallUnit(window.innerWidth, window.innerHeight));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return unit;
}

/** The content height of an element, kept current as the window changes. */
export function useHeight<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, height];
}
