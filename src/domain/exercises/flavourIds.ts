// The languages an exercise can come in, with nothing else, so a webview can name them without
// pulling the runners (and Node's modules) into its bundle.
export const flavours = ['javascript', 'typescript', 'python', 'go'] as const;
export type Flavour = (typeof flavours)[number];
