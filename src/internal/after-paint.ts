/**
 * Resolves once the browser has painted what the DOM holds now: a task after the next animation
 * frame. Work the first screen does not need (the form's controller) waits for it, so that it
 * does not hold the first paint back. A hidden tab paints no frames: after a fifth of a second the
 * work goes ahead anyway.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 200);
    requestAnimationFrame(() => setTimeout(resolve));
  });
}
