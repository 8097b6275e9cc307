// How the benches sum up repeated runs: the median, and the spread of the runs next to it.

/** The middle of `xs` (the upper one of an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The range of `xs`, "min–max unit", `digits` after the point (as benches/common/mod.rs writes it). */
export const spread = (xs, unit = 'ms', digits = 1) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)} ${unit}`;
