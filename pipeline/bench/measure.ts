/** Peak resident memory over a phase, sampled from process.memoryUsage().rss every few ms. */
export type Measured<T> = { value: T; seconds: number; peakRssMb: number };

const MB = 1024 * 1024;

/**
 * Times a phase and samples its resident set size on a timer. Sampling needs the event loop, so
 * long synchronous stretches are sampled at their ends only; the process-wide peak
 * (resourceUsage().maxRSS) is reported beside it as an upper bound.
 */
export async function measure<T>(work: () => Promise<T> | T, intervalMs = 20): Promise<Measured<T>> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  const start = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds: (performance.now() - start) / 1000, peakRssMb: peak / MB };
  } finally {
    clearInterval(timer);
  }
}

/** The highest resident set size of this process so far, in MB (getrusage maxrss). */
export const processPeakRssMb = () => process.resourceUsage().maxRSS / 1024;
