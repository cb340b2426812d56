/**
 * Resolves once the browser has painted what the DOM holds now and has nothing more urgent to do:
 * an idle moment after the next animation frame. Work the first screen does not need (the form's
 * controller) waits for it, so that it holds back neither the first paint nor what the page does
 * right after. A hidden tab paints no frames: after a fifth of a second the work goes ahead anyway.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 200);
    requestAnimationFrame(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 100 }) : setTimeout(resolve)));
  });
}
