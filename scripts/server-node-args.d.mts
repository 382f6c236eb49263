// Types for server-node-args.mjs (plain JS so `npm start` needs no loader).
export declare const serverNodeArgs: readonly string[];
