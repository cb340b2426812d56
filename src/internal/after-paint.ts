/**
 * Resolves once the browser has painted what the DOM holds now and has nothing more urgent to do:
 * an idle moment after the next animation frame (a task after it where there are no idle
 * callbacks). Work the first screen does not need (the form's controller) waits for it, so that it
 * holds back neither the first paint nor what the page does right after. A hidden tab paints no
 * frames, and a busy one may have no idle moment: after a fifth of a second the work goes ahead.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 200);
    requestAnimationFrame(() => (window.requestIdleCallback ?? setTimeout)(() => resolve()));
  });
}
