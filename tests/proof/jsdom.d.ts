// jsdom ships no types; the proof tests only use its spec-conforming DOMParser.
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string, options?: unknown);
    readonly window: any;
  }
}
