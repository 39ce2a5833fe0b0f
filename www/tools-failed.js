// What a reader is told when the claim-checking tools cannot load, whichever step failed (the
// loader tools.js itself, or the tools engine it fetches): written once for both.

/** The reader's message for a failure `e` to load the tools. */
export const toolsFailed = (e) => `The claim-checking tools could not load (${e.message || e}). Check your connection and try again; the answer above does not need them.`;
