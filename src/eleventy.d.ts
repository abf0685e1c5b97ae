/** The part of Eleventy's programmatic API that the build uses (Eleventy ships no types). */
declare module '@11ty/eleventy' {
  /** The configuration API, as far as the build uses it. */
  export interface EleventyUserConfig {
    /** Emitted once every page's URL is known, before any page is rendered. */
    on(event: 'eleventy.contentMap', listener: (map: { inputPathToUrl: Record<string, string[]> }) => void): void;
    /** Runs on each rendered page before it is written; returns the content to write. */
    /** Eleventy's timers; `config` times what the configuration adds (transforms among them). */
    benchmarks?: { config?: { setIsVerbose(verbose: boolean): void } };
    addTransform(name: string, transform: (this: { page: { outputPath: string | false } }, content: string) => string | Promise<string>): void;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options: { configPath?: string; quietMode?: boolean; config?: (config: EleventyUserConfig) => void });
    write(): Promise<unknown>;
  }
}
